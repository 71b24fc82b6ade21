import { LangdockEmulator } from "../../provider/emulator";
import { LangdockClient } from "../../provider/client";
import { Cooldown } from "../../provider/client/retry";
import { DEFAULT_SETTINGS } from "../../provider/config";
import { inOperation } from "../../provider/base/operation";
import { LangdockError, OperationTimeoutError } from "../../provider/errors";

describe("OperationTimeoutError (an operation's deadline, e.g. customTimeouts, bounds every attempt and pause)", () => {
  let emulator: LangdockEmulator;
  beforeAll(async () => {
    emulator = await LangdockEmulator.start();
  });
  afterAll(() => emulator?.close());
  const client = () =>
    new LangdockClient({ ...DEFAULT_SETTINGS, apiKey: emulator.apiKey, baseUrl: emulator.url, cooldown: new Cooldown() });
  const scope = (ms: number) => ({ deadline: Date.now() + ms, deadlineName: `customTimeouts.create (${ms / 1000}s)` });

  it("fails at once, naming the request and what it last met, when a rate-limit pause would outlast the deadline", async () => {
    emulator.faults.failNext({ status: 429, retryAfter: "30", match: { method: "POST" } });
    const started = Date.now();
    const err = await inOperation(scope(1_000), () => client().createIntegration({ name: "Slow" })).catch((e: unknown) => e);
    // It never waits out the 30 s pause Langdock asked for (the bound leaves room for a loaded machine).
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(err).toBeInstanceOf(OperationTimeoutError);
    expect(err).toBeInstanceOf(LangdockError);
    expect((err as OperationTimeoutError).code).toBe("operation_timeout");
    expect((err as Error).message).toMatch(
      /^POST \/integrations\/v1\/create could not finish within customTimeouts\.create \(1s\); the last attempt: Langdock rejected POST \/integrations\/v1\/create with HTTP 429/,
    );
    expect(emulator.snapshot().integrations).toEqual([]);
  });

  it("cuts an attempt that is still waiting for its answer at the deadline", async () => {
    emulator.faults.stall({ ms: 5_000, match: { method: "GET" } });
    const started = Date.now();
    const err = await inOperation(scope(1_000), () => client().listIntegrations()).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect((err as Error).message).toMatch(
      /could not finish within customTimeouts\.create \(1s\); the last attempt: .*no complete answer within/,
    );
    emulator.faults.clear();
  });

  it("changes nothing without a scope: the dynamic provider has no deadline of its own", async () => {
    await expect(client().listIntegrations()).resolves.toEqual([]);
  });
});
