import { optionalText } from "../common/schema";
import { normalizeCode } from "../base/props";
import { PROVIDER_OWN, type PropertyRule, type PropertyRules } from "../common/properties";
import { comparableInputFields, inputFieldsToWire } from "./inputFields";

/**
 * The properties actions and triggers share, each once (an action adds its own, see action/properties.ts).
 * `code`: the code property (an action's `code`, a trigger's `pollingCode`), compared without trailing
 * whitespace. A PUT replaces the whole object, so what the program leaves out goes with its cleared value.
 * Responses use the input names.
 */
export function childProperties<const C extends string>(code: C) {
  const shared = {
    // A path parameter (`/integrations/v1/{integrationId}/…`), never in a body.
    integrationId: { notSent: true },
    name: {},
    description: { compare: optionalText },
    inputFields: { compare: comparableInputFields, cleared: [], request: inputFieldsToWire },
    adoptId: PROVIDER_OWN,
    unmanaged: PROVIDER_OWN,
  } as const satisfies PropertyRules;
  // "" clears code the program no longer declares (a PUT keeps omitted code).
  const codeRule = { compare: (v: unknown) => normalizeCode(v as string | undefined), cleared: "" } as const satisfies PropertyRule;
  return { ...shared, [code]: codeRule } as typeof shared & Record<C, typeof codeRule>;
}
