import type { z } from "zod";
import { text } from "../common/schema";
import { LIMITS } from "../base/limits";
import { triggerInputFieldsSchema } from "../child/inputFields";
import { childInputsSchema, childSchema } from "../child/schema";
import { TRIGGER_UNMANAGED, triggerSpec } from "./spec";
import { TRIGGER_PROPERTIES } from "./properties";
export { TRIGGER_UNMANAGED };
export type { TriggerUnmanaged } from "./spec";

/** Trigger inputs: docs/langdock-api.md "Triggers" request body, plus the integration it belongs to. */
export const TriggerInputsSchema = childInputsSchema(
  "trigger",
  LIMITS.trigger,
  { pollingCode: text(LIMITS.trigger.pollingCode).optional() },
  triggerInputFieldsSchema,
  TRIGGER_UNMANAGED,
);
export type TriggerInputs = z.output<typeof TriggerInputsSchema>;

export const triggerSchema = childSchema<TriggerInputs>(TriggerInputsSchema, triggerSpec, TRIGGER_PROPERTIES);
