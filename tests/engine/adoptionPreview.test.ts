import { LangdockClient } from "../../provider/client";
import { startHarness, engineError, type Harness } from "../helpers/engineHarness";
import { DEFAULT_SETTINGS } from "../../provider/config";

/**
 * Adoption through the real host: the preview (Check) reads the adopted object once and warns with
 * every property the first up changes, old → new; an object that already matches is taken over
 * without any write.
 */
describe("adoption previews what it will change", () => {
  let h: Harness;
  let ui: LangdockClient;

  beforeAll(async () => {
    h = await startHarness({ engine: { parallel: 1 } });
    ui = new LangdockClient({ ...DEFAULT_SETTINGS, apiKey: h.emulator.apiKey, baseUrl: h.emulator.url });
  });
  afterAll(() => h?.stop());
  beforeEach(async () => {
    await h.engine.destroy();
    h.emulator.resetLog();
    h.engine.host.stderr.length = 0;
  });

  const writes = () => h.emulator.log.filter((e) => e.method !== "GET").map((e) => `${e.method} ${e.path}`);
  const warnings = () => h.engine.host.stderr.filter((l) => l.startsWith("warning: adopting"));

  it("the README's agent example: preview names emoji and webSearch old → new, with one read and no write", async () => {
    const agent = await ui.createAgent({ name: "Helper", emoji: "🤖", webSearch: true, instruction: "Old" });
    h.emulator.resetLog();
    const program = () => {
      new h.langdock.Agent("helper", { adoptId: agent.id, name: "Helper", instruction: "Be helpful." });
    };
    const preview = await h.engine.preview(program);
    expect(preview.steps.map((s) => s.op)).toEqual(["create"]);
    expect(h.emulator.log.map((e) => `${e.method} ${e.path}`)).toEqual(["GET /agent/v1/get"]);
    expect(warnings()).toEqual([
      `warning: adopting agent "Helper" (adoptId ${agent.id}): the first pulumi up will change 3 properties in Langdock to match the program (set them in the program to keep Langdock's values): emoji: "🤖" → (not set); instruction: "Old" → "Be helpful."; webSearch: true → false.`,
    ]);

    // Keeping Langdock's values in the program leaves only the instruction to change.
    h.engine.host.stderr.length = 0;
    await h.engine.preview(() => {
      new h.langdock.Agent("helper", { adoptId: agent.id, name: "Helper", emoji: "🤖", webSearch: true, instruction: "Be helpful." });
    });
    expect(warnings()).toEqual([
      `warning: adopting agent "Helper" (adoptId ${agent.id}): the first pulumi up will change 1 property in Langdock to match the program (set them in the program to keep Langdock's values): instruction: "Old" → "Be helpful.".`,
    ]);
  });

  it("an adoption that already matches makes no write at up, for every kind whose answer shows it all", async () => {
    const integration = await ui.createIntegration({ name: "CRM", description: "Customer data" });
    const action = await ui.createAction(integration.id, { name: "Lookup", code: "return 1;", requiresConfirmation: false });
    const trigger = await ui.createTrigger(integration.id, { name: "Poll", pollingCode: "return [];" });
    const agent = await ui.createAgent({ name: "Helper", emoji: "🤖", actions: [{ actionId: action.id, requiresConfirmation: true }] });
    h.emulator.resetLog();
    const program = () => {
      const { Integration, Action, Trigger, Agent } = h.langdock;
      // Literal ids, so the preview can read the children too.
      new Integration("crm", { adoptId: integration.id, name: "CRM", description: "Customer data" });
      new Action("lookup", { adoptId: action.id, integrationId: integration.id, name: "Lookup", code: "return 1;" });
      new Trigger("poll", { adoptId: trigger.id, integrationId: integration.id, name: "Poll", pollingCode: "return [];" });
      new Agent("helper", { adoptId: agent.id, name: "Helper", emoji: "🤖", actions: [{ actionId: action.id }] });
    };
    await h.engine.preview(program);
    expect(warnings().sort()).toEqual(
      [
        `warning: adopting action "Lookup" (adoptId ${action.id}): it already matches the program; pulumi up takes it over without changing it in Langdock.`,
        `warning: adopting agent "Helper" (adoptId ${agent.id}): it already matches the program; pulumi up takes it over without changing it in Langdock.`,
        `warning: adopting integration "CRM" (adoptId ${integration.id}): it already matches the program; pulumi up takes it over without changing it in Langdock.`,
        // Today's GET shows no trigger's polling code and input fields: they cannot be compared, so they are written.
        `warning: adopting trigger "Poll" (adoptId ${trigger.id}): the first pulumi up will change 2 properties in Langdock to match the program (set them in the program to keep Langdock's values): inputFields: (not returned by Langdock, cannot be compared) → (not set); pollingCode: (not returned by Langdock, cannot be compared) → "return [];".`,
      ].sort(),
    );
    const up = await h.engine.up(program);
    expect(up.steps.map((s) => s.op)).toEqual(["create", "create", "create", "create"]);
    expect(writes()).toEqual([`PUT /integrations/v1/${integration.id}/triggers/${trigger.id}`]);
    expect(
      Object.values(h.engine.state)
        .map((r) => r.id)
        .sort(),
    ).toEqual([integration.id, action.id, trigger.id, agent.id].sort());
    expect((await h.engine.preview(program)).steps.every((s) => s.op === "same")).toBe(true);
  });

  it("a child whose code Langdock's summary response leaves out is written: it cannot be compared", async () => {
    const summary = await startHarness({ emulator: { integrationDetail: "summary" } });
    try {
      const client = new LangdockClient({ ...DEFAULT_SETTINGS, apiKey: summary.emulator.apiKey, baseUrl: summary.emulator.url });
      const integration = await client.createIntegration({ name: "CRM" });
      const action = await client.createAction(integration.id, { name: "Lookup", code: "return 1;" });
      summary.emulator.resetLog();
      const program = () => {
        new summary.langdock.Action("lookup", { adoptId: action.id, integrationId: integration.id, name: "Lookup", code: "return 1;" });
      };
      await summary.engine.preview(program);
      expect(summary.engine.host.stderr.filter((l) => l.startsWith("warning: adopting"))).toEqual([
        `warning: adopting action "Lookup" (adoptId ${action.id}): the first pulumi up will change 3 properties in Langdock to match the program (set them in the program to keep Langdock's values): code: (not returned by Langdock, cannot be compared) → "return 1;"; inputFields: (not returned by Langdock, cannot be compared) → (not set); requiresConfirmation: (not returned by Langdock, cannot be compared) → false.`,
      ]);
      await summary.engine.up(program);
      expect(summary.emulator.count({ method: "PUT" })).toBe(1);
    } finally {
      await summary.stop();
    }
  });

  it("unknown inputs at preview, a missing object, and a missing key are explained, never a crash", async () => {
    const integration = await ui.createIntegration({ name: "CRM" });
    const action = await ui.createAction(integration.id, { name: "Lookup" });
    h.emulator.resetLog();
    // The action's integrationId is the adopted integration's id: unknown until that integration is in the state.
    await h.engine.preview(() => {
      const crm = new h.langdock.Integration("crm", { adoptId: integration.id, name: "CRM" });
      new h.langdock.Action("lookup", { adoptId: action.id, integrationId: crm.id, name: "Lookup" });
    });
    expect(warnings()).toContain(
      `warning: adopting action "Lookup" (adoptId ${action.id}): the preview cannot show what the first pulumi up changes, because integrationId is not known until the integration is created or adopted; run the preview again after that up, or set integrationId to the integration's id.`,
    );
    expect(writes()).toEqual([]);

    const missing = "99999999-9999-4999-8999-999999999999";
    const err = await engineError(h.engine.preview(() => new h.langdock.Integration("stray", { adoptId: missing, name: "Stray" })));
    expect(err.failures).toEqual([
      expect.objectContaining({
        op: "check",
        message: `adoptId: integration ${missing} does not exist in this Langdock workspace (HTTP 404); check the id or remove adoptId to create a new integration.`,
      }),
    ]);

    const keyless = await startHarness({ config: { "langdock:apiKey": "" }, engine: { env: { LANGDOCK_API_KEY: "" } } });
    try {
      const preview = await keyless.engine.preview(() => new keyless.langdock.Integration("crm", { adoptId: integration.id, name: "CRM" }));
      expect(preview.steps.map((s) => s.op)).toEqual(["create"]);
      expect(keyless.engine.host.stderr.filter((l) => l.startsWith("warning: adopting"))).toEqual([
        expect.stringMatching(
          new RegExp(
            `^warning: adopting integration "CRM" \\(adoptId ${integration.id}\\): the preview could not read it from Langdock, so it cannot show what the first pulumi up changes \\(No Langdock API key is configured: .*\\); the up reads it again and changes whatever differs from the program\\.$`,
          ),
        ),
      ]);
    } finally {
      await keyless.stop();
    }
  });
});
