import type { TriggerWire } from "../client/wire";
import type { TriggerRequest } from "../client/requests";
import { TRIGGER_PROPERTIES } from "./properties";
import { childCrud } from "../child/crud";
import { triggerSchema, type TriggerInputs } from "./schema";
import { triggerSpec } from "./spec";
import { triggerOutputs } from "./wire";

export const triggerCrud = childCrud<TriggerWire, TriggerRequest, TriggerInputs>(
  triggerSpec,
  triggerSchema,
  TRIGGER_PROPERTIES,
  triggerOutputs,
);
