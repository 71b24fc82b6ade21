import { bool, strictObject, list, oneOf, text, uuid, type ResourceSchema } from "../common/schema";
import { comparableOf } from "../common/properties";
import { INTEGRATION_PROPERTIES } from "./properties";
import { movesAuthType } from "./destructive";
import { quote } from "../base/text";
import { uniqueSlugs } from "../common/crossField";
import { containsUnknown } from "../common/unknown";
import { unmanagedSchema } from "../unmanaged";
import { LIMITS } from "../base/limits";
import { inspectFile } from "../files/localFile";
import { isUnknown } from "../common/unknown";
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
  /** Path of a PNG, JPEG or WebP file; check adds its sha256 as `iconHash` (see prepareIcon). */
  icon: text(4096, 1).optional(),
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
/** The inputs after check: the icon's content hash added. */
export type PreparedIntegrationInputs = IntegrationInputs & { iconHash?: string };

/**
 * Check reads the icon file (type by extension and content, at most 20 MB) and adds its sha256 as
 * `iconHash`, so a diff compares content, not paths, without any HTTP call; the bytes never reach the state.
 */
function prepareIcon(inputs: Record<string, unknown>) {
  const icon = inputs.icon;
  if (typeof icon !== "string" || isUnknown(icon)) return { inputs, failures: [] };
  const { facts, problem } = inspectFile(icon, "icon");
  if (!facts) return { inputs, failures: [{ property: "icon", reason: problem ?? "cannot be read" }] };
  return { inputs: { ...inputs, iconHash: facts.contentHash }, failures: [] };
}

export const integrationSchema: ResourceSchema<IntegrationInputs> = {
  inputs: IntegrationInputsSchema,
  crossField: (given) => {
    const failures = uniqueSlugs(given.authFields, "authFields", "auth field");
    if (given.icon !== undefined && given.iconUrl !== undefined) {
      failures.push({ property: "icon", reason: "and iconUrl both set the integration's icon: keep one of them" });
    }
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
  // Langdock cannot remove an uploaded icon: a program that drops `icon` leaves it as it is.
  serverDefaulted: ["iconHash"],
  prepare: prepareIcon,
  destructive: movesAuthType,
};
