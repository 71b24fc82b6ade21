import type { ResourceSpec } from "../common/spec";
import type { AgentInputs } from "./schema";

export const INPUT_TYPES = ["PROMPT", "STRUCTURED"] as const;
export const AGENT_FIELD_TYPES = ["TEXT", "MULTI_LINE_TEXT", "NUMBER", "CHECKBOX", "FILE", "SELECT", "DATE"] as const;
export type InputType = (typeof INPUT_TYPES)[number];
export type AgentFieldType = (typeof AGENT_FIELD_TYPES)[number];

export const agentSpec = {
  noun: "agent",
  secretInputs: [],
  replaceOnChanges: [],
} as const satisfies ResourceSpec<AgentInputs>;
