/**
 * Langdock's enums (docs/langdock-api.md), one list each, written once. Like the limits they are API
 * vocabulary, not one resource's: the resource schemas, the client's request types and the emulator read them
 * here, and each resource's spec re-exports its own.
 */

/** Integrations: `authType`. */
export const AUTH_TYPES = ["NONE", "API_KEY", "OAUTH", "OAUTH_DCR", "SERVICE_ACCOUNT"] as const;
/** Integrations: the type of an auth field. */
export const AUTH_FIELD_TYPES = ["TEXT", "MULTI_LINE_TEXT", "PASSWORD", "NUMBER", "EMBEDDING_MODEL"] as const;
/** Actions: the type of an input field (docs/langdock-api.md, Actions: "Input field"). */
export const ACTION_FIELD_TYPES = [
  "TEXT",
  "MULTI_LINE_TEXT",
  "NUMBER",
  "BOOLEAN",
  "SELECT",
  "PASSWORD",
  "VECTOR",
  "OBJECT",
  "FILE",
  "ID",
] as const;
/** Triggers accept the types TEXT through VECTOR (and no `contextActionId`). */
export const TRIGGER_FIELD_TYPES = ["TEXT", "MULTI_LINE_TEXT", "NUMBER", "BOOLEAN", "SELECT", "PASSWORD", "VECTOR"] as const;
/** Agents: `inputType` (INTEGRATION, SCHEDULED and WEBHOOK: agents started by an integration, a schedule or a webhook). */
export const INPUT_TYPES = ["PROMPT", "STRUCTURED", "INTEGRATION", "SCHEDULED", "WEBHOOK"] as const;
/** Agents: the type of an input field. */
export const AGENT_FIELD_TYPES = [
  "TEXT",
  "MULTI_LINE_TEXT",
  "NUMBER",
  "CHECKBOX",
  "FILE",
  "SELECT",
  "MULTI_SELECT",
  "DATE",
  "EMAIL",
] as const;

export type AuthType = (typeof AUTH_TYPES)[number];
export type AuthFieldType = (typeof AUTH_FIELD_TYPES)[number];
export type ActionFieldType = (typeof ACTION_FIELD_TYPES)[number];
export type TriggerFieldType = (typeof TRIGGER_FIELD_TYPES)[number];
export type InputType = (typeof INPUT_TYPES)[number];
export type AgentFieldType = (typeof AGENT_FIELD_TYPES)[number];
