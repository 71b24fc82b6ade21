import type * as TestingModule from "../../provider/testing";
import type { LocalEngine } from "../../provider/testing";
import { requireInstalled } from "../../tooling/installPackage";
import { urnOf } from "../helpers/engineHarness";

import { stackProgram, tally, useStack } from "./kit";

/**
 * Issue 10 cases 2 and 4: a wrong base URL (…/api instead of …/api/public answers an HTML 404 on every
 * path) or a malformed one. Refresh keeps the state, destroy fails, nothing falls back to the
 * LANGDOCK_* environment (another workspace), and the next correct up creates no duplicate.
 */
jest.setTimeout(90_000);

const figures = tally("baseUrl");

describe("issue 10 cases 2 and 4: a wrong or malformed langdock:baseUrl", () => {
  const s = useStack(figures, { emulator: { basePath: "/api/public" } });
  let other: LocalEngine | undefined;
  const testing = () => requireInstalled<typeof TestingModule>("pulumi-langdock/testing");
  /** A second engine on the same program and state, configured differently (what editing the stack config does). */
  const engineWith = async (config: Record<string, string>, env: NodeJS.ProcessEnv = {}) => {
    await other?.stop();
    other = await testing().LocalEngine.start({
      cwd: s.h.dir,
      config,
      env,
      state: s.engine.state,
      project: "consumer",
      stack: "test",
      callTimeoutMs: 20_000,
    });
    return other;
  };

  beforeAll(async () => {
    await s.up(stackProgram(s.h));
  });
  afterAll(async () => {
    await other?.stop();
  });

  const wrongUrl = () => s.emulator.url.replace(/\/public$/, "");
  const baseUrlMessage = (path: string) =>
    `Langdock's API did not answer ${path}: HTTP 404 with an HTML page, so langdock:baseUrl (${wrongUrl()}) does not point at Langdock's public API; set it to https://api.langdock.com or https://<deployment>/api/public.`;

  it("…/api instead of …/api/public: refresh fails naming langdock:baseUrl and keeps every resource", async () => {
    const engine = await engineWith({ "langdock:apiKey": s.emulator.apiKey, "langdock:baseUrl": wrongUrl() });
    const before = structuredClone(engine.state);
    const err = await s.failing(engine.refresh());
    expect(err.failures).toHaveLength(22);
    const integration = s.engine.state[urnOf("Integration", "crm")].id;
    expect(err.failures.find((f) => f.urn === urnOf("Integration", "crm"))?.message).toBe(
      baseUrlMessage(`GET /integrations/v1/${integration}`),
    );
    expect(err.failures.find((f) => f.urn === urnOf("Agent", "sales"))?.message).toBe(baseUrlMessage("GET /agent/v1/get"));
    expect(engine.state).toEqual(before);
  });

  it("destroy fails for every resource and leaves the state as it was", async () => {
    const engine = other!;
    const before = structuredClone(engine.state);
    const err = await s.failing(engine.destroy());
    expect(err.failures.filter((f) => f.op === "delete").length).toBeGreaterThan(0);
    for (const f of err.failures) expect(f.message).toMatch(/does not point at Langdock's public API|^not attempted/);
    expect(engine.state).toEqual(before);
    expect(s.emulator.snapshot().actions).toHaveLength(14);
  });

  it("a redirect is a base-URL error too, not 'HTTP 301: Moved'", async () => {
    s.emulator.faults.failNext({ status: 301, body: "", contentType: "text/html", match: { method: "GET" }, count: 100 });
    const engine = await engineWith({ "langdock:apiKey": s.emulator.apiKey, "langdock:baseUrl": s.emulator.url });
    const err = await s.failing(engine.refresh());
    const id = s.engine.state[urnOf("Integration", "crm")].id;
    expect(err.failures.find((f) => f.urn === urnOf("Integration", "crm"))?.message).toBe(
      `Langdock's API did not answer GET /integrations/v1/${id}: HTTP 301 (a redirect), so langdock:baseUrl (${s.emulator.url}) does not point at Langdock's public API; set it to https://api.langdock.com or https://<deployment>/api/public.`,
    );
    s.clearFaults();
  });

  it("a malformed base URL is remembered: no operation falls back to LANGDOCK_* from the environment", async () => {
    s.emulator.resetLog();
    const hostPort = s.emulator.url.replace(/^http:\/\//, "");
    // The environment names a reachable workspace (this emulator): nothing may be sent there.
    const engine = await engineWith(
      { "langdock:apiKey": s.emulator.apiKey, "langdock:baseUrl": hostPort },
      { LANGDOCK_API_KEY: s.emulator.apiKey, LANGDOCK_BASE_URL: s.emulator.url },
    );
    const message = `langdock:baseUrl must be an http(s) URL such as https://api.langdock.com or https://<deployment>/api/public, got ${JSON.stringify(hostPort)}.`;
    const refresh = await s.failing(engine.refresh());
    expect(refresh.failures).toHaveLength(22);
    for (const f of refresh.failures) expect(f.message).toBe(message);
    const destroy = await s.failing(engine.destroy());
    for (const f of destroy.failures) expect(f.message).toMatch(/^langdock:baseUrl must be an http\(s\) URL|^not attempted/);
    expect(engine.state).toEqual(s.engine.state);
    expect(s.emulator.log).toEqual([]);
  });

  it("credentials inside langdock:baseUrl are rejected and never printed", async () => {
    const withCredentials = s.emulator.url.replace("http://", "http://admin:hunter2-pass@");
    const engine = await engineWith({ "langdock:apiKey": s.emulator.apiKey, "langdock:baseUrl": withCredentials });
    const err = await s.failing(engine.refresh());
    const host = new URL(s.emulator.url).host;
    for (const f of err.failures)
      expect(f.message).toBe(
        `langdock:baseUrl must not contain a user name or password (found one before "@${host}"); remove it and put the API key in langdock:apiKey.`,
      );
    expect(JSON.stringify(err.failures) + engine.host.stderr.join("")).not.toContain("hunter2");
    expect(s.emulator.log).toEqual([]);
  });

  it("with the right base URL again, up changes nothing and duplicates nothing", async () => {
    await other?.stop();
    other = undefined;
    const result = await s.up(stackProgram(s.h));
    expect(result.steps.filter((st) => st.op !== "same")).toEqual([]);
    s.expectConverged();
    await s.finish();
    expect(s.leaks).toEqual([]);
  });
});
