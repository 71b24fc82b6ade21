import type { ActionWire } from "../client/wire";
import { childCrud } from "../integrationChild";
import { inputFieldsToWire } from "../child/inputFields";
import { sanitize } from "../base/props";
import { isUnmanaged } from "../common/schema";
import { actionSchema } from "./schema";
import { actionOutputs } from "./wire";

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
