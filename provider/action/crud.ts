import type { ActionWire } from "../client/wire";
import { childCrud } from "../child/crud";
import { actionSchema, type ActionInputs } from "./schema";
import { actionSpec } from "./spec";
import { actionOutputs } from "./wire";

export const actionCrud = childCrud<ActionWire, ActionInputs>(actionSpec, actionSchema, actionOutputs);
