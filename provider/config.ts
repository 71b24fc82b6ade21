import { ConfigurationError } from "./errors/configurationError";

/**
 * Provider settings. Stack config (`langdock:*`, read in the dynamic provider's `configure`) wins over
 * environment variables, which are the fallback for local runs and CI.
 */
export const DEFAULT_BASE_URL = "https://api.langdock.com";
export const DEFAULT_MAX_RETRIES = 5;
export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RETRY_TIME_MS = 120_000;
/** Every default, the one place they are written: what an unset setting resolves to (the client has none). */
export const DEFAULT_SETTINGS: ProviderSettings = {
  apiKey: "",
  baseUrl: DEFAULT_BASE_URL,
  maxRetries: DEFAULT_MAX_RETRIES,
  timeoutMs: DEFAULT_TIMEOUT_MS,
  maxRetryTimeMs: DEFAULT_MAX_RETRY_TIME_MS,
};

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

export { ConfigurationError };

const SETTINGS = {
  apiKey: { config: "langdock:apiKey", env: "LANGDOCK_API_KEY" },
  baseUrl: { config: "langdock:baseUrl", env: "LANGDOCK_BASE_URL" },
  maxRetries: { config: "langdock:maxRetries", env: "LANGDOCK_MAX_RETRIES" },
  timeoutMs: { config: "langdock:requestTimeoutMs", env: "LANGDOCK_REQUEST_TIMEOUT_MS" },
  maxRetryTimeMs: { config: "langdock:maxRetryTimeMs", env: "LANGDOCK_MAX_RETRY_TIME_MS" },
} as const;

export type SettingName = keyof typeof SETTINGS;

/**
 * How messages name the settings: a program's stack config (with the environment as fallback), or a CLI's
 * own flags and environment (`pulumi-langdock export`), so no message gives advice for another tool.
 */
export interface SettingWords {
  /** The setting as the user gives it: `langdock:baseUrl`, `--base-url (or LANGDOCK_BASE_URL)`. */
  name(setting: SettingName): string;
  /** How to give it a `placeholder` value, as a clause: "set it with `pulumi config set …` or LANGDOCK_…". */
  howToSet(setting: SettingName, placeholder: string): string;
}

export const STACK_CONFIG_WORDS: SettingWords = {
  name: (setting) => SETTINGS[setting].config,
  howToSet: (setting, placeholder) =>
    `set it with \`pulumi config set ${SETTINGS[setting].config} ${placeholder}\` or ${SETTINGS[setting].env}`,
};

/** The environment variable of each setting (what a CLI reads when no flag is given). */
export function settingEnv(setting: SettingName): string {
  return SETTINGS[setting].env;
}

/**
 * A setting given in stack config is used as given (an invalid one is an error): it never falls back
 * to the environment, which may belong to another workspace. Only an absent setting reads the environment.
 */
function lookup(source: ConfigSource | undefined, env: NodeJS.ProcessEnv, name: keyof typeof SETTINGS): string | undefined {
  const fromConfig = source?.get(SETTINGS[name].config);
  if (fromConfig !== undefined && fromConfig !== null) return String(fromConfig);
  const fromEnv = env[SETTINGS[name].env];
  return fromEnv === undefined || fromEnv === "" ? undefined : fromEnv;
}

function wholeNumber(
  source: ConfigSource | undefined,
  env: NodeJS.ProcessEnv,
  name: SettingName,
  fallback: number,
  words: SettingWords,
): number {
  const raw = lookup(source, env, name);
  if (raw === undefined) return fallback;
  const value = raw.trim() === "" ? NaN : Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new ConfigurationError(
      `${words.name(name)} must be a whole number of 0 or more, got ${shortQuote(raw)}: ${words.howToSet(name, "<n>")}.`,
      SETTINGS[name].config,
    );
  }
  return value;
}

/** Resolves settings; throws only for malformed values. A missing key is reported when a call needs it. */
export function resolveSettings(
  source?: ConfigSource,
  env: NodeJS.ProcessEnv = process.env,
  words: SettingWords = STACK_CONFIG_WORDS,
): ProviderSettings {
  const baseUrl = lookup(source, env, "baseUrl") ?? DEFAULT_BASE_URL;
  checkBaseUrl(baseUrl, words);
  return {
    apiKey: (lookup(source, env, "apiKey") ?? "").trim(),
    baseUrl,
    maxRetries: wholeNumber(source, env, "maxRetries", DEFAULT_MAX_RETRIES, words),
    timeoutMs: wholeNumber(source, env, "timeoutMs", DEFAULT_TIMEOUT_MS, words),
    maxRetryTimeMs: wholeNumber(source, env, "maxRetryTimeMs", DEFAULT_MAX_RETRY_TIME_MS, words),
  };
}

export const MISSING_API_KEY =
  "No Langdock API key is configured: run `pulumi config set --secret langdock:apiKey <key>` or set the LANGDOCK_API_KEY environment variable.";

const BASE_URL_EXAMPLES = `${DEFAULT_BASE_URL} or https://<deployment>/api/public`;

/** An http(s) URL without credentials; the value is quoted only shortened and without any user:password part. */
function checkBaseUrl(baseUrl: string, words: SettingWords): void {
  let parsed: URL | undefined;
  try {
    parsed = new URL(baseUrl);
  } catch {
    parsed = undefined;
  }
  if (parsed && (parsed.username || parsed.password)) {
    // The API key is the only credential: a user:password part would make the HTTP client send Basic auth instead.
    throw new ConfigurationError(
      `${words.name("baseUrl")} must not contain a user name or password (found one before "@${parsed.host}"); remove it and put the API key in ${words.name("apiKey")}.`,
      SETTINGS.baseUrl.config,
    );
  }
  if (!parsed || (parsed.protocol !== "http:" && parsed.protocol !== "https:")) {
    throw new ConfigurationError(
      `${words.name("baseUrl")} must be an http(s) URL such as ${BASE_URL_EXAMPLES}, got ${shortQuote(baseUrl)}.`,
      SETTINGS.baseUrl.config,
    );
  }
}

/** At most a few dozen characters of a configured value, with anything that looks like `user:password@` removed. */
function shortQuote(value: string): string {
  const clean = value.replace(/^([^/]*\/\/)?[^/@\s]*@/, "$1");
  return clean.length <= 60 ? JSON.stringify(clean) : `${JSON.stringify(clean.slice(0, 60))}… (${clean.length} characters)`;
}
