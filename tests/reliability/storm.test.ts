import type { EngineError } from "../../provider/testing";
import { ALL_FILES, STORM_SEED } from "./files";
import { TrackedStack, declaredUrnNames, ops, recordFigures, stackProgram } from "./kit";

/**
 * Scenario 1: a seeded storm of 429/503 on 30 % of all requests while a 22-resource stack is created,
 * refreshed and updated. Idempotent calls (GET/PUT/PATCH/DELETE, publish) are retried through it;
 * creates are retried on 429 only, and a create answered 503 is reconciled (actions, triggers,
 * integrations look before retrying) or reported (agents). The stack converges within 4 `up` runs,
 * nothing is duplicated or orphaned on the way, and with the storm off the next preview is all `same`.
 */
jest.setTimeout(120_000);

/** The only failures a storm may cause: an agent create answered 503 (reported, never retried blindly) and its dependents. */
const AGENT_UNCONFIRMED =
  /^Langdock did not confirm the create of agent "[^"]+" \(Langdock rejected POST \/agent\/v1\/create with HTTP 503: Service Unavailable — Langdock had a server error; run `pulumi up` again later\); it may or may not exist now, and Langdock has no API to list agents, so the provider does not retry blindly: if Langdock's agent list shows it, set adoptId to its id, otherwise run pulumi up again\.$/;
/** An action/trigger create answered 503 three times in a row (each time looked up first): rare but legitimate. */
const CHILD_SERVER_ERROR =
  /^Langdock rejected POST \/integrations\/v1\/[0-9a-f-]{36}\/(actions|triggers)\/create with HTTP 503: Service Unavailable — Langdock had a server error; run `pulumi up` again later\.$/;

describe("scenario 1: a seeded 30 % storm of 429/503", () => {
  let s: TrackedStack;
  let program: () => unknown;
  const storm = () => s.emulator.faults.storm({ rate: 0.3, statuses: [429, 503], seed: STORM_SEED, retryAfterSeconds: 1 });

  beforeAll(async () => {
    // One provider call at a time: the seeded fault sequence then hits the same requests on every run.
    // Retries are what carries the stack through; 10 attempts make exhaustion (0.3^11) practically impossible.
    s = await TrackedStack.start({ config: { "langdock:maxRetries": "10" }, engine: { parallel: 1 } });
    program = stackProgram(s.h);
  });
  afterAll(async () => {
    await s?.stop();
    if (s) recordFigures("storm", s.figures, ALL_FILES);
  });

  it("up converges within 4 runs, every failure on the way is a clear, expected one, and nothing is duplicated or orphaned", async () => {
    storm();
    const unexpected: string[] = [];
    const check = (err: EngineError) => {
      for (const f of err.failures) {
        const kind = f.urn.split("::")[2].split(":").pop();
        const ok =
          (f.op === "create" && kind === "Agent" && AGENT_UNCONFIRMED.test(f.message)) ||
          (f.op === "create" && (kind === "Action" || kind === "Trigger") && CHILD_SERVER_ERROR.test(f.message)) ||
          (f.op === "skip" && /^not attempted: it depends on urn:\S+, which failed$/.test(f.message));
        if (!ok) unexpected.push(`${f.urn} (${f.op}): ${f.message}`);
      }
      // Between runs too: no duplicate, no unreported orphan.
      const audit = s.audit();
      s.count(audit);
      expect(audit.duplicates).toEqual([]);
      expect(audit.orphans).toEqual([]);
    };
    const { runs, errors } = await s.upUntilConverged(program, 4, check);
    expect(unexpected).toEqual([]);
    expect(runs).toBe(errors.length + 1);
    const injected = s.injectedSoFar();
    // The storm really hit: both statuses, a fair share of the requests.
    const faulted = s.emulator.log.filter((e) => e.fault === "storm");
    expect(new Set(faulted.map((e) => e.status))).toEqual(new Set([429, 503]));
    expect(injected).toBeGreaterThanOrEqual(0.15 * s.emulator.log.length);
    s.expectConverged();
  });

  it("refresh under the storm reads every resource back unchanged and drops nothing", async () => {
    const before = s.engine.state;
    const result = await s.refresh();
    expect(result.steps.filter((st) => st.op !== "same")).toEqual([]);
    expect(Object.keys(s.engine.state).sort()).toEqual(Object.keys(before).sort());
    for (const [urn, res] of Object.entries(s.engine.state)) expect(res.id).toBe(before[urn].id);
  });

  it("an update of every resource under the storm succeeds in one up (PUT, PATCH, publish are retried)", async () => {
    const revised = stackProgram(s.h, { revision: 1 });
    const result = await s.up(revised);
    const names = declaredUrnNames();
    expect(ops(result.steps)).toEqual(
      Object.values(names)
        .flat()
        .map((n) => `update ${n}`)
        .sort(),
    );
    program = revised;
    s.expectConverged();
    const snap = s.emulator.snapshot();
    expect(snap.agents.every((a) => !a.hasDraft && / \(rev 1\)$/.test(a.instruction))).toBe(true);
    expect(snap.actions.every((a) => / \(rev 1\)$/.test(a.description))).toBe(true);
  });

  it("with the storm off, preview shows every resource same", async () => {
    s.clearFaults();
    const preview = await s.preview(program);
    expect(preview.steps.length).toBe(22);
    expect(preview.steps.filter((st) => st.op !== "same")).toEqual([]);
  });

  it("printed nothing secret anywhere (outputs, printable state, errors, host stderr, GET responses)", async () => {
    // The scan is meaningful: the secret reached Langdock and sits in the (encrypted-by-Pulumi) raw state.
    expect(s.emulator.snapshot().integrations.find((i) => i.name === "Mail Reliability")?.oauthClient.clientSecret).toBeDefined();
    expect(JSON.stringify(s.engine.state)).toContain("oauth-client-secret");
    expect(JSON.stringify(s.engine.printableState())).not.toContain("oauth-client-secret");
    await s.finish();
    expect(s.leaks).toEqual([]);
  });
});
