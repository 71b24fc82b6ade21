import type { TriggerWire } from "../client/wire";
import { childCrud } from "../child/crud";
import { triggerSchema, type TriggerInputs } from "./schema";
import { triggerSpec } from "./spec";
import { triggerOutputs } from "./wire";

export const triggerCrud = childCrud<TriggerWire, TriggerInputs>(triggerSpec, triggerSchema, triggerOutputs);
