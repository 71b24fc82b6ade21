import { optionalText, withDefault } from "../common/schema";
import { normalizeCode, sanitize } from "../base/props";
import { PROVIDER_OWN, neverCompared, requestFields, type PropertyRules } from "../common/properties";

/**
 * Every input property of an integration, each once: its comparable form, the value an update sends to
 * clear it when the program leaves it out, and the call that sets it: `details` (`PATCH /integrations/v1/{id}`)
 * or `auth` (`PATCH …/auth`, which replaces the whole auth configuration). Responses use the input names.
 */
export const INTEGRATION_PROPERTIES = {
  name: { sentWith: "details" },
  // Langdock rejects a details PATCH without a description: "" clears it.
  description: { compare: optionalText, cleared: "", sentWith: "details" },
  // null clears an icon or a color (sent only when Langdock has one, see detailsBody).
  iconUrl: { compare: optionalText, cleared: null, sentWith: "details" },
  color: { compare: optionalText, cleared: null, sentWith: "details" },
  // The icon file's path is not significant (a moved checkout is no change); its content is, as the
  // sha256 check adds (`iconHash`), uploaded with `PUT …/icon` when it differs from the state's.
  icon: { compare: neverCompared, notSent: true },
  iconHash: { notSent: true },
  authType: { compare: withDefault("NONE"), cleared: "NONE", sentWith: "auth" },
  authFields: { compare: comparableAuthFields, cleared: [], sentWith: "auth" },
  authTestCode: { compare: (v) => normalizeCode(v as string | undefined), sentWith: "auth" },
  oauthClient: {
    compare: (v) =>
      v && typeof v === "object" ? sanitize(Object.fromEntries(Object.entries(v).map(([k, x]) => [k, optionalText(x)]))) : undefined,
    sentWith: "auth",
  },
  adoptId: PROVIDER_OWN,
  unmanaged: PROVIDER_OWN,
} as const satisfies PropertyRules;

/** The properties each of the two update calls sets; a change to any of them is one call. */
export const INTEGRATION_CALLS = {
  details: requestFields(INTEGRATION_PROPERTIES, "details"),
  auth: requestFields(INTEGRATION_PROPERTIES, "auth"),
} as const;

/** Auth fields in comparable form: empty text is absent, `required` explicit. */
function comparableAuthFields(value: unknown): unknown {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  return value.map((raw) => {
    const f = (raw ?? {}) as Record<string, unknown>;
    return sanitize({
      slug: f.slug,
      label: f.label,
      type: f.type,
      description: optionalText(f.description),
      placeholder: optionalText(f.placeholder),
      required: f.required ?? false,
    });
  });
}
