/**
 * Per-property rules, declared once per resource in a table (see agent/properties.ts): the schema takes
 * its comparable forms from it, the CRUD its cleared values and response names, the emulator its
 * response names.
 */
export interface PropertyRule {
  /** The comparable form (identity where omitted); must accept any stored value. */
  compare?: (value: unknown) => unknown;
  /** What a request sends to clear the property when the program leaves it out; without one it is not sent. */
  cleared?: unknown;
  /** Its name in Langdock's responses, where that differs from the input (and request) name. */
  response?: string;
  /** Not a request field: the provider's own (adoptId) or an output only (disabled). */
  notSent?: true;
}

export type PropertyRules = Record<string, PropertyRule>;

/** The schema's `comparable`: the properties with a comparable form. */
export function comparableOf(rules: PropertyRules): Record<string, (value: unknown) => unknown> {
  return Object.fromEntries(Object.entries(rules).flatMap(([key, rule]) => (rule.compare ? [[key, rule.compare]] : [])));
}

/** Input (request) name → response name, for the properties whose names differ. */
export function responseNames<R extends PropertyRules>(
  rules: R,
): { [K in keyof R as R[K]["response"] extends string ? K : never]: R[K]["response"] } {
  return Object.fromEntries(Object.entries(rules).flatMap(([key, rule]) => (rule.response ? [[key, rule.response]] : []))) as never;
}

/** The properties a request carries. */
export function requestFields(rules: PropertyRules): string[] {
  return Object.keys(rules).filter((key) => !rules[key].notSent);
}

/** A request body of `keys`: each input's value, or its cleared value when the program leaves it out. */
export function bodyOf(rules: PropertyRules, inputs: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const key of keys) {
    const rule = rules[key];
    if (!rule || rule.notSent) continue;
    const value = inputs[key] ?? rule.cleared;
    if (value !== undefined) body[key] = value;
  }
  return body;
}
