import type { PropertyRules } from "../common/properties";
import { childProperties } from "../child/properties";

/** Every property of a trigger, each once: exactly those it shares with actions, with `pollingCode` for code. */
export const TRIGGER_PROPERTIES = childProperties("pollingCode") satisfies PropertyRules;
