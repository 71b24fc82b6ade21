import type { ActionWire } from "../client/wire";
import { childCrud } from "../child/crud";
import { actionSchema, type ActionInputs } from "./schema";
import { actionOutputs } from "./wire";

export const actionCrud = childCrud<ActionWire, ActionInputs>({
  noun: "action",
  listKey: "actions",
  verifiedOnlyInFull: "code and input fields",
  schema: actionSchema,
  create: (client, integrationId, body) => client.createAction(integrationId, body),
  replace: (client, integrationId, id, body) => client.updateAction(integrationId, id, body),
  remove: (client, integrationId, id) => client.deleteAction(integrationId, id),
  keptWhenOmitted: "code",
  alsoSent: ["requiresConfirmation"],
  toOutputs: actionOutputs,
});
