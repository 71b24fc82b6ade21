/** The value the engine sends for inputs not known until apply (e.g. the id of an action not yet created). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export function isUnknown(value: unknown): boolean {
  return value === UNKNOWN;
}

/** True when the value is unknown or holds an unknown anywhere inside it. */
export function containsUnknown(value: unknown): boolean {
  if (isUnknown(value)) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (value && typeof value === "object") return Object.values(value).some(containsUnknown);
  return false;
}

/** True when the value at `path` inside `root`, or any value on the way to it, is unknown. */
export function unknownAlong(root: unknown, path: ReadonlyArray<PropertyKey>): boolean {
  let current: unknown = root;
  for (const segment of path) {
    if (isUnknown(current)) return true;
    if (current === null || typeof current !== "object") return false;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return isUnknown(current);
}
