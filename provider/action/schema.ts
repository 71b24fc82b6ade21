import type { z } from "zod";
import { strictObject, optionalText, text, bool, uuid, type ResourceSchema } from "../common/schema";
import { normalizeCode } from "../base/props";
import { actionInputFieldsSchema, comparableInputFields, inputFieldRules } from "../child/inputFields";
import { unmanagedSchema, unmanagedConflicts } from "../unmanaged";
import { LIMITS } from "../base/limits";
import { actionSpec } from "./spec";

/** Properties an Action can leave as they are in Langdock (a summary GET does not show them). */
export const ACTION_UNMANAGED = ["code", "inputFields", "requiresConfirmation"] as const;
export type ActionUnmanaged = (typeof ACTION_UNMANAGED)[number];

/** Action inputs: REFERENCE.md "Actions" request body, plus the integration it belongs to. */
export const ActionInputsSchema = strictObject({
  integrationId: uuid("id of the integration this action belongs to"),
  name: text(LIMITS.action.name, 1),
  description: text(LIMITS.action.description).optional(),
  code: text(LIMITS.action.code).optional(),
  requiresConfirmation: bool().optional(),
  inputFields: actionInputFieldsSchema.optional(),
  adoptId: uuid("id of an existing action to take over").optional(),
  unmanaged: unmanagedSchema(ACTION_UNMANAGED),
})
  // Default false, unless the program leaves it as it is in Langdock.
  .transform((inputs) =>
    inputs.unmanaged?.includes("requiresConfirmation") ? inputs : { ...inputs, requiresConfirmation: inputs.requiresConfirmation ?? false },
  );
export type ActionInputs = z.output<typeof ActionInputsSchema>;

export const actionSchema: ResourceSchema<ActionInputs> = {
  inputs: ActionInputsSchema,
  comparable: {
    description: optionalText,
    code: (v) => normalizeCode(v as string | undefined),
    requiresConfirmation: (v) => v === true,
    inputFields: comparableInputFields,
    // Only consulted at create; changing it later changes nothing in Langdock.
    adoptId: () => undefined,
    unmanaged: () => undefined,
  },
  crossField: (given) => [...inputFieldRules(given), ...unmanagedConflicts(given)],
  replaceOnChanges: actionSpec.replaceOnChanges,
  serverItemKeys: { inputFields: ["slug", "order"] },
};
