import type { RequestLogEntry } from "../../provider/emulator";
import { ALL_FILES } from "./files";
import type { EngineError } from "../../provider/testing";
import { SECRET, TrackedStack, addFigures, declaredObjects, declaredUrnNames, emptyFigures, ops, recordFigures, stackProgram } from "./kit";

/**
 * Scenario 2: batches of 429 with Retry-After (delta-seconds, then an HTTP date). Every request
 * answered 429 is repeated only after the time Langdock asked for, creates included (a 429 means
 * the create was not processed), and the whole stack goes through in ONE up.
 */
jest.setTimeout(60_000);

const CREATES = [
  { method: "POST", path: "/integrations/v1/create", count: 2 },
  { method: "POST", path: /\/actions\/create$/, count: 6 },
  { method: "POST", path: /\/triggers\/create$/, count: 2 },
  { method: "POST", path: "/agent/v1/create", count: 2 },
];
const UPDATES = [
  { method: "PATCH", path: /^\/integrations\/v1\/[0-9a-f-]{36}$/, count: 2 },
  { method: "PUT", path: /\/actions\/[0-9a-f-]{36}$/, count: 5 },
  { method: "PUT", path: /\/triggers\/[0-9a-f-]{36}$/, count: 1 },
  { method: "PATCH", path: "/agent/v1/update", count: 2 },
  { method: "POST", path: "/agent/v1/publish", count: 1 },
];

/** Each request answered 429, with the same request sent again next (matched by method, path and body). */
function retriesOf(log: RequestLogEntry[]) {
  const pairs: Array<{ rejected: RequestLogEntry; retry: RequestLogEntry; waitedMs: number }> = [];
  log.forEach((entry, i) => {
    if (entry.status !== 429) return;
    const same = (e: RequestLogEntry) =>
      e.method === entry.method && e.path === entry.path && JSON.stringify(e.body) === JSON.stringify(entry.body);
    const retry = log.slice(i + 1).find(same);
    if (!retry) throw new Error(`${entry.method} ${entry.path} was answered 429 and never sent again`);
    pairs.push({ rejected: entry, retry, waitedMs: retry.startedAt - (entry.startedAt + entry.durationMs) });
  });
  return pairs;
}

let figures = emptyFigures();
afterAll(() => recordFigures("retryAfter", figures, ALL_FILES));

describe("scenario 2: 429 with Retry-After", () => {
  let s: TrackedStack;

  beforeAll(async () => {
    s = await TrackedStack.start();
  });
  afterAll(async () => {
    await s?.stop();
    if (s) figures = addFigures(figures, s.figures);
  });

  it('Retry-After: "1" on a batch of every kind of create: one up creates everything, each retry after ≥ 1 s', async () => {
    for (const { count, ...match } of CREATES) s.emulator.faults.failNext({ status: 429, retryAfter: "1", count, match });
    const started = Date.now();
    const result = await s.up(stackProgram(s.h));
    const took = Date.now() - started;
    expect(ops(result.steps)).toEqual(
      Object.values(declaredUrnNames())
        .flat()
        .map((n) => `create ${n}`)
        .sort(),
    );
    // The OAuth client comes back as a secret stack output (so Pulumi prints it masked).
    expect(result.secretOutputs).toContain("mailOauth");
    expect(JSON.stringify(result.outputs.mailOauth)).toContain(SECRET);
    const pairs = retriesOf(s.emulator.log);
    expect(pairs).toHaveLength(12);
    expect(s.emulator.faults.injected.failNext).toBe(12);
    for (const { rejected, retry, waitedMs } of pairs) {
      expect({ request: `${rejected.method} ${rejected.path}`, waitedAtLeast1s: waitedMs >= 995, retryStatus: retry.status }).toEqual({
        request: `${rejected.method} ${rejected.path}`,
        waitedAtLeast1s: true,
        retryStatus: expect.any(Number),
      });
      // Honoured, not exaggerated: no exponential backoff on top of what Langdock asked for.
      expect(waitedMs).toBeLessThan(3_000);
      // A retry may meet the rest of the batch (then it is a pair of its own); nothing else.
      expect([200, 201, 429]).toContain(retry.status);
    }
    // Integrations, then actions/triggers, then agents: three rounds of waiting at least.
    expect(took).toBeGreaterThanOrEqual(3_000);
    s.expectConverged();
  });

  it("Retry-After as an HTTP date on a batch of updates: one up updates everything, no retry before that date", async () => {
    s.clearFaults();
    s.emulator.resetLog();
    // HTTP dates have whole seconds; at least 2 s ahead, so the wait is clearly the date's and not a backoff.
    const until = Math.ceil((Date.now() + 2_000) / 1000) * 1000;
    const retryAfter = new Date(until).toUTCString();
    for (const { count, ...match } of UPDATES) s.emulator.faults.failNext({ status: 429, retryAfter, count, match });
    const result = await s.up(stackProgram(s.h, { revision: 1 }));
    expect(ops(result.steps)).toEqual(
      Object.values(declaredUrnNames())
        .flat()
        .map((n) => `update ${n}`)
        .sort(),
    );
    const pairs = retriesOf(s.emulator.log);
    expect(pairs).toHaveLength(11);
    for (const { rejected, retry } of pairs) {
      // Same clock on both sides; a timer may fire a millisecond early.
      expect({ request: `${rejected.method} ${rejected.path}`, retriedAfterDate: retry.startedAt >= until - 5 }).toEqual({
        request: `${rejected.method} ${rejected.path}`,
        retriedAfterDate: true,
      });
      expect(retry.startedAt).toBeLessThan(until + 2_000);
      expect([200, 429]).toContain(retry.status);
    }
    s.expectConverged();
    const snap = s.emulator.snapshot();
    expect(snap.agents.every((a) => !a.hasDraft && / \(rev 1\)$/.test(a.instruction))).toBe(true);
    expect(snap.integrations.every((i) => / \(rev 1\)$/.test(i.description))).toBe(true);
  });

  it("with the faults gone, preview shows every resource same; nothing secret was printed", async () => {
    s.clearFaults();
    const preview = await s.preview(stackProgram(s.h, { revision: 1 }));
    expect(preview.steps.filter((st) => st.op !== "same")).toEqual([]);
    await s.finish();
    expect(s.leaks).toEqual([]);
  });
});

/**
 * A 429 whose Retry-After exceeds langdock:maxRetryTimeMs fails THAT request at once and must not
 * stretch the process-wide cooldown: otherwise every other request would wait it out (one
 * "Retry-After: 3600" would freeze the whole `pulumi up` for an hour). Here, 30 s against a 5 s budget.
 */
describe("scenario 2b: a Retry-After beyond the retry budget", () => {
  let s: TrackedStack;

  beforeAll(async () => {
    // A short call deadline, so that a stalled provider shows up as a failure within seconds.
    s = await TrackedStack.start({ config: { "langdock:maxRetryTimeMs": "5000" }, engine: { callTimeoutMs: 6_000 } });
  });
  afterAll(async () => {
    await s?.stop();
    if (s) figures = addFigures(figures, s.figures);
  });

  it("fails the request that got it at once and does not stall every other request for that long", async () => {
    s.emulator.faults.failNext({ status: 429, retryAfter: "30", match: { method: "POST", path: "/integrations/v1/create" } });
    const started = Date.now();
    const err = (await s.up(stackProgram(s.h)).then(
      () => {
        throw new Error("expected the up to fail");
      },
      (e) => e,
    )) as EngineError;
    const took = Date.now() - started;
    const attempted = err.failures.filter((f) => f.op !== "skip");
    // Only the integration told to wait 30 s failed, with the rate-limit message, not a timeout.
    expect(attempted.map((f) => `${f.op} ${f.urn.split("::").pop()}: ${f.message}`)).toEqual([
      // Issue 10 case 12: one request was made, so the message says what really stopped it (not "after every retry").
      expect.stringMatching(
        /^create (crm|mail): Langdock rejected POST \/integrations\/v1\/create with HTTP 429: Rate limit exceeded — Langdock asked to wait 30 s, longer than langdock:maxRetryTimeMs \(5000 ms\) allows; run again later or raise langdock:maxRetryTimeMs\.$/,
      ),
    ]);
    expect(took).toBeLessThan(5_000);
    // Nothing left behind: what Langdock holds is in the state.
    const audit = s.audit();
    s.count(audit);
    expect(audit).toMatchObject({ duplicates: [], orphans: [], reported: [], dangling: [] });
    // The next up (Langdock no longer limiting) completes the stack.
    await s.up(stackProgram(s.h));
    expect(s.audit().held).toEqual(declaredObjects());
    await s.finish();
    expect(s.leaks).toEqual([]);
  });
});
