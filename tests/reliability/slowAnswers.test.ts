import { urnOf } from "../helpers/engineHarness";

import { tally, useStack, type TrackedStack } from "./kit";

/**
 * Issue 10 cases 5 and 6: answers that travel slowly. A server trickling a byte every 400 ms cannot keep
 * a read or a create hanging past langdock:requestTimeoutMs and langdock:maxRetryTimeMs (the deadline
 * covers the whole request), and a look after an interrupted create never joins a shared read that
 * began before the create committed.
 */
jest.setTimeout(60_000);

const figures = tally("slowAnswers");

const INTEGRATION_PATH = /^\/integrations\/v1\/[0-9a-f-]{36}$/;

describe("issue 10 case 5: a trickling server", () => {
  const program = (s: TrackedStack) => () => ({ id: new s.h.langdock.Integration("slow", { name: "Slow" }).id });
  const s = useStack(figures, { config: { "langdock:requestTimeoutMs": "1000", "langdock:maxRetryTimeMs": "3000" } });
  beforeAll(async () => {
    await s.up(program(s));
  });

  it("a read fails within the retry budget with a timeout that names requestTimeoutMs, the attempts and maxRetryTimeMs, never 'unreachable'", async () => {
    s.emulator.faults.trickle({ intervalMs: 400, count: 10, match: { method: "GET", path: INTEGRATION_PATH } });
    const started = Date.now();
    const err = await s.failing(s.refresh());
    const took = Date.now() - started;
    const id = s.engine.state[urnOf("Integration", "slow")].id;
    expect(err.failures.map((f) => f.message)).toEqual([
      // Three attempts (langdock:maxRetries 2); the last one's deadline is what was left of the 3 s budget.
      expect.stringMatching(
        new RegExp(
          `^Langdock did not answer GET /integrations/v1/${id} in time: no complete answer within langdock:requestTimeoutMs \\(1000 ms\\) in 3 attempts \\(the last cut to \\d{1,3} ms by the retry budget langdock:maxRetryTimeMs: 3000 ms\\) — run \`pulumi up\` again later, or raise langdock:requestTimeoutMs \\(and langdock:maxRetryTimeMs\\) if Langdock is this slow; the provider reconciles anything the interrupted call created\\.$`,
        ),
      ),
    ]);
    expect(err.failures[0]!.message).not.toContain("could not be reached");
    // 3 s of budget, one more attempt's deadline at most, and the host's own overhead — not minutes.
    expect(took).toBeLessThan(6_000);
    expect(s.engine.state[urnOf("Integration", "slow")].id).toBe(id);
    s.clearFaults();
  });

  it("a create answered by a trickle is bounded too, and what it committed is adopted, not duplicated", async () => {
    s.clearFaults();
    s.emulator.faults.trickle({ intervalMs: 400, count: 1, match: { method: "POST", path: "/integrations/v1/create" } });
    const started = Date.now();
    await s.up(() => ({
      a: new s.h.langdock.Integration("slow", { name: "Slow" }).id,
      b: new s.h.langdock.Integration("slower", { name: "Slower" }).id,
    }));
    expect(Date.now() - started).toBeLessThan(6_000);
    const created = s.emulator.snapshot().integrations.filter((i) => i.name === "Slower");
    expect(created).toHaveLength(1);
    expect(s.engine.state[urnOf("Integration", "slower")].id).toBe(created[0].id);
    expect(s.engine.host.stderr).toContain(
      `warning: integration "Slower": ${created[0].id} appeared in Langdock after an interrupted create (Langdock did not answer POST /integrations/v1/create in time: no complete answer within langdock:requestTimeoutMs (1000 ms) in 1 attempt (retry budget langdock:maxRetryTimeMs: 3000 ms) — run \`pulumi up\` again later, or raise langdock:requestTimeoutMs (and langdock:maxRetryTimeMs) if Langdock is this slow; the provider reconciles anything the interrupted call created) and matches the program; adopting it instead of creating another.`,
    );
    const audit = s.audit();
    s.count(audit);
    expect(audit).toMatchObject({ duplicates: [], orphans: [] });
  });

  it("an agent create answered by a trickle (agents cannot be listed) is reported with the exact timeout, never as unreachable", async () => {
    s.clearFaults();
    s.emulator.faults.trickle({ intervalMs: 400, count: 1, match: { method: "POST", path: "/agent/v1/create" } });
    const err = await s.failing(
      s.up(() => ({
        a: new s.h.langdock.Integration("slow", { name: "Slow" }).id,
        b: new s.h.langdock.Integration("slower", { name: "Slower" }).id,
        c: new s.h.langdock.Agent("slowest", { name: "Slowest" }).id,
      })),
    );
    expect(err.failures.map((f) => f.message)).toEqual([
      `Langdock did not confirm the create of agent "Slowest" (Langdock did not answer POST /agent/v1/create in time: no complete answer within langdock:requestTimeoutMs (1000 ms) in 1 attempt (retry budget langdock:maxRetryTimeMs: 3000 ms) — run \`pulumi up\` again later, or raise langdock:requestTimeoutMs (and langdock:maxRetryTimeMs) if Langdock is this slow; the provider reconciles anything the interrupted call created); it may or may not exist now, and Langdock has no API to list agents, so the provider does not retry blindly: if Langdock's agent list shows it, set adoptId to its id, otherwise run pulumi up again.`,
    ]);
    const audit = s.audit();
    s.count(audit);
    expect(audit.duplicates).toEqual([]);
    await s.finish();
    expect(s.leaks).toEqual([]);
  });
});

describe("issue 10 case 6: a look after an interrupted create never reuses a read that predates it", () => {
  const s = useStack(figures);

  it("the trigger committed while an older GET of its integration was still in flight is found and adopted, not created again", async () => {
    const program = () => {
      const { Integration, Action, Trigger } = s.h.langdock;
      const tools = new Integration("tools", { name: "Tools" });
      const action = new Action("lookup", { integrationId: tools.id, name: "Lookup", code: "return 1;" });
      const trigger = new Trigger("poll", { integrationId: tools.id, name: "Poll", pollingCode: "return [];" });
      return { action: action.id, trigger: trigger.id };
    };
    const faults = s.emulator.faults;
    // The action's create commits and its answer is lost: the provider looks (GET #1), and that answer,
    // computed at once, travels for ~2 s. Meanwhile the trigger's create commits (after a short stall)
    // and its answer is lost too: its look must be a GET of its own, not GET #1.
    faults.dropAfterCommit({ match: { method: "POST", path: /\/actions\/create$/ } });
    faults.trickle({ intervalMs: 50, bytesPerChunk: 12, count: 1, match: { method: "GET", path: INTEGRATION_PATH } });
    faults.stall({ ms: 400, match: { method: "POST", path: /\/triggers\/create$/ } });
    faults.dropAfterCommit({ match: { method: "POST", path: /\/triggers\/create$/ } });
    await s.up(program);
    const snap = s.emulator.snapshot();
    expect(snap.triggers.map((t) => t.name)).toEqual(["Poll"]);
    expect(snap.actions.map((a) => a.name)).toEqual(["Lookup"]);
    expect(s.engine.state[urnOf("Trigger", "poll")].id).toBe(snap.triggers[0].id);
    expect(s.engine.state[urnOf("Action", "lookup")].id).toBe(snap.actions[0].id);
    // One committed create per object: the lost answers were reconciled by looking, never by sending again.
    expect(s.emulator.log.filter((e) => e.method === "POST" && /\/triggers\/create$/.test(e.path))).toHaveLength(1);
    const trickled = s.emulator.log.find((e) => e.fault === "trickle")!;
    const triggerCommit = s.emulator.log.find((e) => e.method === "POST" && /\/triggers\/create$/.test(e.path))!;
    // The scenario really happened: the trickled GET was answered (computed) before the trigger's create committed.
    expect(trickled.startedAt).toBeLessThan(triggerCommit.startedAt + triggerCommit.durationMs);
    const audit = s.audit();
    s.count(audit);
    expect(audit).toMatchObject({ duplicates: [], orphans: [], reported: [], dangling: [] });
    await s.finish();
    expect(s.leaks).toEqual([]);
  });
});
