import { z } from "zod";
import { bool, got, list, oneOf, optionalText, strictObject, text, uuid } from "../common/schema";
import { onlyForType } from "../common/crossField";
import { sanitize } from "../base/props";
import type { InputFieldWire } from "../client/wire";
import { LIMITS } from "../base/limits";
import { ACTION_FIELD_TYPES, TRIGGER_FIELD_TYPES } from "./fieldTypes";
export { ACTION_FIELD_TYPES, TRIGGER_FIELD_TYPES };
export type { ActionFieldType, TriggerFieldType } from "./fieldTypes";

const optionSchema = strictObject({ label: text(LIMITS.inputField.optionLabel, 1), value: text(LIMITS.inputField.optionValue, 1) });

/** `extra`: the properties only one of the two kinds has (an action's contextActionId). */
function fieldSchema<const T extends readonly ["TEXT", ...string[]], E extends z.ZodRawShape>(types: T, extra: E) {
  return strictObject({
    label: text(LIMITS.inputField.label, 1),
    type: oneOf(types).default("TEXT"),
    description: text(LIMITS.inputField.description).optional(),
    placeholder: text(LIMITS.inputField.placeholder).optional(),
    required: bool().default(false),
    options: list(optionSchema).optional(),
    allowMultiSelect: bool().optional(),
    ...extra,
    // Langdock's own keys on an input field: accepted (and never sent) so that one action's `inputFields`
    // output can be fed into another action as is.
    slug: text(LIMITS.inputField.slug).optional(),
    order: z.number(got("must be a whole number")).int(got("must be a whole number")).min(0, got("must be 0 or more")).optional(),
  });
}

/** Options only mean something on a dropdown, a JSON Schema on an OBJECT field; elsewhere Langdock would silently drop them. */
export function inputFieldRules(given: Record<string, unknown>) {
  return [
    ...onlyForType(given.inputFields, "inputFields", "SELECT", ["options", "allowMultiSelect"], "TEXT"),
    ...onlyForType(given.inputFields, "inputFields", "OBJECT", ["jsonSchema"], "TEXT"),
  ];
}

/** A list sorted by each item's `order` (its position where it has none): Langdock's answers come in no particular order. */
function byOrder<T>(fields: T[], orderOf: (field: T) => unknown): T[] {
  return fields
    .map((field, i) => ({ field, order: typeof orderOf(field) === "number" ? Number(orderOf(field)) : i }))
    .sort((a, b) => a.order - b.order)
    .map(({ field }) => field);
}

/** An OBJECT field's JSON Schema, as its JSON text (Langdock takes it as a string). */
const jsonSchema = text(LIMITS.inputField.jsonSchema, 1).refine(isJsonObject, {
  error: 'must be the JSON text of a JSON Schema object, e.g. JSON.stringify({ type: "object" })',
});

function isJsonObject(value: string): boolean {
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed);
  } catch {
    return false;
  }
}

export const actionInputFieldsSchema = list(
  fieldSchema(ACTION_FIELD_TYPES, {
    contextActionId: uuid("id of the action that supplies the options").optional(),
    jsonSchema: jsonSchema.optional(),
  }),
);
export const triggerInputFieldsSchema = list(fieldSchema(TRIGGER_FIELD_TYPES, {}));

/**
 * Input fields as stored in outputs, sorted by `order`: the inputs plus Langdock's `slug` and `order`.
 * Unknown extra fields of the answer are dropped; `jsonSchema`, which no answer returns, is kept from
 * `known` (the state's field at the same `order`).
 */
export function inputFieldsFromWire(fields: InputFieldWire[], known?: unknown): Record<string, unknown>[] {
  const kept = Array.isArray(known) ? (known as Record<string, unknown>[]) : [];
  return byOrder(fields, (f) => f.order).map((f, i) =>
    sanitize({
      label: f.label,
      type: f.type ?? "TEXT",
      description: f.description || undefined,
      placeholder: f.placeholder || undefined,
      required: f.required ?? false,
      options: f.options && f.options.length > 0 ? f.options : undefined,
      allowMultiSelect: f.allowMultiSelect ?? undefined,
      contextActionId: f.contextActionId ?? undefined,
      jsonSchema: kept.find((k, j) => (k.order ?? j) === (f.order ?? i))?.jsonSchema,
      slug: f.slug ?? undefined,
      order: f.order ?? undefined,
    }),
  );
}

/**
 * Comparable form of an input-field list, from inputs or outputs: sorted by `order` (a program's list by
 * position), then server-added slug/order dropped, defaults applied, empty text and
 * `allowMultiSelect: false` treated as absent, options sorted because Langdock may return them in
 * another order, and a JSON Schema compared as its parsed value.
 */
export function comparableInputFields(value: unknown): unknown {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  return byOrder(value as unknown[], (f) => (f as Record<string, unknown> | null)?.order).map((raw) => {
    const f = (raw ?? {}) as Record<string, unknown>;
    const options =
      Array.isArray(f.options) && f.options.length > 0
        ? [...(f.options as { value: string; label: string }[])].sort((a, b) => String(a.value).localeCompare(String(b.value)))
        : undefined;
    return sanitize({
      label: f.label,
      type: f.type ?? "TEXT",
      description: optionalText(f.description),
      placeholder: optionalText(f.placeholder),
      required: f.required ?? false,
      options,
      allowMultiSelect: f.allowMultiSelect === true ? true : undefined,
      contextActionId: f.contextActionId ?? undefined,
      jsonSchema: parsedSchema(f.jsonSchema),
    });
  });
}

function parsedSchema(value: unknown): unknown {
  if (typeof value !== "string") return value ?? undefined;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** Request form of input fields: exactly the documented request properties. */
export function inputFieldsToWire(fields: unknown): Record<string, unknown>[] | undefined {
  if (!Array.isArray(fields)) return undefined;
  return fields.map((raw) => {
    const { slug: _slug, order: _order, ...request } = raw as Record<string, unknown>;
    return sanitize(request);
  });
}
