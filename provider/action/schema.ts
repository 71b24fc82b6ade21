import { strictObject, optionalText, text, bool, uuid, type ResourceSchema } from "../common/schema";
import { normalizeCode } from "../common/props";
import { actionInputFieldsSchema, comparableInputFields, inputFieldRules } from "../inputFields";

/** Action inputs: REFERENCE.md "Actions" request body, plus the integration it belongs to. */
export const actionSchema: ResourceSchema = {
  inputs: strictObject({
    integrationId: uuid("id of the integration this action belongs to"),
    name: text(100, 1),
    description: text(1000).optional(),
    code: text(40_000).optional(),
    requiresConfirmation: bool().default(false),
    inputFields: actionInputFieldsSchema.optional(),
    adoptId: uuid("id of an existing action to take over").optional(),
  }),
  comparable: {
    description: optionalText,
    code: (v) => normalizeCode(v as string | undefined),
    requiresConfirmation: (v) => v === true,
    inputFields: comparableInputFields,
    // Only consulted at create; changing it later changes nothing in Langdock.
    adoptId: () => undefined,
  },
  crossField: inputFieldRules,
  replaceOnChanges: ["integrationId"],
  serverItemKeys: { inputFields: ["slug", "order"] },
};
