import { processState } from "../../provider/base/processState";
import { redact, registerSecret } from "../../provider/base/redact";
import { claim } from "../../provider/common/createOutcome";
import { LangdockClient } from "../../provider/client";
import { DEFAULT_SETTINGS } from "../../provider/config";

afterEach(() => processState.reset());

describe("processState", () => {
  it("holds the secrets redact masks, the claims, and the shared cooldown; reset forgets them all", () => {
    registerSecret("process-state-secret");
    expect(redact("x process-state-secret y")).toBe("x [secret] y");
    expect(claim("action", "a-1")).toBe(true);
    expect(claim("action", "a-1")).toBe(false);
    const a = new LangdockClient({ ...DEFAULT_SETTINGS, apiKey: "k" });
    expect(processState.cooldown).toBeDefined();
    const shared = processState.cooldown;
    new LangdockClient({ ...DEFAULT_SETTINGS, apiKey: "k" });
    expect(processState.cooldown).toBe(shared); // one pause for every client of the process
    void a;

    processState.reset();
    expect(redact("x process-state-secret y")).toBe("x process-state-secret y");
    expect(claim("action", "a-1")).toBe(true);
    expect(processState.cooldown).toBeUndefined();
    expect(processState.client).toBeUndefined();
    expect(processState.settings).toBeUndefined();
    expect(processState.configurationError).toBeUndefined();
  });

  it("remembers a failed configure until the next configure succeeds", async () => {
    const runtime = await import("../../provider/runtime");
    await expect(runtime.configure({ config: { get: (k) => (k === "langdock:baseUrl" ? "ftp://nope" : undefined) } })).rejects.toThrow(
      "langdock:baseUrl must be an http(s) URL",
    );
    expect(processState.configurationError).toMatchObject({ code: "configuration" });
    await runtime.configure({ config: { get: () => undefined } });
    expect(processState.configurationError).toBeUndefined();
    expect(processState.settings?.baseUrl).toBe(DEFAULT_SETTINGS.baseUrl);
  });
});
