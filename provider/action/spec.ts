import type { ChildResourceSpec } from "../child/spec";
import type { ActionInputs } from "./schema";

/** Properties an Action can leave as they are in Langdock (a summary GET does not show them). */
export const ACTION_UNMANAGED = ["code", "inputFields", "requiresConfirmation"] as const;
export type ActionUnmanaged = (typeof ACTION_UNMANAGED)[number];

export const actionSpec = {
  noun: "action",
  secretInputs: [],
  // Langdock cannot move an action to another integration.
  replaceOnChanges: ["integrationId"],
  keptWhenOmitted: "code",
  verifiedOnlyInFull: "code and input fields",
  importId: { parent: "integrationId" },
} as const satisfies ChildResourceSpec<ActionInputs>;
