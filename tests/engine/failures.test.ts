import { engineError, startHarness, urnOf, type Harness } from "../helpers/engineHarness";

/**
 * Failed steps through the real host: the provider's message reaches the user, partial state
 * (ErrorResourceInitFailed) is kept so the next up repairs instead of duplicating, dependents of a
 * failed resource are not attempted, and independent resources still go ahead.
 */
describe("failed steps", () => {
  let h: Harness;
  const program = () => {
    const { Integration, Action, Agent } = h.langdock;
    const integration = new Integration("int", {
      name: "Billing",
      authType: "API_KEY",
      authFields: [{ slug: "key", label: "Key", type: "PASSWORD" }],
    });
    new Action("act", { integrationId: integration.id, name: "Charge" });
    new Agent("agent", { name: "Independent" });
  };

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("keeps the partial state of a create that failed halfway, skips dependents, and still creates the rest", async () => {
    // The integration is created, then setting its auth fails (400 is not retried).
    h.emulator.faults.failNext({
      status: 400,
      body: JSON.stringify({ message: "authFields rejected by test" }),
      match: { method: "PATCH", path: /\/auth$/ },
    });
    const err = await engineError(h.engine.up(program));
    const byUrn = Object.fromEntries(err.failures.map((f) => [f.urn, f]));
    expect(Object.keys(byUrn).sort()).toEqual([urnOf("Action", "act"), urnOf("Integration", "int")]);
    expect(byUrn[urnOf("Integration", "int")]).toMatchObject({
      op: "create",
      message: expect.stringContaining("authFields rejected by test"),
    });
    expect(byUrn[urnOf("Action", "act")]).toMatchObject({ op: "skip", message: expect.stringContaining(urnOf("Integration", "int")) });
    expect(err.message).toContain("authFields rejected by test");

    const created = h.emulator.snapshot().integrations;
    expect(created).toHaveLength(1);
    const partial = byUrn[urnOf("Integration", "int")].partial!;
    expect(partial.id).toBe(created[0].id);
    expect(h.engine.state[urnOf("Integration", "int")].id).toBe(created[0].id);
    // The independent agent went ahead.
    expect(h.engine.state[urnOf("Agent", "agent")]).toBeDefined();
    expect(h.engine.state[urnOf("Action", "act")]).toBeUndefined();
  });

  it("the next up repairs the same integration instead of creating another", async () => {
    const up = await h.engine.up(program);
    const ops = Object.fromEntries(up.steps.map((s) => [s.urn.split("::").pop(), s.op]));
    expect(ops).toEqual({ int: "update", act: "create", agent: "same" });
    const integrations = h.emulator.snapshot().integrations;
    expect(integrations).toHaveLength(1);
    expect(integrations[0].authType).toBe("API_KEY");
  });

  it("a resource kept from partial state can still be refreshed and destroyed", async () => {
    // Partial state again, then refresh and destroy straight away (no repairing up in between):
    // both need the `__provider` in the stored properties.
    await h.engine.destroy();
    h.emulator.faults.failNext({
      status: 400,
      body: JSON.stringify({ message: "auth rejected again" }),
      // The up reuses the integration the destroy marked as removed: its first write restores the description.
      match: { method: "PATCH" },
    });
    await engineError(h.engine.up(program));
    await expect(h.engine.refresh()).resolves.toBeDefined();
    await expect(h.engine.destroy()).resolves.toBeDefined();
    expect(h.engine.state).toEqual({});
  });

  it("reports a failed delete and keeps the resource", async () => {
    // Its own stack, independent of the partial-state tests above.
    const own = await startHarness();
    try {
      await own.engine.up(() => {
        const { Integration, Action } = own.langdock;
        const integration = new Integration("int2", { name: "Other" });
        new Action("act2", { integrationId: integration.id, name: "Stay" });
      });
      own.emulator.faults.failNext({ status: 403, match: { method: "DELETE" } });
      const err = await engineError(own.engine.destroy());
      expect(err.failures).toEqual([expect.objectContaining({ urn: urnOf("Action", "act2"), op: "delete" })]);
      // The integration the action depends on is not deleted while the action still exists.
      expect(Object.keys(own.engine.state).sort()).toEqual([urnOf("Action", "act2"), urnOf("Integration", "int2")]);
      await own.engine.destroy();
      expect(own.engine.state).toEqual({});
    } finally {
      await own.stop();
    }
  });
});
