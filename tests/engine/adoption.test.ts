import { LangdockClient } from "../../provider/client";
import { startHarness, engineError, type Harness } from "../helpers/engineHarness";
import { DEFAULT_SETTINGS } from "../../provider/config";

/** "Bring a hand-built agent under code": adoptId through the real host, with no create call. */
describe("adopting objects built by hand", () => {
  let h: Harness;
  let handBuilt: { integrationId: string; actionId: string; triggerId: string; agentId: string };

  beforeAll(async () => {
    h = await startHarness();
    // What a user clicked together in Langdock's UI before adopting Pulumi.
    const ui = new LangdockClient({ ...DEFAULT_SETTINGS, apiKey: h.emulator.apiKey, baseUrl: h.emulator.url });
    const integration = await ui.createIntegration({ name: "Old CRM" });
    const action = await ui.createAction(integration.id, { name: "Lookup", code: "return 'old';" });
    const trigger = await ui.createTrigger(integration.id, { name: "Poll" });
    const agent = await ui.createAgent({
      name: "Old helper",
      instruction: "Old instructions",
      actions: [{ actionId: action.id, requiresConfirmation: true }],
    });
    handBuilt = { integrationId: integration.id, actionId: action.id, triggerId: trigger.id, agentId: agent.id };
    h.emulator.resetLog();
  });
  afterAll(() => h?.stop());

  const program = (ids: typeof handBuilt) => () => {
    const { Integration, Action, Trigger, Agent } = h.langdock;
    const crm = new Integration("crm", { adoptId: ids.integrationId, name: "CRM", description: "Now managed by Pulumi" });
    const lookup = new Action("lookup", { adoptId: ids.actionId, integrationId: crm.id, name: "Lookup", code: "return 'new';" });
    new Trigger("poll", { adoptId: ids.triggerId, integrationId: crm.id, name: "Poll", pollingCode: "return [];" });
    new Agent("helper", { adoptId: ids.agentId, name: "Helper", instruction: "New instructions", actions: [{ actionId: lookup.id }] });
    return {};
  };

  it("the first up reads each object and updates it to match the program; nothing is created", async () => {
    const up = await h.engine.up(program(handBuilt));
    expect(up.steps.map((s) => s.op)).toEqual(["create", "create", "create", "create"]); // create in the state…
    expect(h.emulator.log.filter((e) => e.method === "POST" && e.path.endsWith("create"))).toEqual([]); // …not in Langdock
    const snap = h.emulator.snapshot();
    expect(snap.integrations).toEqual([
      expect.objectContaining({ id: handBuilt.integrationId, name: "CRM", description: "Now managed by Pulumi" }),
    ]);
    expect(snap.actions).toEqual([expect.objectContaining({ id: handBuilt.actionId, code: "return 'new';" })]);
    expect(snap.triggers).toEqual([expect.objectContaining({ id: handBuilt.triggerId, pollingCode: "return [];" })]);
    expect(snap.agents).toEqual([
      expect.objectContaining({ id: handBuilt.agentId, name: "Helper", instruction: "New instructions", hasDraft: false }),
    ]);
    expect(
      Object.values(h.engine.state)
        .map((r) => r.id)
        .sort(),
    ).toEqual(Object.values(handBuilt).sort());
  });

  it("after adoption the same program is a no-op", async () => {
    const preview = await h.engine.preview(program(handBuilt));
    expect(preview.steps.every((s) => s.op === "same")).toBe(true);
  });

  it("a wrong or foreign id is a clear error", async () => {
    await h.engine.destroy();
    const missing = "99999999-9999-4999-8999-999999999999";
    const err = await engineError(h.engine.up(() => new h.langdock.Agent("stray", { adoptId: missing, name: "Stray" })));
    expect(h.emulator.count({ method: "POST", path: "/agent/v1/create" })).toBe(0);
    expect(err.failures.map((f) => f.message)).toEqual([
      `adoptId: agent ${missing} does not exist in this Langdock workspace or is not shared with this API key (HTTP 404); check the id or remove adoptId to create a new agent.`,
    ]);
  });
});
