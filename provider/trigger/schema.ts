import { strictObject, optionalText, text, uuid, type ResourceSchema } from "../common/schema";
import { normalizeCode } from "../base/props";
import { comparableInputFields, inputFieldRules, triggerInputFieldsSchema } from "../child/inputFields";
import { unmanagedConflicts, unmanagedSchema } from "../unmanaged";
import { LIMITS } from "../base/limits";
import { triggerSpec } from "./spec";
import type { z } from "zod";

/** Properties a Trigger can leave as they are in Langdock (a summary GET does not show them). */
export const TRIGGER_UNMANAGED = ["pollingCode", "inputFields"] as const;
export type TriggerUnmanaged = (typeof TRIGGER_UNMANAGED)[number];

/** Trigger inputs: REFERENCE.md "Triggers" request body, plus the integration it belongs to. */
export const TriggerInputsSchema = strictObject({
  integrationId: uuid("id of the integration this trigger belongs to"),
  name: text(LIMITS.trigger.name, 1),
  description: text(LIMITS.trigger.description).optional(),
  pollingCode: text(LIMITS.trigger.pollingCode).optional(),
  inputFields: triggerInputFieldsSchema.optional(),
  adoptId: uuid("id of an existing trigger to take over").optional(),
  unmanaged: unmanagedSchema(TRIGGER_UNMANAGED),
});
export type TriggerInputs = z.output<typeof TriggerInputsSchema>;

export const triggerSchema: ResourceSchema<TriggerInputs> = {
  inputs: TriggerInputsSchema,
  comparable: {
    description: optionalText,
    pollingCode: (v) => normalizeCode(v as string | undefined),
    inputFields: comparableInputFields,
    adoptId: () => undefined,
    unmanaged: () => undefined,
  },
  crossField: (given) => [...inputFieldRules(given), ...unmanagedConflicts(given)],
  replaceOnChanges: triggerSpec.replaceOnChanges,
  serverItemKeys: { inputFields: ["slug", "order"] },
};
