/** The skill's translation to and from Langdock's wire shapes, shared by its CRUD, the lookup and export. */
import type { SkillWire } from "../client/skills";
import type { CreateSkillRequest, UpdateSkillRequest } from "../client/requests";
import type { Outputs, Props } from "../common/crud";
import { sanitize } from "../base/props";
import { bodyOf } from "../common/properties";
import { SKILL_FIELDS, SKILL_PROPERTIES } from "./properties";

export type SkillOutputs = Outputs<
  "name" | "slug" | "description" | "instructions" | "integrationIds" | "source" | "contentHash" | "adoptId" | "createdAt" | "updatedAt"
>;

/** Outputs: the inputs' names with Langdock's values; the source and its hash come from `fallback`. */
export function skillOutputs(wire: SkillWire, fallback: Props): SkillOutputs {
  const outputs: SkillOutputs = {
    name: wire.name,
    slug: wire.slug,
    description: wire.description || undefined,
    instructions: wire.instructions,
    integrationIds: wire.integrationIds ?? [],
    source: fallback.source,
    contentHash: fallback.contentHash,
    adoptId: fallback.adoptId,
    createdAt: wire.createdAt ?? fallback.createdAt,
    updatedAt: wire.updatedAt ?? fallback.updatedAt,
  };
  return sanitize(outputs);
}

/** `POST /skills/v1`: what the program sets (Langdock derives an absent slug from the name). */
export function createBody(inputs: Props): CreateSkillRequest {
  return bodyOf<CreateSkillRequest>(SKILL_PROPERTIES, inputs, SKILL_FIELDS, false);
}

/** `PATCH /skills/v1/{id}` with the `changed` fields (a slug the program leaves out stays as Langdock has it). */
export function patchBody(inputs: Props, changed: readonly string[]): UpdateSkillRequest {
  const keys = SKILL_FIELDS.filter((k) => changed.includes(k) && (k !== "slug" || inputs.slug !== undefined));
  return bodyOf<UpdateSkillRequest>(SKILL_PROPERTIES, inputs, keys);
}
