import type { ResourceSpec } from "../common/spec";
import type { ActionInputs } from "./schema";

export const actionSpec = {
  noun: "action",
  secretInputs: [],
  // Langdock cannot move an action to another integration.
  replaceOnChanges: ["integrationId"],
} as const satisfies ResourceSpec<ActionInputs>;
