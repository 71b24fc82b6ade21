import { z } from "zod";
import { formatPath, quote } from "../base/text";
import { containsUnknown, unknownAlong } from "./unknown";
import { deepEqual, sanitize } from "../base/props";
import { neverCompared } from "./properties";

/**
 * The machinery every resource's `check` and `diff` share. A resource describes itself once as a
 * `ResourceSchema`: a zod schema of its inputs (limits, enums, defaults from docs/langdock-api.md) and, per
 * input property, how to bring a value (an input, or an output read back from Langdock) to the form
 * in which two values are compared.
 */
export interface ResourceSchema<T extends Record<string, unknown> = Record<string, unknown>> {
  /** The checked inputs, `XxxInputsSchema` of the resource's folder (its output type is `XxxInputs`). */
  inputs: z.ZodType<T>;
  /**
   * Per property: the comparable form; identity where omitted. Must accept any stored value (outputs too,
   * so a few output-only properties, like an agent's `disabled`, may be listed).
   */
  comparable: Comparable<T>;
  /** Input properties whose change replaces the resource (the kind's `spec.replaceOnChanges`). */
  replaceOnChanges: readonly string[];
  /** Inputs Langdock fills in when absent (an agent's model): compared only when the program sets them. */
  serverDefaulted?: string[];
  /** Keys Langdock adds inside list items of an input (e.g. input fields' slug and order), by input name. */
  serverItemKeys?: Record<string, string[]>;
  /** Rules relating several inputs, run on the raw inputs alongside the field checks (see crossField.ts). */
  crossField?: (given: Record<string, unknown>) => CheckFailure[];
  /**
   * Runs after the inputs parsed: derives inputs from the outside world without HTTP (a local file's
   * name and hash) and reports problems as check failures. Not run when reading back from Langdock.
   */
  prepare?: (inputs: Record<string, unknown>) => { inputs: Record<string, unknown>; failures: CheckFailure[] };
  /**
   * Warnings about changes from `olds` (state, or the object an adoption takes over) to `news` that destroy
   * data users made in Langdock. Run at diff, so they are part of the preview the user confirms.
   */
  destructive?: (olds: Record<string, unknown>, news: Record<string, unknown>) => string[];
  /**
   * Warnings about valid inputs that will not do what they say (an agent's `dataAnalyst`, which Langdock now
   * ignores), from the raw inputs. Run at check, so every preview shows them.
   */
  advisories?: (given: Record<string, unknown>) => string[];
}

type CompareFn = (value: unknown) => unknown;
export type Comparable<T> = { [K in keyof T & string]?: CompareFn } & Record<string, CompareFn>;

/**
 * The inputs that a set of outputs (read back from Langdock) corresponds to. A refresh stores them as
 * the resource's inputs, so that the next preview displays exactly which properties drifted.
 */
export function inputsFromOutputs(schema: ResourceSchema, outputs: Record<string, unknown>): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const key of inputKeys(schema)) {
    const value = outputs[key];
    const serverKeys = schema.serverItemKeys?.[key];
    inputs[key] =
      serverKeys && Array.isArray(value)
        ? value.map((item) =>
            item && typeof item === "object" ? Object.fromEntries(Object.entries(item).filter(([k]) => !serverKeys.includes(k))) : item,
          )
        : value;
    // What Langdock reports for an unset input ("" text, [] lists, authType NONE) is projected as absent,
    // the way a program spells it; what is never compared (adoptId, unmanaged, an agent's ignored
    // dataAnalyst) is carried from the state, never read.
    const norm = schema.comparable[key];
    if (norm !== neverCompared && norm && inputs[key] !== undefined && deepEqual(norm(inputs[key]), norm(undefined)))
      inputs[key] = undefined;
  }
  // Defaults filled in as check fills them in (requiresConfirmation false, creativity 0.3, …).
  const parsed = schema.inputs.safeParse(sanitize(inputs));
  return sanitize(parsed.success ? parsed.data : inputs);
}

export interface CheckFailure {
  property: string;
  reason: string;
}

const PROVIDER_KEY = "__provider";

/** Validates every input at once, before any HTTP call, ignoring values unknown during preview. */
export function checkInputs(
  schema: ResourceSchema,
  news: Record<string, unknown>,
): { inputs: Record<string, unknown>; failures: CheckFailure[] } {
  const { [PROVIDER_KEY]: _provider, ...given } = news;
  const parsed = schema.inputs.safeParse(given);
  // Cross-field rules run on the raw inputs, so they are reported together with field errors in one pass.
  const related = schema.crossField?.(given) ?? [];
  if (parsed.success && related.length === 0) {
    if (!schema.prepare) return { inputs: sanitize(parsed.data), failures: [] };
    const prepared = schema.prepare(parsed.data);
    return { inputs: sanitize(prepared.inputs), failures: prepared.failures };
  }
  const fieldFailures = parsed.success
    ? []
    : parsed.error.issues
        .filter((issue) => !unknownAlong(given, issue.path))
        .flatMap((issue): CheckFailure[] =>
          // An unknown property is reported at its own path, one failure each.
          issue.code === "unrecognized_keys"
            ? issue.keys.map((key) => ({ property: formatPath([...issue.path, key]), reason: issue.message }))
            : [{ property: formatPath(issue.path) || "(inputs)", reason: issue.message }],
        );
  // Only unknowns failed: pass the inputs through untouched; the check at apply time sees real values.
  return { inputs: given, failures: [...fieldFailures, ...related] };
}

export interface DiffOutcome {
  changes: boolean;
  replaces: string[];
  /** The input properties that differ (not part of the host protocol; used by tests and logs). */
  diffs: string[];
  deleteBeforeReplace: boolean;
}

/** Compares stored outputs with checked inputs property by property, in comparable form. */
export function diffInputs(schema: ResourceSchema, oldProps: Record<string, unknown>, newProps: Record<string, unknown>): DiffOutcome {
  const unmanaged = unmanagedOf(newProps);
  const olds = withoutUnmanaged(oldProps, unmanaged);
  const news = withoutUnmanaged(newProps, unmanaged);
  const keys = new Set([...inputKeys(schema), ...Object.keys(schema.comparable), ...Object.keys(news).filter((k) => k !== PROVIDER_KEY)]);
  const diffs = [...keys].filter((key) => {
    if (containsUnknown(news[key])) return true;
    if (news[key] === undefined && schema.serverDefaulted?.includes(key)) return false;
    const norm = schema.comparable[key] ?? ((v: unknown) => v);
    return !deepEqual(norm(olds[key]), norm(news[key]));
  });
  const replaces = diffs.filter((k) => schema.replaceOnChanges.includes(k));
  return { changes: diffs.length > 0, replaces, diffs, deleteBeforeReplace: false };
}

/**
 * `unmanaged`: properties (or `parent.child` paths) the program leaves as they are in Langdock, because
 * Langdock's answer does not show them (summary GET, write-only secrets). They are never compared.
 */
export function unmanagedOf(props: Record<string, unknown> | undefined): string[] {
  const list = props?.unmanaged;
  return Array.isArray(list) ? list.filter((p): p is string => typeof p === "string") : [];
}

export function isUnmanaged(props: Record<string, unknown> | undefined, path: string): boolean {
  return unmanagedOf(props).includes(path);
}

/** A copy of `props` without the given top-level properties and `parent.child` paths. */
export function withoutUnmanaged(props: Record<string, unknown>, paths: string[]): Record<string, unknown> {
  if (paths.length === 0) return props;
  const out = { ...props };
  for (const path of paths) {
    const [head, child] = path.split(".", 2) as [string, string | undefined];
    if (child === undefined) delete out[head];
    else if (out[head] && typeof out[head] === "object" && !Array.isArray(out[head])) {
      const { [child]: _dropped, ...rest } = out[head] as Record<string, unknown>;
      out[head] = rest;
    }
  }
  return out;
}

/** The top-level property names the input schema declares (outputs carry extra server fields). */
export function inputKeys(schema: ResourceSchema): string[] {
  // Unwraps refinements/transforms (zod 4 keeps the object schema under `in` of a pipe).
  let current = schema.inputs as unknown as { shape?: Record<string, unknown>; in?: unknown; def?: { in?: unknown } };
  for (let depth = 0; depth < 5 && !current.shape; depth++) {
    const inner = current.in ?? current.def?.in;
    if (!inner) break;
    current = inner as typeof current;
  }
  return current.shape ? Object.keys(current.shape) : Object.keys(schema.comparable);
}

// ---- Field builders with messages a user can act on ----

/** A value's type for "must be a string (got …)": null and lists named as such, not as "object". */
export function typeName(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "a list" : typeof value;
}

/** Text with limits counted as Langdock counts them: UTF-16 code units (JavaScript `.length`), not code points. */
export function text(max: number, min = 0) {
  return (
    z
      .string({ error: (iss) => (iss.input === undefined ? "is required" : `must be a string (got ${typeName(iss.input)})`) })
      .superRefine((value, ctx) => {
        if (value.length < min)
          ctx.addIssue({ code: "custom", message: min === 1 ? "must not be empty" : `must be at least ${min} characters` });
        if (value.length > max) ctx.addIssue({ code: "custom", message: `must be at most ${max} characters (got ${value.length})` });
      })
      // The limits as data (the check above is custom, for its messages): the reference docs and schema read them.
      .meta(min > 0 ? { minLength: min, maxLength: max } : { maxLength: max })
  );
}

/** A zod error option whose message ends with the value it got: `must be from 0 to 1 (got 2)`. */
export function got(message: string) {
  return { error: (iss: { input?: unknown }) => `${message} (got ${quote(iss.input)})` };
}

export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: (iss) => `must be one of ${values.join(", ")} (got ${quote(iss.input)})` });
}

export function bool() {
  return z.boolean({ error: (iss) => `must be true or false (got ${quote(iss.input)})` });
}

export function list<T extends z.ZodType>(item: T, max?: number) {
  const l = z.array(item, { error: (iss) => `must be a list (got ${typeName(iss.input)})` });
  return max === undefined
    ? l
    : l.max(max, { error: (iss) => `must have at most ${max} entries (got ${(iss.input as unknown[]).length})` });
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function uuid(what: string) {
  return z
    .string({ error: `must be the ${what} (a UUID string)` })
    .regex(UUID_PATTERN, { error: (iss) => `must be the ${what}, a UUID (got ${quote(iss.input)})` })
    .meta({ format: "uuid" });
}

/** An object that rejects properties it does not know (typos would otherwise be silently ignored). */
export function strictObject<S extends z.ZodRawShape>(shape: S) {
  return z.strictObject(shape, {
    error: (iss) =>
      iss.code === "unrecognized_keys" ? `is not a known property; known properties: ${Object.keys(shape).join(", ")}` : undefined,
  });
}

// ---- Comparable-form helpers shared by resources ----

/** "" and absent are the same for optional text (Langdock returns "" or null for unset text). */
export function optionalText(value: unknown): unknown {
  return value === "" || value === null ? undefined : value;
}

export function withDefault<T>(fallback: T) {
  return (value: unknown): unknown => (value === undefined || value === null ? fallback : value);
}
