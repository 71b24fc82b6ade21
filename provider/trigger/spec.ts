import type { ChildResourceSpec } from "../child/spec";
import type { TriggerInputs } from "./schema";

/** Properties a Trigger can leave as they are in Langdock (a summary GET does not show them). */
export const TRIGGER_UNMANAGED = ["pollingCode", "inputFields"] as const;
export type TriggerUnmanaged = (typeof TRIGGER_UNMANAGED)[number];

export const triggerSpec = {
  noun: "trigger",
  secretInputs: [],
  // Langdock cannot move a trigger to another integration.
  replaceOnChanges: ["integrationId"],
  keptWhenOmitted: "pollingCode",
  verifiedOnlyInFull: "polling code and input fields",
  importId: { parent: "integrationId" },
} as const satisfies ChildResourceSpec<TriggerInputs>;
