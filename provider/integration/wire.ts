/** The integration's translation to and from Langdock's wire shapes, shared by its CRUD, the lookups and export. */
import type { AuthFieldWire, IntegrationWire } from "../client/wire";
import type { Props } from "../common/crud";
import { sanitize } from "../base/props";
import { carrySecrets } from "../common/spec";
import { integrationSpec } from "./spec";

/** Outputs: the inputs' names with Langdock's values; the write-only client secret comes from `fallback`. */
export function integrationOutputs(wire: IntegrationWire, fallback: Props): Props {
  const pick = <K extends keyof IntegrationWire>(key: K) => (wire[key] === undefined ? fallback[key] : wire[key]);
  const outputs = {
    name: wire.name,
    description: wire.description === undefined ? fallback.description : wire.description || undefined,
    iconUrl: pick("iconUrl"),
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

export function detailsBody(current: Props, inputs: Props): Props {
  // Langdock rejects a PATCH without name or description, so name always goes; "" clears the description
  // and null clears an icon or color the program no longer sets.
  const clearable = (key: string) => inputs[key] ?? (current[key] === undefined ? undefined : null);
  return { name: inputs.name, description: inputs.description ?? "", iconUrl: clearable("iconUrl"), color: clearable("color") };
}

export function authBody(inputs: Props): Props {
  return sanitize({
    authType: inputs.authType ?? "NONE",
    authFields: inputs.authFields ?? [],
    authTestCode: inputs.authTestCode,
    oauthClient: inputs.oauthClient,
  });
}
