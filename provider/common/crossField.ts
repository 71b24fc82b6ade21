import { quote } from "../base/text";
import { containsUnknown } from "./unknown";
import type { CheckFailure } from "./schema";

/**
 * Rules that relate several inputs (unique slugs, "authType is required with authFields", …). They read
 * the RAW inputs, so check reports them together with field errors in one pass: as zod refinements they
 * would run only once every field was valid. Values unknown at preview are never judged.
 */
export type CrossFieldRule = (given: Record<string, unknown>) => CheckFailure[];

/** The objects of a list input (anything else: none, its own field error says what is wrong). */
export function items(value: unknown): Array<Record<string, unknown>> {
  return Array.isArray(value)
    ? value.map((v) => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {}))
    : [];
}

/** `slug` used by an earlier item: one failure per repeat, at the repeat's path. */
export function uniqueSlugs(list: unknown, key: string, what: string): CheckFailure[] {
  const seen = new Set<string>();
  const failures: CheckFailure[] = [];
  items(list).forEach((item, i) => {
    const slug = item.slug;
    if (typeof slug !== "string" || containsUnknown(slug)) return;
    if (seen.has(slug))
      failures.push({ property: `${key}[${i}].slug`, reason: `${quote(slug)} is used by an earlier ${what}; slugs must be unique` });
    seen.add(slug);
  });
  return failures;
}

/** Properties only given field types use (options on SELECT, fileTypes on FILE), per item. */
export function onlyForType(
  list: unknown,
  key: string,
  type: string | readonly [string, ...string[]],
  properties: readonly string[],
  defaultType?: string,
): CheckFailure[] {
  const types: readonly string[] = typeof type === "string" ? [type] : type;
  const failures: CheckFailure[] = [];
  items(list).forEach((item, i) => {
    const actual = item.type ?? defaultType;
    if (containsUnknown(actual)) return;
    for (const property of properties) {
      if (item[property] !== undefined && !types.includes(String(actual))) {
        failures.push({
          property: `${key}[${i}].${property}`,
          reason: `is only used by ${types.join(" or ")} fields: set type to "${types[0]}" or remove ${property}`,
        });
      }
    }
  });
  return failures;
}
