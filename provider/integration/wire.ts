/** The integration's translation to and from Langdock's wire shapes, shared by its CRUD, the lookups and export. */
import type { AuthFieldWire, IntegrationWire } from "../client/wire";
import type { Outputs, Props } from "../common/crud";
import { sanitize } from "../base/props";
import { carrySecrets } from "../common/spec";
import { integrationSpec } from "./spec";
import type { IntegrationAuthRequest, UpdateIntegrationRequest } from "../client/requests";
import { bodyOf } from "../common/properties";
import { INTEGRATION_CALLS, INTEGRATION_PROPERTIES } from "./properties";
import type { IntegrationInputs } from "./schema";

export type IntegrationOutputs = Outputs<
  | "name"
  | "description"
  | "iconUrl"
  | "icon"
  | "iconHash"
  | "color"
  | "authType"
  | "authFields"
  | "authTestCode"
  | "oauthClient"
  | "adoptId"
  | "unmanaged"
  | "createdAt"
>;

/** Outputs: the inputs' names with Langdock's values; the write-only client secret comes from `fallback`. */
export function integrationOutputs(wire: IntegrationWire, fallback: Props): IntegrationOutputs {
  const pick = <K extends keyof IntegrationWire>(key: K) => (wire[key] === undefined ? fallback[key] : wire[key]);
  const outputs: IntegrationOutputs = {
    name: wire.name,
    description: wire.description === undefined ? fallback.description : wire.description || undefined,
    iconUrl: pick("iconUrl"),
    // Langdock reports no hash of an uploaded icon: the state's (what the last upload sent) is kept.
    icon: fallback.icon,
    iconHash: fallback.iconHash,
    color: pick("color"),
    // Langdock reports NONE for an integration without auth; the create response omits it.
    authType: pick("authType") ?? "NONE",
    authFields: wire.authFields === undefined || wire.authFields === null ? fallback.authFields : authFieldsFromWire(wire.authFields),
    authTestCode: pick("authTestCode"),
    oauthClient: wire.oauthClient === undefined ? fallback.oauthClient : (wire.oauthClient ?? undefined),
    adoptId: fallback.adoptId,
    unmanaged: fallback.unmanaged,
    createdAt: wire.createdAt ?? fallback.createdAt,
  };
  // GET never returns the client secret: it is carried from state, never read back.
  return sanitize(carrySecrets(outputs, fallback, integrationSpec.secretInputs));
}

/** Auth fields as the program states them: empty text is absent, `required` explicit. */
function authFieldsFromWire(fields: AuthFieldWire[]): Props[] | undefined {
  if (fields.length === 0) return undefined;
  return fields.map((f) =>
    sanitize({ ...f, description: f.description || undefined, placeholder: f.placeholder || undefined, required: f.required ?? false }),
  );
}

/** The details PATCH: name and description always (Langdock rejects it without them), icon and color cleared only where Langdock has one. */
export function detailsBody(current: Props, inputs: IntegrationInputs): UpdateIntegrationRequest {
  const given: Props = inputs;
  const keys = INTEGRATION_CALLS.details.filter(
    (k) => k === "name" || k === "description" || given[k] !== undefined || current[k] !== undefined,
  );
  return bodyOf<UpdateIntegrationRequest>(INTEGRATION_PROPERTIES, given, keys);
}

/** The auth PATCH replaces the whole auth configuration: what the program leaves out is cleared. */
export function authBody(inputs: IntegrationInputs): IntegrationAuthRequest {
  return bodyOf<IntegrationAuthRequest>(INTEGRATION_PROPERTIES, inputs, INTEGRATION_CALLS.auth);
}
