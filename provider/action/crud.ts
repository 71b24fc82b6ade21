import type { ActionWire } from "../client/wire";
import { childCrud, childOutputs } from "../integrationChild";
import { inputFieldsFromWire, inputFieldsToWire } from "../inputFields";
import { sanitize } from "../common/props";
import { actionSchema } from "./schema";

export const actionCrud = childCrud<ActionWire>({
  noun: "action",
  listKey: "actions",
  verifiedOnlyInFull: "code and input fields",
  schema: actionSchema,
  create: (client, integrationId, body) => client.createAction(integrationId, body),
  replace: (client, integrationId, id, body) => client.updateAction(integrationId, id, body),
  remove: (client, integrationId, id) => client.deleteAction(integrationId, id),
  toBody: (inputs, forReplace) =>
    sanitize({
      name: inputs.name,
      description: inputs.description,
      // PUT keeps an omitted `code`; an empty string clears code the program no longer declares.
      code: inputs.code ?? (forReplace ? "" : undefined),
      requiresConfirmation: inputs.requiresConfirmation,
      inputFields: inputFieldsToWire(inputs.inputFields) ?? (forReplace ? [] : undefined),
    }),
  toOutputs: (wire, integrationId, fallback) =>
    sanitize({
      ...childOutputs(wire, integrationId, fallback),
      code: wire.code === undefined ? fallback.code : wire.code || undefined,
      requiresConfirmation: wire.requiresConfirmation ?? fallback.requiresConfirmation,
      inputFields: wire.inputFields ? inputFieldsFromWire(wire.inputFields) : fallback.inputFields,
      order: wire.order ?? fallback.order,
    }),
});
