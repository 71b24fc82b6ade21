import { thrown } from "../helpers/thrown";
import { ConfigurationError, LangdockError } from "../../provider/errors";
import { resolveSettings } from "../../provider/config";

describe("ConfigurationError", () => {
  it("is a LangdockError with code configuration, naming the setting at fault", () => {
    const err = thrown<ConfigurationError>(() => resolveSettings(undefined, { LANGDOCK_MAX_RETRIES: "many" }));
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(err).toBeInstanceOf(LangdockError);
    expect(err.code).toBe("configuration");
    expect(err.setting).toBe("langdock:maxRetries");
    expect(err.message).toBe(
      'langdock:maxRetries must be a whole number of 0 or more, got "many": set it with `pulumi config set langdock:maxRetries <n>` or LANGDOCK_MAX_RETRIES.',
    );
  });

  it("a base URL error names langdock:baseUrl", () => {
    expect(() => resolveSettings(undefined, { LANGDOCK_BASE_URL: "ftp://x" })).toThrow(
      expect.objectContaining({ code: "configuration", setting: "langdock:baseUrl" }),
    );
  });
});
