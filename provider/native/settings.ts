/**
 * The provider's configuration as the native plugin receives it: a Provider resource's arguments (`apiKey`,
 * `baseUrl`, …) or, for the default provider, stack config `langdock:*` (same names). Resolution, defaults and
 * the LANGDOCK_* fallbacks are config.ts's, the same as the dynamic provider's.
 */
import { resolveSettings, type ConfigSource } from "../config";
import { deepEqual } from "../base/props";
import type { Props } from "../common/crud";
import type { CheckFailure } from "../common/schema";

/** The settings a Provider takes, with their descriptions (the package schema's `config` and `provider`). */
export const PROVIDER_SETTINGS = {
  apiKey: {
    type: "string",
    secret: true,
    env: "LANGDOCK_API_KEY",
    description: "Langdock API key (`sk-ld-…`) with the scopes the resources need.",
  },
  baseUrl: {
    type: "string",
    secret: false,
    env: "LANGDOCK_BASE_URL",
    description:
      "Base URL of Langdock's public API; default `https://api.langdock.com`, dedicated deployments `https://<host>/api/public`.",
  },
  maxRetries: {
    type: "integer",
    secret: false,
    env: "LANGDOCK_MAX_RETRIES",
    description: "How many times a failed request is retried; default 5.",
  },
  requestTimeoutMs: {
    type: "integer",
    secret: false,
    env: "LANGDOCK_REQUEST_TIMEOUT_MS",
    description: "Deadline of one request in milliseconds, from connecting to the last byte; default 30000.",
  },
  maxRetryTimeMs: {
    type: "integer",
    secret: false,
    env: "LANGDOCK_MAX_RETRY_TIME_MS",
    description: "How long one request may keep retrying, rate-limit pauses included, in milliseconds; default 120000.",
  },
} as const;
export type ProviderSettingName = keyof typeof PROVIDER_SETTINGS;
const NAMES = Object.keys(PROVIDER_SETTINGS) as ProviderSettingName[];

/** `langdock:<name>` → the argument of that name, else the engine's config variable of that key. */
export function configSource(args: Props, variables: Map<string, string> = new Map()): ConfigSource {
  return {
    get(key) {
      const value = args[key.replace(/^langdock:/, "")] ?? variables.get(key);
      return value === undefined || value === null ? undefined : String(value);
    },
  };
}

/**
 * Malformed settings as check failures, each at its property. The default provider's settings are stack
 * config (`langdock:<name>`), and the messages say so; an explicit provider's are its arguments.
 */
export function checkConfig(news: Props, explicitProvider: boolean): CheckFailure[] {
  try {
    resolveSettings(configSource(news));
    return [];
  } catch (err) {
    const setting = (err as { setting?: string }).setting?.replace(/^langdock:/, "") ?? "";
    const message = (err as Error).message;
    const reason = explicitProvider
      ? message
          .replace(/set it with `pulumi config set langdock:(\w+) <n>`/, "set the provider's `$1` argument")
          .replace(/langdock:(\w+)/g, "$1")
      : message;
    return [{ property: setting, reason }];
  }
}

/** Whether a provider URN names an explicit provider (`pulumi:providers:langdock::<name>`), not the default one. */
export function isExplicitProvider(urn: string): boolean {
  return !/::default(_[\w]+)?$/.test(urn);
}

/** The settings that differ. None replaces anything: a new key or URL applies to the same objects. */
export function diffConfig(olds: Props, news: Props): string[] {
  return NAMES.filter((name) => !deepEqual(olds[name], news[name]));
}
