import { parse as parseYaml } from "yaml";
import { LIMITS } from "../base/limits";

/** What a SKILL.md declares: its frontmatter's name and description, and its body (the instructions). */
export interface SkillMd {
  name: string;
  description: string;
  instructions: string;
}

const FRONTMATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * Reads a SKILL.md: YAML frontmatter between `---` lines with `name` and `description`, then the
 * instructions (trimmed). Returns the reason it is not a usable skill instead, worded after `"<file>": `.
 * Limits are Langdock's (LIMITS.skill), counted in UTF-16 units as Langdock counts them.
 */
export function parseSkillMd(text: string): { skill?: SkillMd; problem?: string } {
  const match = FRONTMATTER.exec(text);
  if (!match) return { problem: 'must start with YAML frontmatter between "---" lines, holding the skill\'s name and description' };
  let front: unknown;
  try {
    front = parseYaml(match[1]);
  } catch (err) {
    return { problem: `has frontmatter that is not valid YAML (${firstLine(err)})` };
  }
  if (!front || typeof front !== "object" || Array.isArray(front)) {
    return { problem: "has frontmatter that is not a YAML mapping; write name: and description: lines" };
  }
  const fields = front as Record<string, unknown>;
  const name = textField(fields, "name", LIMITS.skill.name);
  if (name.problem) return name;
  const description = textField(fields, "description", LIMITS.skill.description);
  if (description.problem) return description;
  const instructions = text.slice(match[0].length).trim();
  if (instructions === "") return { problem: "has no instructions: write them below the frontmatter" };
  if (instructions.length > LIMITS.skill.instructions) {
    return { problem: `has instructions of ${instructions.length} characters; Langdock accepts at most ${LIMITS.skill.instructions}` };
  }
  return { skill: { name: name.value as string, description: description.value as string, instructions } };
}

function textField(fields: Record<string, unknown>, key: string, max: number): { value?: string; problem?: string } {
  const value = fields[key];
  if (value === undefined || value === null) return { problem: `has no ${key} in its frontmatter (add a ${key}: line)` };
  if (typeof value !== "string") return { problem: `has a frontmatter ${key} that is not text` };
  const trimmed = value.trim();
  if (trimmed === "") return { problem: `has an empty frontmatter ${key}` };
  if (trimmed.length > max) return { problem: `has a frontmatter ${key} of ${trimmed.length} characters; Langdock accepts at most ${max}` };
  return { value: trimmed };
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split("\n")[0].replace(/\.$/, "");
}
