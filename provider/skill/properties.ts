import { optionalText } from "../common/schema";
import { normalizeCode } from "../base/props";
import { PROVIDER_OWN, requestFields, type PropertyRules } from "../common/properties";

/**
 * Every input property of a skill, each once. Requests and responses use the input names. A PATCH sends
 * only what changed; `integrationIds` replaces the list ([] clears it), "" clears the description.
 * `source` and `contentHash` (derived from it at check) are the provider's: the import sends the content.
 */
export const SKILL_PROPERTIES = {
  name: {},
  // Langdock derives it from the name when the program sets none (serverDefaulted in schema.ts).
  slug: {},
  description: { compare: optionalText, cleared: "" },
  // Line ends and trailing whitespace are not significant (a SKILL.md checked out with CRLF is no change).
  instructions: { compare: (v) => normalizeCode(typeof v === "string" ? v.replace(/\r\n/g, "\n") : (v as undefined)) },
  integrationIds: { compare: sortedIds, cleared: [] },
  // The path is not significant (a moved checkout is no change); the content hash is.
  source: { compare: () => undefined, notSent: true },
  contentHash: { notSent: true },
  adoptId: PROVIDER_OWN,
} as const satisfies PropertyRules;

/** The properties a create or a PATCH can carry. */
export const SKILL_FIELDS = requestFields(SKILL_PROPERTIES);
/** What an import sets from the source (the SKILL.md and its files). */
export const IMPORTED = ["name", "description", "instructions", "contentHash"] as const;

/** Integration ids are a set: order and repeats are not significant, and none is the same as []. */
function sortedIds(value: unknown): unknown {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  return [...new Set(value.map(String))].sort();
}
