import type * as pulumi from "@pulumi/pulumi";
import { LangdockResource, outputNames, type Out } from "../resource";
import { skillSpec } from "./spec";
import type { SkillOutputs } from "./wire";

export interface SkillArgs {
  /** Skill name, 1–64 characters. Required unless `source` is set (its SKILL.md's frontmatter `name` is used). */
  name?: pulumi.Input<string>;
  /**
   * Unique identifier in the workspace, at most 100 characters of lowercase letters, digits and dashes.
   * Left out, Langdock derives it from the name. Changing it renames the skill in place. Not with `source`
   * (Langdock derives it from the SKILL.md's name).
   */
  slug?: pulumi.Input<string>;
  /** When Langdock should use the skill, at most 1,024 characters: its AI activates the skill when this matches the conversation. Not with `source`. */
  description?: pulumi.Input<string>;
  /**
   * The skill's instructions (Markdown), 1–50,000 characters; trailing whitespace is not significant.
   * Required unless `source` is set. From a file: `codeFromFile("faq.md", { kind: "skill" })`.
   */
  instructions?: pulumi.Input<string>;
  /**
   * Ids of integrations whose actions the skill may use while it is active (e.g. an `Integration`'s `id`);
   * each must be enabled in the workspace. Order is not significant; an update replaces the list.
   */
  integrationIds?: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * The skill as files, instead of `name`, `description` and `instructions`: a folder holding a `SKILL.md`
   * (YAML frontmatter with `name` and `description`, then the instructions) and the files it uses (hidden
   * files left out), or a `SKILL.md`, `.zip` or `.skill` file. Relative to the program's folder. Imported
   * with Langdock's skill import; compared by content (a hash), so an unchanged folder costs no call, and
   * the state never holds the files.
   */
  source?: pulumi.Input<string>;
  /** Take over this existing skill instead of creating one (read at the first `up`, then updated to match). Changing it later has no effect. */
  adoptId?: pulumi.Input<string>;
}

/**
 * A Langdock skill: reusable instructions Langdock's AI activates when the conversation matches its
 * description, optionally with integrations whose actions it may use. Updates keep the skill's id;
 * `pulumi destroy` deletes it. Needs an API key with the SKILL_API scope.
 */
export class Skill extends LangdockResource {
  declare readonly name: Out<string>;
  /** The slug Langdock uses (the program's, or derived from the name). */
  declare readonly slug: Out<string>;
  declare readonly description: Out<string | undefined>;
  declare readonly instructions: Out<string>;
  declare readonly integrationIds: Out<string[]>;
  declare readonly source: Out<string | undefined>;
  /** sha256 of the source's content, when `source` is set. */
  declare readonly contentHash: Out<string | undefined>;
  /** When Langdock created the skill (ISO 8601). */
  declare readonly createdAt: Out<string | undefined>;
  /** When the skill last changed in Langdock (ISO 8601). */
  declare readonly updatedAt: Out<string | undefined>;
  constructor(name: string, args: SkillArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = outputNames<SkillOutputs>({
      name: true,
      slug: true,
      description: true,
      instructions: true,
      integrationIds: true,
      source: true,
      contentHash: true,
      createdAt: true,
      updatedAt: true,
    });
    super("Skill", skillSpec, name, args, outputs, opts);
  }
}
