import type { ResourceSpec } from "../common/spec";
import type { TriggerInputs } from "./schema";

export const triggerSpec = {
  noun: "trigger",
  secretInputs: [],
  // Langdock cannot move a trigger to another integration.
  replaceOnChanges: ["integrationId"],
} as const satisfies ResourceSpec<TriggerInputs>;
