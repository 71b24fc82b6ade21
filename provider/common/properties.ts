/**
 * Per-property rules, declared once per resource in a table (`<kind>/properties.ts`): the schema takes
 * its comparable forms from it, the wire mapping its cleared values, request forms and response names, the
 * CRUD which request carries a property, the emulator its response names.
 */
export interface PropertyRule {
  /** The comparable form (identity where omitted); must accept any stored value. */
  compare?: (value: unknown) => unknown;
  /** What a request sends to clear the property when the program leaves it out; without one it is not sent. */
  cleared?: unknown;
  /** The value as a request sends it, where that differs from the input (e.g. without Langdock's own keys). */
  request?: (value: unknown) => unknown;
  /** Its name in Langdock's responses, where that differs from the input (and request) name. */
  response?: string;
  /** For kinds written by several calls (an integration's details and auth): the call that sets it. */
  sentWith?: string;
  /** Not a request field: the provider's own (adoptId, unmanaged), a path parameter or an output only (disabled). */
  notSent?: true;
}

export type PropertyRules = Record<string, PropertyRule>;

/** The comparable form of a property that is never compared; a refresh carries its value from the state. */
export const neverCompared = (): undefined => undefined;

/** Compared never: only consulted at create (adoptId), or the program's own bookkeeping (unmanaged). */
export const PROVIDER_OWN = { compare: neverCompared, notSent: true } as const satisfies PropertyRule;

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

/** The properties a request carries; with `call`, only those that call sets. */
export function requestFields(rules: PropertyRules, call?: string): string[] {
  return Object.keys(rules).filter((key) => !rules[key].notSent && (call === undefined || rules[key].sentWith === call));
}

/**
 * A request body of `keys`: each input's value in its request form, or its cleared value when the program
 * leaves it out (`clearing: false`: left out, as a create does). `B` is the request type the caller names;
 * tests/types/requestParity checks those types against the emulator's request schemas.
 */
export function bodyOf<B extends object = Record<string, unknown>>(
  rules: PropertyRules,
  inputs: Record<string, unknown>,
  keys: readonly string[],
  clearing = true,
): B {
  const body: Record<string, unknown> = {};
  for (const key of keys) {
    const rule = rules[key];
    if (!rule || rule.notSent) continue;
    const given = inputs[key];
    const value = given === undefined ? (clearing ? rule.cleared : undefined) : rule.request ? rule.request(given) : given;
    if (value !== undefined) body[key] = value;
  }
  return body as B;
}
