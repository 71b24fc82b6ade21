import type { LangdockClient } from "./client";
import type { ConfigSource } from "./config";
import type { LookupOptions } from "./lookups";

/**
 * Settings resolve like the provider's `configure`: explicit options, then stack config, then the
 * environment (`resolveSettings`). The client is loaded here, not at import, so importing the package
 * root stays cheap.
 */
export function lookupClient(options: LookupOptions & { client?: LangdockClient }): LangdockClient {
  // The native plugin's Invoke passes its provider instance's own client (never part of the public options).
  if (options.client) return options.client;
  const { resolveSettings } = require("./config") as typeof import("./config");
  const { registerSecret } = require("./base/redact") as typeof import("./base/redact");
  const { LangdockClient: Client } = require("./client") as typeof import("./client");
  const explicit: Record<string, string | undefined> = { "langdock:apiKey": options.apiKey, "langdock:baseUrl": options.baseUrl };
  const source: ConfigSource = {
    // runtime.getConfig returns the plain value, secret or not, without Config.get's secret warnings.
    get: (key) => explicit[key] ?? (require("@pulumi/pulumi") as typeof import("@pulumi/pulumi")).runtime.getConfig(key),
  };
  const settings = resolveSettings(source);
  registerSecret(settings.apiKey);
  return new Client(settings);
}
