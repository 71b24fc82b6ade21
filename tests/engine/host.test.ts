import type * as TestingModule from "../../provider/testing";
import type { LangdockEmulator } from "../../provider/emulator";
import { installPackage, requireInstalled } from "../../tooling/installPackage";

/**
 * The provider host harness itself: configuration reaches the provider, errors carry the provider's
 * message, every call has a deadline, and stop() really ends the process.
 */
const SHELL = (kind: string) => `exports.handler = () => require("pulumi-langdock/shells/${kind}");`;
const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("startProviderHost", () => {
  let dir: string;
  let testing: typeof TestingModule;
  let emulator: LangdockEmulator;
  const hosts: TestingModule.ProviderHost[] = [];
  const start = async (config: Record<string, string>, callTimeoutMs?: number) => {
    const host = await testing.startProviderHost({ cwd: dir, config, callTimeoutMs });
    hosts.push(host);
    return host;
  };

  beforeAll(async () => {
    dir = installPackage();
    testing = requireInstalled<typeof TestingModule>("pulumi-langdock/testing");
    emulator = await testing.LangdockEmulator.start();
  });
  afterAll(async () => {
    await Promise.all(hosts.map((h) => h.stop()));
    await emulator?.close();
  });

  it("passes stack config to the provider and reports its configuration errors as the failure message", async () => {
    const host = await start({ "langdock:apiKey": emulator.apiKey, "langdock:baseUrl": "ftp://example.com" });
    const err = await host.check("urn:test", {}, { __provider: SHELL("integration"), name: "x" }).catch((e) => e);
    expect(err).toBeInstanceOf(testing.ProviderError);
    expect(err.message).toMatch(/^langdock:baseUrl must be an http\(s\) URL/);
    expect(err.operation).toBe("check");
    // The host logs failed calls on stderr, which the harness captures.
    expect(host.stderr.join("\n")).toContain("langdock:baseUrl");
  });

  it("creates, reads and deletes through the host with plain objects", async () => {
    const host = await start({ "langdock:apiKey": emulator.apiKey, "langdock:baseUrl": emulator.url });
    const urn = "urn:pulumi:test::consumer::pulumi-nodejs:dynamic/langdock:Agent::a";
    const { inputs } = await host.check(urn, {}, { __provider: SHELL("agent"), name: "Via host" });
    const created = await host.create(urn, inputs);
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.properties).toMatchObject({ name: "Via host", __provider: SHELL("agent") });
    const read = await host.read(urn, created.id, created.properties, inputs);
    expect(read.id).toBe(created.id);
    const diff = await host.diff(urn, created.id, read.properties, inputs);
    expect(diff).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false, diffs: [] });
    await host.delete(urn, created.id, read.properties);
    expect(emulator.snapshot().agents.find((a) => a.id === created.id)?.disabled).toBe(true);
  });

  it("gives up on a call after its deadline", async () => {
    const host = await start({ "langdock:apiKey": emulator.apiKey, "langdock:baseUrl": emulator.url }, 1_000);
    emulator.faults.stall({ ms: 5_000, match: { method: "POST" } });
    const urn = "urn:pulumi:test::consumer::pulumi-nodejs:dynamic/langdock:Integration::slow";
    const started = Date.now();
    const err = await host.create(urn, { __provider: SHELL("integration"), name: "Slow" }).catch((e) => e);
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(err.message).toMatch(/^create timed out after 1000 ms/);
    expect(err.code).toBe(4); // DEADLINE_EXCEEDED
    emulator.faults.clear();
  });

  it("stop() ends the host process", async () => {
    const host = await start({});
    expect(isAlive(host.pid)).toBe(true);
    await host.stop();
    expect(isAlive(host.pid)).toBe(false);
  });

  it("fails clearly when the package is not installed in cwd", async () => {
    const host = await testing.startProviderHost({ cwd: "/", config: {} });
    hosts.push(host);
    const err = await host.check("urn:test", {}, { __provider: SHELL("agent"), name: "x" }).catch((e) => e);
    expect(err.message).toContain("pulumi-langdock/shells/agent");
  });
});
