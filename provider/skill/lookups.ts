import { lookupClient } from "../lookupClient";
import type { LookupOptions } from "../lookups";

/** A skill as Langdock lists it, named like the Skill resource's inputs. */
export interface LangdockSkill {
  id: string;
  name: string;
  slug: string;
  description?: string;
  instructions: string;
  integrationIds: string[];
  createdAt?: string;
  updatedAt?: string;
}

/**
 * The skills the API key can see (every page), e.g. to find a skill's id by its slug for `adoptId`.
 * `slug` keeps only the skill with that slug; `query` is Langdock's own search of names and descriptions.
 * @throws The client's error (already redacted), e.g. for a key without the SKILL_API scope.
 */
export async function getSkills(
  args: {
    /** Keep only the skill with this slug. */
    slug?: string;
    /** Langdock's own search of skill names and descriptions. */
    query?: string;
  } = {},
  options: LookupOptions = {},
): Promise<LangdockSkill[]> {
  const { listSkills } = require("../client/skills") as typeof import("../client/skills");
  const { skillOutputs } = require("./wire") as typeof import("./wire");
  const skills = await listSkills(lookupClient(options), { slug: args?.slug, query: args?.query });
  return skills.map((wire) => {
    const { source: _s, contentHash: _h, adoptId: _a, ...outputs } = skillOutputs(wire, {});
    return { id: wire.id, ...outputs } as LangdockSkill;
  });
}
