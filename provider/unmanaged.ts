import { list, oneOf, type CheckFailure } from "./common/schema";

/**
 * `unmanaged` lists properties a program leaves as they are in Langdock — what `pulumi-langdock export`
 * could not read (a summary GET has no action code or input fields; the OAuth client secret is
 * write-only). They are never compared, never a reason to write, and never cleared: a PUT omits what
 * Langdock keeps when omitted and resends the rest as Langdock reports it, or refuses when it cannot.
 */
export function unmanagedSchema<const T extends readonly [string, ...string[]]>(properties: T) {
  return list(oneOf(properties)).optional();
}

/**
 * A property cannot be both set and unmanaged (top-level properties only; paths are always set). A
 * cross-field rule, so it is reported together with field errors (see ResourceSchema.crossField).
 */
export function unmanagedConflicts(given: Record<string, unknown>): CheckFailure[] {
  const unmanaged = Array.isArray(given.unmanaged) ? (given.unmanaged as unknown[]) : [];
  return unmanaged.flatMap((property, i) =>
    typeof property === "string" && !property.includes(".") && given[property] !== undefined
      ? [
          {
            property: `unmanaged[${i}]`,
            reason: `"${property}" is set in the program and listed as unmanaged; remove it from unmanaged to manage it, or remove ${property}`,
          },
        ]
      : [],
  );
}
