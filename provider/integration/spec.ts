import type { ResourceSpec } from "../common/spec";
import type { IntegrationInputs } from "./schema";

export { AUTH_TYPES, AUTH_FIELD_TYPES, type AuthType, type AuthFieldType } from "../base/enums";

/** Write-only in Langdock: never returned, so never compared by a read, carried from the state, never shown. */
export const INTEGRATION_SECRET_INPUTS = ["oauthClient.clientSecret"] as const;

export const integrationSpec = {
  noun: "integration",
  secretInputs: INTEGRATION_SECRET_INPUTS,
  replaceOnChanges: [],
} as const satisfies ResourceSpec<IntegrationInputs>;
