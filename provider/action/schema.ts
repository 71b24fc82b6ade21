import type { z } from "zod";
import { bool, text } from "../common/schema";
import { LIMITS } from "../base/limits";
import { actionInputFieldsSchema } from "../child/inputFields";
import { childInputsSchema, childSchema } from "../child/schema";
import { ACTION_UNMANAGED, actionSpec } from "./spec";
import { ACTION_PROPERTIES } from "./properties";
export { ACTION_UNMANAGED };
export type { ActionUnmanaged } from "./spec";

/** Action inputs: docs/langdock-api.md "Actions" request body, plus the integration it belongs to. */
export const ActionInputsSchema = childInputsSchema(
  "action",
  LIMITS.action,
  { code: text(LIMITS.action.code).optional(), requiresConfirmation: bool().optional() },
  actionInputFieldsSchema,
  ACTION_UNMANAGED,
)
  // Default false, unless the program leaves it as it is in Langdock.
  .transform((inputs) =>
    inputs.unmanaged?.includes("requiresConfirmation") ? inputs : { ...inputs, requiresConfirmation: inputs.requiresConfirmation ?? false },
  );
export type ActionInputs = z.output<typeof ActionInputsSchema>;

export const actionSchema = childSchema<ActionInputs>(ActionInputsSchema, actionSpec, ACTION_PROPERTIES);
