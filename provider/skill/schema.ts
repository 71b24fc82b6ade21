import type { z } from "zod";
import { list, strictObject, text, uuid, type CheckFailure, type ResourceSchema } from "../common/schema";
import { comparableOf } from "../common/properties";
import { isUnknown } from "../common/unknown";
import { quote } from "../base/text";
import { LIMITS } from "../base/limits";
import { SKILL_PROPERTIES } from "./properties";
import { skillSpec } from "./spec";

/** Langdock's slug pattern (skills.md). */
const SLUG = /^[a-z0-9-]+$/;
/** Set from the SKILL.md when `source` is given. */
const FROM_SOURCE = ["name", "description", "instructions"] as const;

export const SkillInputsSchema = strictObject({
  name: text(LIMITS.skill.name, 1).optional(),
  slug: text(LIMITS.skill.slug, 1)
    .regex(SLUG, { error: (iss) => `must be lowercase letters, digits and dashes (got ${quote(iss.input)})` })
    .optional(),
  description: text(LIMITS.skill.description).optional(),
  instructions: text(LIMITS.skill.instructions, 1).optional(),
  integrationIds: list(uuid("id of an integration")).optional(),
  source: text(4096, 1).optional(),
  adoptId: uuid("id of an existing skill to take over").optional(),
});
export type SkillInputs = z.output<typeof SkillInputsSchema>;
/** The inputs after check: with `source`, the SKILL.md's fields and the content hash are added. */
export type PreparedSkillInputs = SkillInputs & { contentHash?: string };

/** Either the fields, or a source that holds them; each integration once. */
function skillRules(given: Record<string, unknown>): CheckFailure[] {
  const failures: CheckFailure[] = [];
  if (given.source !== undefined) {
    for (const key of FROM_SOURCE) {
      if (given[key] !== undefined)
        failures.push({
          property: key,
          reason: `comes from the SKILL.md frontmatter and body of source; remove ${key}, or remove source and set name, description and instructions here`,
        });
    }
    if (given.slug !== undefined)
      failures.push({
        property: "slug",
        reason: "is derived by Langdock from the SKILL.md's name when source is set (its import matches skills by it); remove slug",
      });
  } else {
    for (const key of ["name", "instructions"] as const) {
      if (given[key] === undefined) failures.push({ property: key, reason: "is required (or set source to a folder holding a SKILL.md)" });
    }
  }
  const ids = Array.isArray(given.integrationIds) ? given.integrationIds : [];
  ids.forEach((id, i) => {
    if (typeof id === "string" && !isUnknown(id) && ids.indexOf(id) < i)
      failures.push({ property: `integrationIds[${i}]`, reason: `${quote(id)} is listed twice; list each integration once` });
  });
  return failures;
}

/** Check reads the source (no HTTP): its SKILL.md's fields and a hash of its content join the inputs. */
function prepare(inputs: Record<string, unknown>): { inputs: Record<string, unknown>; failures: CheckFailure[] } {
  const source = inputs.source;
  if (typeof source !== "string" || isUnknown(source)) return { inputs, failures: [] };
  const { inspectSource } = require("./source") as typeof import("./source");
  const { facts, problem } = inspectSource(source);
  if (!facts) return { inputs, failures: [{ property: "source", reason: problem ?? "cannot be read" }] };
  const { name, description, instructions, contentHash } = facts;
  return { inputs: { ...inputs, name, description, instructions, contentHash }, failures: [] };
}

export const skillSchema: ResourceSchema<SkillInputs> = {
  inputs: SkillInputsSchema,
  comparable: comparableOf(SKILL_PROPERTIES),
  crossField: skillRules,
  replaceOnChanges: skillSpec.replaceOnChanges,
  // Langdock derives the slug from the name; the content hash exists only where check derived it.
  serverDefaulted: ["slug", "contentHash"],
  prepare,
};
