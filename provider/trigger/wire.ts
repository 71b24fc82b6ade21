/** The trigger's translation from Langdock's wire shape, shared by its CRUD and export. */
import type { TriggerWire } from "../client/wire";
import type { Outputs, Props } from "../common/crud";
import { sanitize } from "../base/props";
import { childOutputs, type ChildOutputs } from "../child/wire";
import { inputFieldsFromWire } from "../child/inputFields";

export type TriggerOutputs = ChildOutputs & Outputs<"pollingCode" | "inputFields">;

/** Outputs of a trigger as Langdock reports it; what the answer lacks comes from `fallback`. */
export const triggerOutputs = (wire: TriggerWire, integrationId: string, fallback: Props): TriggerOutputs =>
  sanitize<TriggerOutputs>({
    ...childOutputs(wire, integrationId, fallback),
    pollingCode: wire.pollingCode === undefined ? fallback.pollingCode : wire.pollingCode || undefined,
    inputFields: wire.inputFields ? inputFieldsFromWire(wire.inputFields, fallback.inputFields) : fallback.inputFields,
  });
