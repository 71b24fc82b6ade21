import { bool, strictObject, list, oneOf, text, uuid, type ResourceSchema } from "../common/schema";
import { comparableOf } from "../common/properties";
import { INTEGRATION_PROPERTIES } from "./properties";
import { movesAuthType } from "./destructive";
import { quote } from "../base/text";
import { uniqueSlugs } from "../common/crossField";
import { containsUnknown } from "../common/unknown";
import { unmanagedSchema } from "../unmanaged";
import { LIMITS } from "../base/limits";
import { INTEGRATION_SECRET_INPUTS, integrationSpec } from "./spec";
import type { z } from "zod";
import { AUTH_TYPES, AUTH_FIELD_TYPES } from "./spec";
export { AUTH_TYPES, AUTH_FIELD_TYPES };
export type { AuthType, AuthFieldType } from "./spec";

/** Langdock never returns the OAuth client secret: a program can leave it as it is (see provider/unmanaged.ts). */
export const INTEGRATION_UNMANAGED = INTEGRATION_SECRET_INPUTS;

const authField = strictObject({
  slug: text(LIMITS.authField.slug, 1),
  label: text(LIMITS.authField.label, 1),
  type: oneOf(AUTH_FIELD_TYPES),
  description: text(LIMITS.authField.description).optional(),
  placeholder: text(LIMITS.authField.placeholder).optional(),
  required: bool().default(false),
});

const oauthClient = strictObject({
  clientId: text(LIMITS.oauthClient.clientId, 1),
  clientSecret: text(LIMITS.oauthClient.clientSecret, 1),
  authUrl: text(LIMITS.oauthClient.url).optional(),
  tokenUrl: text(LIMITS.oauthClient.url).optional(),
  scopes: text(LIMITS.oauthClient.scopes).optional(),
  label: text(LIMITS.oauthClient.label).optional(),
  authorizationCode: text(LIMITS.oauthClient.code).optional(),
  accessTokenCode: text(LIMITS.oauthClient.code).optional(),
  refreshTokenCode: text(LIMITS.oauthClient.code).optional(),
});

export const IntegrationInputsSchema = strictObject({
  name: text(LIMITS.integration.name, 1),
  description: text(LIMITS.integration.description).optional(),
  iconUrl: text(LIMITS.integration.iconUrl)
    .regex(/^https?:\/\/\S+$/, { error: (iss) => `must be an http(s) URL (got ${quote(iss.input)})` })
    .optional(),
  color: text(LIMITS.integration.color)
    .regex(/^#(?:[0-9a-fA-F]{3}){1,2}$/, { error: (iss) => `must be a hex color like "#4f46e5" (got ${quote(iss.input)})` })
    .optional(),
  authType: oneOf(AUTH_TYPES).optional(),
  authFields: list(authField).optional(),
  authTestCode: text(LIMITS.integration.authTestCode).optional(),
  oauthClient: oauthClient.optional(),
  adoptId: uuid("id of an existing integration to take over").optional(),
  unmanaged: unmanagedSchema(INTEGRATION_UNMANAGED),
});
export type IntegrationInputs = z.output<typeof IntegrationInputsSchema>;

export const integrationSchema: ResourceSchema<IntegrationInputs> = {
  inputs: IntegrationInputsSchema,
  crossField: (given) => {
    const failures = uniqueSlugs(given.authFields, "authFields", "auth field");
    const setsAuth = given.authFields !== undefined || given.authTestCode !== undefined || given.oauthClient !== undefined;
    if (setsAuth && given.authType === undefined) {
      failures.push({
        property: "authType",
        reason: 'is required when authFields, authTestCode or oauthClient is set (e.g. "API_KEY" or "OAUTH")',
      });
    }
    if (
      given.oauthClient !== undefined &&
      !containsUnknown(given.authType) &&
      given.authType !== "OAUTH" &&
      given.authType !== "OAUTH_DCR"
    ) {
      failures.push({
        property: "oauthClient",
        reason: `is only used with authType "OAUTH" or "OAUTH_DCR" (authType is ${quote(given.authType ?? "NONE")})`,
      });
    }
    return failures;
  },
  comparable: comparableOf(INTEGRATION_PROPERTIES),
  replaceOnChanges: integrationSpec.replaceOnChanges,
  destructive: movesAuthType,
};
