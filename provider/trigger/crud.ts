import type { TriggerWire } from "../client/wire";
import { childCrud } from "../integrationChild";
import { inputFieldsToWire } from "../child/inputFields";
import { sanitize } from "../base/props";
import { isUnmanaged } from "../common/schema";
import { triggerSchema } from "./schema";
import { triggerOutputs } from "./wire";

export const triggerCrud = childCrud<TriggerWire>({
  noun: "trigger",
  listKey: "triggers",
  verifiedOnlyInFull: "polling code and input fields",
  schema: triggerSchema,
  create: (client, integrationId, body) => client.createTrigger(integrationId, body),
  replace: (client, integrationId, id, body) => client.updateTrigger(integrationId, id, body),
  remove: (client, integrationId, id) => client.deleteTrigger(integrationId, id),
  keptWhenOmitted: "pollingCode",
  toBody: (inputs, forReplace) =>
    sanitize({
      name: inputs.name,
      description: inputs.description,
      // PUT keeps omitted code; an empty string clears polling code the program no longer declares.
      pollingCode: inputs.pollingCode ?? (forReplace && !isUnmanaged(inputs, "pollingCode") ? "" : undefined),
      inputFields: inputFieldsToWire(inputs.inputFields) ?? (forReplace ? [] : undefined),
    }),
  toOutputs: triggerOutputs,
});
