import type { ResourceSpec } from "../common/spec";
import type { AgentInputs } from "./schema";

export { INPUT_TYPES, AGENT_FIELD_TYPES, type InputType, type AgentFieldType } from "../base/enums";

export const agentSpec = {
  noun: "agent",
  secretInputs: [],
  replaceOnChanges: [],
} as const satisfies ResourceSpec<AgentInputs>;
