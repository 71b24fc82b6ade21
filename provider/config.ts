/**
 * Provider settings. Stack config (`langdock:*`, read in the dynamic provider's `configure`) wins over
 * environment variables, which are the fallback for local runs and CI.
 */
export const DEFAULT_BASE_URL = "https://api.langdock.com";
export const DEFAULT_MAX_RETRIES = 5;
export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RETRY_TIME_MS = 120_000;

export interface ProviderSettings {
  apiKey: string;
  baseUrl: string;
  maxRetries: number;
  timeoutMs: number;
  maxRetryTimeMs: number;
}

/** What `configure(req)` receives: `req.config.get("langdock:apiKey")`, secrets already unwrapped. */
export interface ConfigSource {
  get(key: string): string | undefined;
}

export class ConfigurationError extends Error {
  override name = "ConfigurationError";
}

const SETTINGS = {
  apiKey: { config: "langdock:apiKey", env: "LANGDOCK_API_KEY" },
  baseUrl: { config: "langdock:baseUrl", env: "LANGDOCK_BASE_URL" },
  maxRetries: { config: "langdock:maxRetries", env: "LANGDOCK_MAX_RETRIES" },
  timeoutMs: { config: "langdock:requestTimeoutMs", env: "LANGDOCK_REQUEST_TIMEOUT_MS" },
  maxRetryTimeMs: { config: "langdock:maxRetryTimeMs", env: "LANGDOCK_MAX_RETRY_TIME_MS" },
} as const;

function lookup(source: ConfigSource | undefined, env: NodeJS.ProcessEnv, name: keyof typeof SETTINGS): string | undefined {
  const fromConfig = source?.get(SETTINGS[name].config);
  if (fromConfig !== undefined && fromConfig !== null && String(fromConfig) !== "") return String(fromConfig);
  const fromEnv = env[SETTINGS[name].env];
  return fromEnv === undefined || fromEnv === "" ? undefined : fromEnv;
}

function wholeNumber(source: ConfigSource | undefined, env: NodeJS.ProcessEnv, name: keyof typeof SETTINGS, fallback: number): number {
  const raw = lookup(source, env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new ConfigurationError(
      `${SETTINGS[name].config} must be a whole number of 0 or more, got "${raw}": set it with \`pulumi config set ${SETTINGS[name].config} <n>\` or ${SETTINGS[name].env}.`,
    );
  }
  return value;
}

/** Resolves settings; throws only for malformed values. A missing key is reported when a call needs it. */
export function resolveSettings(source?: ConfigSource, env: NodeJS.ProcessEnv = process.env): ProviderSettings {
  const baseUrl = lookup(source, env, "baseUrl") ?? DEFAULT_BASE_URL;
  try {
    const parsed = new URL(baseUrl);
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new Error("protocol");
  } catch {
    throw new ConfigurationError(
      `langdock:baseUrl must be an http(s) URL such as ${DEFAULT_BASE_URL} or https://<deployment>/api/public, got "${baseUrl}".`,
    );
  }
  return {
    apiKey: lookup(source, env, "apiKey") ?? "",
    baseUrl,
    maxRetries: wholeNumber(source, env, "maxRetries", DEFAULT_MAX_RETRIES),
    timeoutMs: wholeNumber(source, env, "timeoutMs", DEFAULT_TIMEOUT_MS),
    maxRetryTimeMs: wholeNumber(source, env, "maxRetryTimeMs", DEFAULT_MAX_RETRY_TIME_MS),
  };
}

export const MISSING_API_KEY =
  "No Langdock API key is configured: run `pulumi config set --secret langdock:apiKey <key>` or set the LANGDOCK_API_KEY environment variable.";
