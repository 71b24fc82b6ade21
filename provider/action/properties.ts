import type { PropertyRules } from "../common/properties";
import { childProperties } from "../child/properties";

/** Every property of an action, each once: those it shares with triggers, and whether users confirm each run. */
export const ACTION_PROPERTIES = {
  ...childProperties("code"),
  // Sent explicitly every time (false clears it): a PUT keeps the stored value when it is omitted.
  requiresConfirmation: { compare: (v) => v === true, cleared: false },
} as const satisfies PropertyRules;
