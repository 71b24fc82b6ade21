import { startHarness, type Harness } from "../helpers/engineHarness";

/**
 * HTTP calls per operation, counted in the emulator's request log while the real host runs the
 * installed package: plan-time is free, and every write is the minimum Langdock allows.
 */
describe("calls per operation", () => {
  let h: Harness;
  const ACTIONS = 10;
  const program =
    (v: { description?: string; instruction?: string; auth?: boolean } = {}) =>
    () => {
      const { Integration, Action, Trigger, Agent } = h.langdock;
      const crm = new Integration("crm", {
        name: "CRM",
        description: v.description ?? "Customer data",
        ...(v.auth === false ? {} : { authType: "API_KEY", authFields: [{ slug: "apiKey", label: "API key", type: "PASSWORD" }] }),
      });
      const actions = Array.from(
        { length: ACTIONS },
        (_, i) =>
          new Action(`act${i}`, {
            integrationId: crm.id,
            name: `Action ${i}`,
            description: v.description ?? "Does a thing",
            code: "return 1;",
          }),
      );
      new Trigger("trg", { integrationId: crm.id, name: "New row", description: v.description ?? "Fires", pollingCode: "return [];" });
      new Trigger("trg2", { integrationId: crm.id, name: "Changed row", pollingCode: "return [];" });
      new Agent("agent", {
        name: "Helper",
        instruction: v.instruction ?? "Help.",
        actions: actions.slice(0, 3).map((a) => ({ actionId: a.id })),
      });
      return {};
    };
  const calls = () => h.emulator.log.map((e) => `${e.method} ${e.path.replace(/[0-9a-f-]{36}/g, "{id}")}`);
  const tally = () => calls().reduce<Record<string, number>>((acc, c) => ({ ...acc, [c]: (acc[c] ?? 0) + 1 }), {});

  beforeAll(async () => {
    // Latency keeps concurrent reads in flight together, as against the real API.
    h = await startHarness({ emulator: { latencyMs: 50 }, engine: { parallel: 20 } });
  });
  afterAll(() => h?.stop());
  beforeEach(() => h.emulator.resetLog());

  it("preview of a new stack makes no HTTP call (check is local)", async () => {
    await h.engine.preview(program());
    expect(calls()).toEqual([]);
  });

  it("create: one call per resource, plus /auth for an integration with auth inputs, plus at most one read per action or trigger; an agent is live at once", async () => {
    await h.engine.up(program());
    const { "GET /integrations/v1/{id}": reads, ...rest } = tally();
    // An action's or trigger's create first reads its integration: what already has its name, so an object
    // that appears after an uncertain create is told apart from what existed before it. Creates running
    // together share a read in flight, so there is at most one per create (at least one in all).
    expect(reads).toBeGreaterThanOrEqual(1);
    expect(reads).toBeLessThanOrEqual(ACTIONS + 2);
    expect(rest).toEqual({
      // The integration's create first looks for one an earlier destroy marked as removed, to reuse it.
      "GET /integrations/v1/get": 1,
      "POST /integrations/v1/create": 1,
      "PATCH /integrations/v1/{id}/auth": 1,
      "POST /integrations/v1/{id}/actions/create": ACTIONS,
      "POST /integrations/v1/{id}/triggers/create": 2,
      "POST /agent/v1/create": 1,
    });
  });

  it("preview and up of the unchanged program make no HTTP call (diff is local)", async () => {
    await h.engine.preview(program());
    await h.engine.up(program());
    expect(calls()).toEqual([]);
  });

  it("update: one PUT per action/trigger, one PATCH for the integration details (no /auth), update + publish for the agent", async () => {
    await h.engine.up(program({ description: "Changed", instruction: "Help more." }));
    expect(tally()).toEqual({
      "PATCH /integrations/v1/{id}": 1,
      "PUT /integrations/v1/{id}/actions/{id}": ACTIONS,
      "PUT /integrations/v1/{id}/triggers/{id}": 1,
      "PATCH /agent/v1/update": 1,
      "POST /agent/v1/publish": 1,
    });
  });

  it("refresh: the integration and all its actions and triggers share one GET while it is in flight; the agent reads once", async () => {
    const result = await h.engine.refresh();
    expect(result.steps.filter((s) => s.op !== "same")).toEqual([]);
    expect(tally()).toEqual({ "GET /integrations/v1/{id}": 1, "GET /agent/v1/get": 1 });
  });

  it("no answer is reused after it completes: a second refresh reads again", async () => {
    await h.engine.refresh();
    expect(tally()).toEqual({ "GET /integrations/v1/{id}": 1, "GET /agent/v1/get": 1 });
  });

  it("delete: one call per action and trigger; the integration and agent (which Langdock cannot delete) are marked as removed", async () => {
    await h.engine.destroy();
    expect(tally()).toEqual({
      "DELETE /integrations/v1/{id}/actions/{id}": ACTIONS,
      "DELETE /integrations/v1/{id}/triggers/{id}": 2,
      "PATCH /integrations/v1/{id}": 1,
      "PATCH /agent/v1/update": 1,
      "POST /agent/v1/publish": 1,
      "PATCH /agent/v1/disable": 1,
    });
  });
});
