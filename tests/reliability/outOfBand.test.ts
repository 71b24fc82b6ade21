import type { Step } from "../../provider/testing";
import { urnOf } from "../helpers/engineHarness";
import { ALL_FILES } from "./files";
import { TrackedStack, ops, recordFigures, stackProgram } from "./kit";

/**
 * Scenario 4: objects deleted in Langdock's UI behind Pulumi's back, one of each type. `refresh`
 * drops them from the state (an integration takes its actions and triggers with it; agents that
 * used a deleted action show the change), `up` creates them again and re-links the agents, and
 * Langdock ends holding exactly the declared objects.
 */
jest.setTimeout(60_000);

/**
 * Langdock numbers an integration's actions (`order`, an output); deleting one renumbers those created
 * after it, which refresh rightly reports. Those order-only updates are dropped here (and checked to
 * be order-only); the preview after up proves they need no change.
 */
function withoutReorders(steps: Step[]): Step[] {
  return steps.filter((st) => !(st.op === "update" && st.urn.includes(":Action::") && JSON.stringify(st.diffs) === '["order"]'));
}

describe("scenario 4: out-of-band deletes", () => {
  let s: TrackedStack;
  const id = (kind: Parameters<typeof urnOf>[0], name: string) => s.engine.state[urnOf(kind, name)].id;

  beforeAll(async () => {
    s = await TrackedStack.start();
    await s.up(stackProgram(s.h));
    s.expectConverged();
  });
  afterAll(async () => {
    await s?.stop();
    if (s) recordFigures("outOfBand", s.figures, ALL_FILES);
  });

  it("an action, a trigger and an agent deleted in the UI: refresh drops them, up recreates them", async () => {
    const gone = { action: id("Action", "crm-act-0"), trigger: id("Trigger", "mail-trg-0"), agent: id("Agent", "assistant") };
    s.emulator.deleteAction(gone.action); // "sales" uses it: Langdock unlinks it from the agent
    s.emulator.deleteTrigger(gone.trigger);
    s.emulator.deleteAgent(gone.agent);

    const refresh = await s.refresh();
    expect(ops(withoutReorders(refresh.steps)).filter((o) => !o.startsWith("same"))).toEqual([
      "delete assistant",
      "delete crm-act-0",
      "delete mail-trg-0",
      "update sales",
    ]);
    expect(refresh.steps.find((st) => st.urn === urnOf("Agent", "sales"))?.diffs).toContain("actions");
    for (const [kind, name] of [
      ["Action", "crm-act-0"],
      ["Trigger", "mail-trg-0"],
      ["Agent", "assistant"],
    ] as const)
      expect(s.engine.state[urnOf(kind, name)]).toBeUndefined();

    const up = await s.up(stackProgram(s.h));
    expect(ops(up.steps).filter((o) => !o.startsWith("same"))).toEqual([
      "create assistant",
      "create crm-act-0",
      "create mail-trg-0",
      "update sales",
    ]);
    expect(id("Action", "crm-act-0")).not.toBe(gone.action);
    // The recreated action is linked again to the agent that uses it.
    const sales = s.emulator.snapshot().agents.find((a) => a.id === id("Agent", "sales"));
    expect(sales.actions.map((a: { actionId: string }) => a.actionId)).toContain(id("Action", "crm-act-0"));
    s.expectConverged();
  });

  it("an integration deleted in the UI: refresh drops it with its actions and triggers, up recreates all of it", async () => {
    const crm = id("Integration", "crm");
    s.emulator.deleteIntegration(crm);

    const refresh = await s.refresh();
    const changed = ops(withoutReorders(refresh.steps)).filter((o) => !o.startsWith("same"));
    expect(changed).toEqual(
      [
        "delete crm",
        ...[0, 1, 2, 3, 4, 5, 6, 7].map((i) => `delete crm-act-${i}`),
        "delete crm-trg-0",
        "delete crm-trg-1",
        // Both use actions of the deleted integration.
        "update assistant",
        "update sales",
      ].sort(),
    );
    expect(Object.keys(s.engine.state).filter((u) => u.includes("::crm"))).toEqual([]);

    const up = await s.up(stackProgram(s.h));
    expect(ops(up.steps).filter((o) => !o.startsWith("same"))).toEqual(
      [
        "create crm",
        ...[0, 1, 2, 3, 4, 5, 6, 7].map((i) => `create crm-act-${i}`),
        "create crm-trg-0",
        "create crm-trg-1",
        "update assistant",
        "update sales",
      ].sort(),
    );
    expect(id("Integration", "crm")).not.toBe(crm);
    s.expectConverged();
    // Every agent uses exactly the actions the program gives it, by their new ids.
    const snap = s.emulator.snapshot();
    const agentActions = (name: string) =>
      snap.agents
        .find((a) => a.id === id("Agent", name))
        .actions.map((a: { actionId: string }) => a.actionId)
        .sort();
    expect(agentActions("sales")).toEqual([0, 1, 2, 3].map((i) => id("Action", `crm-act-${i}`)).sort());
    expect(agentActions("assistant")).toEqual([id("Action", "crm-act-5"), id("Action", "mail-act-5")].sort());
  });

  it("an outage is not a delete: refresh while every read fails (beyond the retries) fails clearly and drops nothing", async () => {
    const before = s.engine.state;
    s.emulator.faults.failNext({ status: 503, count: 10_000, match: { method: "GET" } });
    const err = await s.refresh().then(
      () => {
        throw new Error("expected the refresh to fail");
      },
      (e) => e,
    );
    s.clearFaults();
    expect(err.name).toBe("EngineError");
    // Every resource's read failed with Langdock's status and what to do; none was dropped or changed.
    expect(err.failures).toHaveLength(Object.keys(before).length);
    for (const f of err.failures) {
      expect(f.op).toBe("read");
      expect(f.message).toMatch(
        /^Langdock rejected GET \/(integrations\/v1\/[0-9a-f-]{36}|agent\/v1\/get) with HTTP 503: Service Unavailable — Langdock was unavailable for 3 attempts; run `pulumi up` again later\.$/,
      );
    }
    expect(s.engine.state).toEqual(before);
  });

  it("afterwards preview shows every resource same; nothing secret was printed", async () => {
    const preview = await s.preview(stackProgram(s.h));
    expect(preview.steps.filter((st) => st.op !== "same")).toEqual([]);
    await s.finish();
    expect(s.leaks).toEqual([]);
  });
});
