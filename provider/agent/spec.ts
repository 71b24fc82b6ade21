import type { ResourceSpec } from "../common/spec";
import type { AgentInputs } from "./schema";

export const agentSpec = {
  noun: "agent",
  secretInputs: [],
  replaceOnChanges: [],
} as const satisfies ResourceSpec<AgentInputs>;
