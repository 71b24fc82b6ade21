/** The action's translation from Langdock's wire shape, shared by its CRUD and export. */
import type { ActionWire } from "../client/wire";
import type { Outputs, Props } from "../common/crud";
import { sanitize } from "../base/props";
import { childOutputs, type ChildOutputs } from "../child/wire";
import { inputFieldsFromWire } from "../child/inputFields";

export type ActionOutputs = ChildOutputs & Outputs<"code" | "requiresConfirmation" | "inputFields" | "order">;

/** Outputs of an action as Langdock reports it; what the answer lacks comes from `fallback`. */
export const actionOutputs = (wire: ActionWire, integrationId: string, fallback: Props): ActionOutputs =>
  sanitize<ActionOutputs>({
    ...childOutputs(wire, integrationId, fallback),
    code: wire.code === undefined ? fallback.code : wire.code || undefined,
    requiresConfirmation: wire.requiresConfirmation ?? fallback.requiresConfirmation,
    inputFields: wire.inputFields ? inputFieldsFromWire(wire.inputFields, fallback.inputFields) : fallback.inputFields,
    order: wire.order ?? fallback.order,
  });
