import { diffInputs, unmanagedOf, type ResourceSchema } from "./schema";
import { containsUnknown, isUnknown } from "./unknown";
import { MASK } from "../base/redact";
import { deepEqual } from "../base/props";
import { AdoptionNotFoundError } from "../errors";
import type { Props } from "./crud";

/**
 * Adoption (`adoptId`): what taking over a hand-built object will change. The same plan serves the
 * preview (Check reads the object once and warns with every change) and the create (which writes
 * only when something differs, so an object that already matches is taken over without a write).
 */
export interface AdoptionChange {
  property: string;
  /** The value in Langdock, in the resource's output form; undefined when not set. */
  old: unknown;
  new: unknown;
  /** Langdock's response does not include this property, so it cannot be compared: the first up writes it. */
  unreadable?: boolean;
}

export interface AdoptionPlan<W = unknown> {
  id: string;
  /** The object as it is in Langdock, as outputs. */
  current: Props;
  changes: AdoptionChange[];
  /** The raw response the plan was made from (children take it over with it). */
  wire: W;
}

/** The properties the first up changes, comparing Langdock's object with the checked inputs. */
export function adoptionChanges(schema: ResourceSchema, current: Props, inputs: Props, unreadable: string[] = []): AdoptionChange[] {
  // A value not known until apply (the id of an action adopted in the same run) is no change by itself:
  // the property changes only when what is known of it differs from Langdock's value.
  const same = (key: string) => {
    const norm = schema.comparable[key] ?? ((v: unknown) => v);
    return containsUnknown(inputs[key]) && mayEqual(norm(current[key]), norm(inputs[key]));
  };
  const diffs = diffInputs(schema, current, inputs).diffs.filter((key) => !same(key));
  // What the program leaves as it is in Langdock (unmanaged) is never a change, readable or not.
  const unmanaged = unmanagedOf(inputs);
  const keys = new Set([...diffs, ...unreadable.filter((k) => (k in inputs || k in schema.comparable) && !unmanaged.includes(k))]);
  keys.delete("adoptId");
  keys.delete("unmanaged");
  keys.delete("__provider");
  return [...keys].sort().map((property) => {
    const change: AdoptionChange = { property, old: current[property], new: inputs[property] };
    if (unreadable.includes(property)) change.unreadable = true;
    return change;
  });
}

/**
 * Whether `known` can equal `partial` once its unknowns are known: an unknown matches any value; lists
 * match item by item in any order (comparable forms may sort them), objects key by key.
 */
export function mayEqual(known: unknown, partial: unknown): boolean {
  if (isUnknown(partial)) return true;
  if (Array.isArray(partial)) {
    if (!Array.isArray(known) || known.length !== partial.length) return false;
    const free = [...known];
    return partial.every((item) => {
      const at = free.findIndex((candidate) => mayEqual(candidate, item));
      return at !== -1 && free.splice(at, 1).length === 1;
    });
  }
  if (partial && typeof partial === "object") {
    if (!known || typeof known !== "object" || Array.isArray(known)) return false;
    const keys = new Set([...Object.keys(known), ...Object.keys(partial)]);
    return [...keys].every((k) => mayEqual((known as Props)[k], (partial as Props)[k]));
  }
  return deepEqual(known, partial);
}

const MAX_SHOWN = 80;

/**
 * One value as a warning shows it: secrets masked, long text shortened, unknowns named. `secret`: the
 * property's secret inputs (the kind's `spec.secretInputs` below it: `["clientSecret"]` for an
 * integration's oauthClient; `[""]` when the whole property is secret).
 */
export function showValue(value: unknown, secret: readonly string[]): string {
  if (value === undefined || value === null) return "(not set)";
  if (isUnknown(value)) return "(known after apply)";
  if (secret.includes("")) return MASK;
  const text = JSON.stringify(maskPaths(value, secret), (_k, v) => (isUnknown(v) ? "(known after apply)" : v));
  if (text.length <= MAX_SHOWN) return text;
  const size = typeof value === "string" ? `${value.length} characters` : `${text.length} characters as JSON`;
  return `${text.slice(0, MAX_SHOWN - 20)}… (${size})`;
}

/** `value` with each of the child properties `paths` masked (in list items too). */
function maskPaths(value: unknown, paths: readonly string[]): unknown {
  if (paths.length === 0) return value;
  if (Array.isArray(value)) return value.map((item) => maskPaths(item, paths));
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => {
      if (v === undefined) return [k, v];
      const below = paths.filter((p) => p === k || p.startsWith(`${k}.`)).map((p) => p.slice(k.length + 1));
      return [k, below.includes("") ? MASK : maskPaths(v, below)];
    }),
  );
}

/** The secret inputs under `property`, relative to it ("" for the property itself). */
export function secretsUnder(property: string, secretInputs: readonly string[]): string[] {
  return secretInputs.filter((p) => p === property || p.startsWith(`${property}.`)).map((p) => p.slice(property.length + 1));
}

/** The warning a preview prints for an adoption. */
export function describeAdoption(
  noun: string,
  name: unknown,
  plan: Pick<AdoptionPlan, "id" | "changes">,
  /** The kind's `spec.secretInputs`: required, so a caller cannot forget them and print a secret. */
  secretInputs: readonly string[],
): string {
  const what = `adopting ${noun} ${JSON.stringify(String(name))} (adoptId ${plan.id})`;
  if (plan.changes.length === 0) return `${what}: it already matches the program; pulumi up takes it over without changing it in Langdock.`;
  const lines = plan.changes.map((c) => {
    const secret = secretsUnder(c.property, secretInputs);
    return c.unreadable
      ? `${c.property}: (not returned by Langdock, cannot be compared) → ${showValue(c.new, secret)}`
      : `${c.property}: ${showValue(c.old, secret)} → ${showValue(c.new, secret)}`;
  });
  const count = plan.changes.length === 1 ? "1 property" : `${plan.changes.length} properties`;
  return `${what}: the first pulumi up will change ${count} in Langdock to match the program (set them in the program to keep Langdock's values): ${lines.join("; ")}.`;
}

/** Whether a Check should preview an adoption: adoptId known, and the resource not yet in the state. */
export function adoptionToPreview(olds: Props, inputs: Props): boolean {
  const inState = Object.keys(olds ?? {}).some((k) => k !== "__provider");
  return !inState && typeof inputs.adoptId === "string" && !containsUnknown(inputs.adoptId);
}

/**
 * The preview of an adoption, run from Check: one read, one warning with every change. A missing
 * object is a Check failure (the up would fail on it anyway); any other error only warns, because a
 * preview must not fail on what the up will retry.
 */
export async function previewAdoption<C>(
  crud: { noun: string; adopt?(ctx: C, inputs: Props): Promise<AdoptionPlan> },
  /** The kind's declaration: its secret inputs are never shown. */
  spec: { secretInputs: readonly string[] },
  context: () => C,
  warn: (message: string) => void,
  inputs: Props,
  /** Warnings about data the take-over destroys (e.g. users' connections when authType changes). */
  destructive: (current: Props) => string[] = () => [],
): Promise<{ property: string; reason: string } | undefined> {
  const what = `adopting ${crud.noun} ${JSON.stringify(String(inputs.name))} (adoptId ${String(inputs.adoptId)})`;
  if (containsUnknown(inputs.integrationId)) {
    warn(
      `${what}: the preview cannot show what the first pulumi up changes, because integrationId is not known until the integration is created or adopted; run the preview again after that up, or set integrationId to the integration's id.`,
    );
    return undefined;
  }
  if (!crud.adopt) return undefined;
  try {
    const plan = await crud.adopt(context(), inputs);
    warn(describeAdoption(crud.noun, inputs.name, plan, spec.secretInputs));
    for (const message of destructive(plan.current)) warn(message);
  } catch (err) {
    if (err instanceof AdoptionNotFoundError) return { property: "adoptId", reason: err.reason };
    const message = err instanceof Error ? err.message : String(err);
    warn(
      `${what}: the preview could not read it from Langdock, so it cannot show what the first pulumi up changes (${message.replace(/\.$/, "")}); the up reads it again and changes whatever differs from the program.`,
    );
  }
  return undefined;
}
