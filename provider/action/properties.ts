import type { PropertyRules } from "../common/properties";
import { childProperties } from "../child/properties";

/** Every property of an action, each once: those it shares with triggers, and whether users confirm each run. */
export const ACTION_PROPERTIES = {
  ...childProperties("code"),
  requiresConfirmation: { compare: (v) => v === true },
} as const satisfies PropertyRules;
