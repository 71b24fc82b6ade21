import type { ActionWire } from "../client/wire";
import { childCrud, childOutputs } from "../integrationChild";
import { inputFieldsFromWire, inputFieldsToWire } from "../inputFields";
import { sanitize } from "../base/props";
import type { Props } from "../common/crud";
import { isUnmanaged } from "../common/schema";
import { actionSchema } from "./schema";

/** Outputs of an action as Langdock reports it; what the answer lacks comes from `fallback`. */
export const actionOutputs = (wire: ActionWire, integrationId: string, fallback: Props): Props =>
  sanitize({
    ...childOutputs(wire, integrationId, fallback),
    code: wire.code === undefined ? fallback.code : wire.code || undefined,
    requiresConfirmation: wire.requiresConfirmation ?? fallback.requiresConfirmation,
    inputFields: wire.inputFields ? inputFieldsFromWire(wire.inputFields) : fallback.inputFields,
    order: wire.order ?? fallback.order,
  });

export const actionCrud = childCrud<ActionWire>({
  noun: "action",
  listKey: "actions",
  verifiedOnlyInFull: "code and input fields",
  schema: actionSchema,
  create: (client, integrationId, body) => client.createAction(integrationId, body),
  replace: (client, integrationId, id, body) => client.updateAction(integrationId, id, body),
  remove: (client, integrationId, id) => client.deleteAction(integrationId, id),
  keptWhenOmitted: "code",
  toBody: (inputs, forReplace) =>
    sanitize({
      name: inputs.name,
      description: inputs.description,
      // PUT keeps an omitted `code`; an empty string clears code the program no longer declares.
      code: inputs.code ?? (forReplace && !isUnmanaged(inputs, "code") ? "" : undefined),
      requiresConfirmation: inputs.requiresConfirmation,
      inputFields: inputFieldsToWire(inputs.inputFields) ?? (forReplace ? [] : undefined),
    }),
  toOutputs: actionOutputs,
});
