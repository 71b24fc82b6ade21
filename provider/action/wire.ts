/** The action's translation from Langdock's wire shape, shared by its CRUD and export. */
import type { ActionWire } from "../client/wire";
import type { Props } from "../common/crud";
import { sanitize } from "../base/props";
import { childOutputs } from "../child/wire";
import { inputFieldsFromWire } from "../child/inputFields";

/** Outputs of an action as Langdock reports it; what the answer lacks comes from `fallback`. */
export const actionOutputs = (wire: ActionWire, integrationId: string, fallback: Props): Props =>
  sanitize({
    ...childOutputs(wire, integrationId, fallback),
    code: wire.code === undefined ? fallback.code : wire.code || undefined,
    requiresConfirmation: wire.requiresConfirmation ?? fallback.requiresConfirmation,
    inputFields: wire.inputFields ? inputFieldsFromWire(wire.inputFields) : fallback.inputFields,
    order: wire.order ?? fallback.order,
  });
