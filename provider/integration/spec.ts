import type { ResourceSpec } from "../common/spec";
import type { IntegrationInputs } from "./schema";

export const AUTH_TYPES = ["NONE", "API_KEY", "OAUTH", "OAUTH_DCR", "SERVICE_ACCOUNT"] as const;
export const AUTH_FIELD_TYPES = ["TEXT", "MULTI_LINE_TEXT", "PASSWORD", "NUMBER", "EMBEDDING_MODEL"] as const;
export type AuthType = (typeof AUTH_TYPES)[number];
export type AuthFieldType = (typeof AUTH_FIELD_TYPES)[number];

/** Write-only in Langdock: never returned, so never compared by a read, carried from the state, never shown. */
export const INTEGRATION_SECRET_INPUTS = ["oauthClient.clientSecret"] as const;

export const integrationSpec = {
  noun: "integration",
  secretInputs: INTEGRATION_SECRET_INPUTS,
  replaceOnChanges: [],
} as const satisfies ResourceSpec<IntegrationInputs>;
