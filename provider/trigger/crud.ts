import type { TriggerWire } from "../client/wire";
import { childCrud, childOutputs } from "../integrationChild";
import { inputFieldsFromWire, inputFieldsToWire } from "../inputFields";
import { sanitize } from "../common/props";
import { triggerSchema } from "./schema";

export const triggerCrud = childCrud<TriggerWire>({
  noun: "trigger",
  listKey: "triggers",
  verifiedOnlyInFull: "polling code and input fields",
  schema: triggerSchema,
  create: (client, integrationId, body) => client.createTrigger(integrationId, body),
  replace: (client, integrationId, id, body) => client.updateTrigger(integrationId, id, body),
  remove: (client, integrationId, id) => client.deleteTrigger(integrationId, id),
  toBody: (inputs, forReplace) =>
    sanitize({
      name: inputs.name,
      description: inputs.description,
      // PUT keeps omitted code; an empty string clears polling code the program no longer declares.
      pollingCode: inputs.pollingCode ?? (forReplace ? "" : undefined),
      inputFields: inputFieldsToWire(inputs.inputFields) ?? (forReplace ? [] : undefined),
    }),
  toOutputs: (wire, integrationId, fallback) =>
    sanitize({
      ...childOutputs(wire, integrationId, fallback),
      pollingCode: wire.pollingCode === undefined ? fallback.pollingCode : wire.pollingCode || undefined,
      inputFields: wire.inputFields ? inputFieldsFromWire(wire.inputFields) : fallback.inputFields,
    }),
});
