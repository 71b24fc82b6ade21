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

/** Options only mean something on a dropdown; elsewhere Langdock would silently drop them (a cross-field rule). */
export function inputFieldRules(given: Record<string, unknown>) {
  return onlyForType(given.inputFields, "inputFields", "SELECT", ["options", "allowMultiSelect"], "TEXT");
}

export const actionInputFieldsSchema = list(
  fieldSchema(ACTION_FIELD_TYPES, { contextActionId: uuid("id of the action that supplies the options").optional() }),
);
export const triggerInputFieldsSchema = list(fieldSchema(TRIGGER_FIELD_TYPES, {}));

/** Input field as stored in outputs: the inputs plus Langdock's `slug` and `order`. */
export function inputFieldsFromWire(fields: InputFieldWire[]): Record<string, unknown>[] {
  return fields.map((f) =>
    sanitize({
      label: f.label,
      type: f.type ?? "TEXT",
      description: f.description || undefined,
      placeholder: f.placeholder || undefined,
      required: f.required ?? false,
      options: f.options && f.options.length > 0 ? f.options : undefined,
      allowMultiSelect: f.allowMultiSelect ?? undefined,
      contextActionId: f.contextActionId ?? undefined,
      slug: f.slug ?? undefined,
      order: f.order ?? undefined,
    }),
  );
}

/**
 * Comparable form of an input-field list, from inputs or outputs: server-added slug/order dropped,
 * defaults applied, empty text and `allowMultiSelect: false` treated as absent, and options sorted
 * because Langdock may return them in another order.
 */
export function comparableInputFields(value: unknown): unknown {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  return value.map((raw) => {
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
    });
  });
}

/** Request form of input fields: exactly the documented request properties. */
export function inputFieldsToWire(fields: unknown): Record<string, unknown>[] | undefined {
  if (!Array.isArray(fields)) return undefined;
  return fields.map((raw) => {
    const { slug: _slug, order: _order, ...request } = raw as Record<string, unknown>;
    return sanitize(request);
  });
}
