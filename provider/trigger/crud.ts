import type { TriggerWire } from "../client/wire";
import { childCrud } from "../child/crud";
import { triggerSchema, type TriggerInputs } from "./schema";
import { triggerOutputs } from "./wire";

export const triggerCrud = childCrud<TriggerWire, TriggerInputs>({
  noun: "trigger",
  listKey: "triggers",
  verifiedOnlyInFull: "polling code and input fields",
  schema: triggerSchema,
  create: (client, integrationId, body) => client.createTrigger(integrationId, body),
  replace: (client, integrationId, id, body) => client.updateTrigger(integrationId, id, body),
  remove: (client, integrationId, id) => client.deleteTrigger(integrationId, id),
  keptWhenOmitted: "pollingCode",
  alsoSent: [],
  toOutputs: triggerOutputs,
});
