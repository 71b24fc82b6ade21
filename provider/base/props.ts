/**
 * Shapes values for the gRPC struct the engine exchanges: no `undefined`, no BigInt, no functions,
 * and `null` left out so that "absent" and "null" never differ between a diff's two sides.
 */
export function sanitize<T>(value: T): T {
  return clean(value) as T;
}

function clean(value: unknown): unknown {
  if (typeof value === "bigint") return Number(value);
  if (Array.isArray(value)) return value.map((v) => (v === undefined || v === null ? null : clean(v)));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      if (v === undefined || v === null || typeof v === "function" || typeof v === "symbol") continue;
      out[key] = clean(v);
    }
    return out;
  }
  return value;
}

/** Structural equality after sanitizing, so `{a: undefined}` equals `{}`. */
export function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(sanitize(a))) === JSON.stringify(sortKeys(sanitize(b)));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** Removes trailing whitespace on each line and at the end, which editors and Langdock may alter. */
export function normalizeCode(code: string | undefined | null): string | undefined {
  if (code === undefined || code === null) return undefined;
  const trimmed = code.replace(/[ \t]+$/gm, "").replace(/\s+$/, "");
  return trimmed === "" ? undefined : trimmed;
}
