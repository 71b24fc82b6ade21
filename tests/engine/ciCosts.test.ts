import { LangdockClient } from "../../provider/client";
import { startHarness, engineError, type Harness } from "../helpers/engineHarness";
import { DEFAULT_SETTINGS } from "../../provider/config";

/** What examples/ci-preview says each CI run costs, measured through the real host against the emulator. */
describe("CI preview costs", () => {
  const program = (h: Harness) => () => {
    const { Integration, Action, Trigger, Agent } = h.langdock;
    const crm = new Integration("crm", { name: "CRM" });
    const a = new Action("a", { integrationId: crm.id, name: "A", code: "return 1;" });
    new Action("b", { integrationId: crm.id, name: "B" });
    new Trigger("t", { integrationId: crm.id, name: "T" });
    new Agent("agent", { name: "Helper", actions: [{ actionId: a.id }] });
  };

  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ emulator: { latencyMs: 20 } });
    await h.engine.up(program(h));
  });
  afterAll(() => h?.stop());
  beforeEach(() => h.emulator.resetLog());

  it("preview without refresh: no Langdock call, and no API key needed", async () => {
    const keyless = await startHarness({
      config: { "langdock:apiKey": "" },
      engine: { env: { LANGDOCK_API_KEY: "" }, state: h.engine.state },
    });
    try {
      const preview = await keyless.engine.preview(program(keyless));
      expect(preview.steps.every((s) => s.op === "same")).toBe(true);
      expect(keyless.emulator.log).toEqual([]);
      // Refresh reads Langdock: without a key it fails, saying how to set one.
      const err = await engineError(keyless.engine.refresh());
      expect(err.failures[0].message).toContain("No Langdock API key is configured");
    } finally {
      await keyless.stop();
    }
    expect(h.emulator.log).toEqual([]);
  });

  it("preview with refresh: one call per integration (its actions and triggers share it) and one per agent", async () => {
    await h.engine.refresh();
    await h.engine.preview(program(h));
    expect(h.emulator.log.map((e) => `${e.method} ${e.path.replace(/[0-9a-f-]{36}/g, "{id}")}`).sort()).toEqual([
      "GET /agent/v1/get",
      "GET /integrations/v1/{id}",
    ]);
  });

  it("drift check: after an edit in Langdock, refresh + preview shows the change (what --expect-no-changes fails on)", async () => {
    const ui = new LangdockClient({ ...DEFAULT_SETTINGS, apiKey: h.emulator.apiKey, baseUrl: h.emulator.url });
    const agentId = Object.values(h.engine.state).find((r) => r.name === "agent")!.id;
    await ui.updateAgent(agentId, { instruction: "Edited in the UI" });
    await ui.publishAgent(agentId);
    expect((await h.engine.preview(program(h))).steps.every((s) => s.op === "same")).toBe(true); // without refresh: unseen
    await h.engine.refresh();
    const drift = await h.engine.preview(program(h));
    const changed = drift.steps.filter((s) => s.op !== "same");
    expect(changed).toEqual([expect.objectContaining({ op: "update", urn: expect.stringMatching(/::agent$/) })]);
    expect(changed[0].changes).toContainEqual({ property: "instruction", old: "Edited in the UI" });
  });
});
