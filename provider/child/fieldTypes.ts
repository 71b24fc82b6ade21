/** The field types of actions' and triggers' input fields; free of zod for the public types. */
export { ACTION_FIELD_TYPES, TRIGGER_FIELD_TYPES, type ActionFieldType, type TriggerFieldType } from "../base/enums";
