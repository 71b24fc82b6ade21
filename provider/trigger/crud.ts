import type { TriggerWire } from "../client/wire";
import { childCrud, childOutputs } from "../integrationChild";
import { inputFieldsFromWire, inputFieldsToWire } from "../inputFields";
import { sanitize } from "../base/props";
import type { Props } from "../common/crud";
import { isUnmanaged } from "../common/schema";
import { triggerSchema } from "./schema";

/** Outputs of a trigger as Langdock reports it; what the answer lacks comes from `fallback`. */
export const triggerOutputs = (wire: TriggerWire, integrationId: string, fallback: Props): Props =>
  sanitize({
    ...childOutputs(wire, integrationId, fallback),
    pollingCode: wire.pollingCode === undefined ? fallback.pollingCode : wire.pollingCode || undefined,
    inputFields: wire.inputFields ? inputFieldsFromWire(wire.inputFields) : fallback.inputFields,
  });

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
