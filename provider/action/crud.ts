import type { ActionWire } from "../client/wire";
import type { ActionRequest } from "../client/requests";
import { ACTION_PROPERTIES } from "./properties";
import { childCrud } from "../child/crud";
import { actionSchema, type ActionInputs } from "./schema";
import { actionSpec } from "./spec";
import { actionOutputs } from "./wire";

export const actionCrud = childCrud<ActionWire, ActionRequest, ActionInputs>(actionSpec, actionSchema, ACTION_PROPERTIES, actionOutputs);
