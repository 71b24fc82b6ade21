import { resolveSettings, ConfigurationError, DEFAULT_BASE_URL, DEFAULT_MAX_RETRIES } from "../provider/config";

const source = (values: Record<string, string>) => ({ get: (key: string) => values[key] });

describe("provider settings", () => {
  it("stack config wins over the environment, which is the fallback", () => {
    const env = { LANGDOCK_API_KEY: "sk-ld-env", LANGDOCK_BASE_URL: "https://env.example/api/public" };
    expect(resolveSettings(source({ "langdock:apiKey": "sk-ld-config" }), env)).toMatchObject({
      apiKey: "sk-ld-config",
      baseUrl: "https://env.example/api/public",
    });
    expect(resolveSettings(source({}), env)).toMatchObject({ apiKey: "sk-ld-env" });
  });

  it("defaults the base URL and retry settings", () => {
    expect(resolveSettings(source({}), {})).toMatchObject({ apiKey: "", baseUrl: DEFAULT_BASE_URL, maxRetries: DEFAULT_MAX_RETRIES });
  });

  it("reads langdock:maxRetries and rejects malformed values with how to fix them", () => {
    expect(resolveSettings(source({ "langdock:maxRetries": "0" }), {}).maxRetries).toBe(0);
    expect(() => resolveSettings(source({ "langdock:maxRetries": "many" }), {})).toThrow(
      new ConfigurationError(
        'langdock:maxRetries must be a whole number of 0 or more, got "many": set it with `pulumi config set langdock:maxRetries <n>` or LANGDOCK_MAX_RETRIES.',
      ),
    );
  });

  it("rejects a base URL that is not http(s)", () => {
    expect(() => resolveSettings(source({ "langdock:baseUrl": "api.langdock.com" }), {})).toThrow(
      'langdock:baseUrl must be an http(s) URL such as https://api.langdock.com or https://<deployment>/api/public, got "api.langdock.com".',
    );
  });
});
