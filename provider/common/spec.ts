/**
 * What a resource declares once about itself: the class reads it (secret outputs, replace on change), the
 * runtime (secrets to redact), the schema (which changes replace) and the CRUD (write-only values carried
 * from state). Free of imports, so a program that loads the resource classes loads nothing more.
 */
export interface ResourceSpec<I = Record<string, unknown>> {
  /** What the user calls this resource in messages ("agent", "integration"). */
  noun: string;
  /**
   * Secret inputs, as `property` or `property.child` paths. Langdock never returns them (write-only):
   * outputs carry them from the state, and their top-level properties are secret outputs.
   */
  secretInputs: readonly PropertyPath<I>[];
  /** Input properties whose change replaces the resource. */
  replaceOnChanges: readonly (keyof I & string)[];
  /**
   * How `pulumi import` names an object (native plugin): by its id alone unless it lives inside another
   * object, whose id this input holds (`<integrationId>/<actionId>`); `unsupported` says why when a read
   * cannot recover the inputs (a local file's path).
   */
  importId?: { parent: keyof I & string } | { unsupported: string };
}

/** `property` or `property.child` of an object-valued property. */
export type PropertyPath<I> = {
  [K in keyof I & string]:
    | K
    | (NonNullable<I[K]> extends readonly unknown[]
        ? never
        : NonNullable<I[K]> extends object
          ? `${K}.${keyof NonNullable<I[K]> & string}`
          : never);
}[keyof I & string];

/** The output properties that hold a secret input: Pulumi keeps them encrypted in the state. */
export function secretOutputsOf(spec: Pick<ResourceSpec, "secretInputs">): string[] {
  return [...new Set(spec.secretInputs.map((path) => path.split(".")[0]))];
}

/** `outputs` with each secret input carried over from `fallback` (state or inputs): Langdock never returns them. */
export function carrySecrets<P extends Record<string, unknown>>(
  outputs: P,
  fallback: Record<string, unknown>,
  paths: readonly string[],
): P {
  const out: Record<string, unknown> = { ...outputs };
  for (const path of paths) {
    const [head, child] = path.split(".", 2) as [string, string | undefined];
    if (child === undefined) out[head] = fallback[head];
    else if (out[head] && typeof out[head] === "object") out[head] = { ...(out[head] as object), [child]: valueAt(fallback, path) };
  }
  return out as P;
}

/** The value at a `property` or `property.child` path (undefined where anything on the way is not an object). */
export function valueAt(props: Record<string, unknown> | undefined, path: string): unknown {
  let current: unknown = props;
  for (const segment of path.split(".")) {
    if (!current || typeof current !== "object" || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}
