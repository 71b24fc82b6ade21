/** Field types of actions' and triggers' input fields (docs/langdock-api.md, Actions: "Input field"); free of zod for the public types. */
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
/** Triggers accept the types TEXT through VECTOR and no `contextActionId`. */
export const TRIGGER_FIELD_TYPES = ["TEXT", "MULTI_LINE_TEXT", "NUMBER", "BOOLEAN", "SELECT", "PASSWORD", "VECTOR"] as const;
export type ActionFieldType = (typeof ACTION_FIELD_TYPES)[number];
export type TriggerFieldType = (typeof TRIGGER_FIELD_TYPES)[number];
