import { processState } from "../../provider/base/processState";
import { redact, registerSecret } from "../../provider/base/redact";
import { take, holderOfId } from "../../provider/common/claims";
import { LangdockClient } from "../../provider/client";
import { DEFAULT_SETTINGS } from "../../provider/config";

afterEach(() => processState.reset());

describe("processState", () => {
  it("holds the secrets redact masks, the claims, and the shared cooldown; reset forgets them all", () => {
    registerSecret("process-state-secret");
    expect(redact("x process-state-secret y")).toBe("x [secret] y");
    take({ noun: "action", name: "A" }, "a-1", "created");
    expect(() => take({ noun: "action", name: "B" }, "a-1", "adopt")).toThrow(
      'action "B" cannot take it over with adoptId: action a-1 is already managed by another resource of this program, action "A"; one Langdock object can be managed by one resource only: remove adoptId from one of them.',
    );
    const a = new LangdockClient({ ...DEFAULT_SETTINGS, apiKey: "k" });
    expect(processState.cooldown).toBeDefined();
    const shared = processState.cooldown;
    new LangdockClient({ ...DEFAULT_SETTINGS, apiKey: "k" });
    expect(processState.cooldown).toBe(shared); // one pause for every client of the process
    void a;

    processState.reset();
    expect(redact("x process-state-secret y")).toBe("x process-state-secret y");
    expect(holderOfId("action", "a-1")).toBeUndefined();
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
