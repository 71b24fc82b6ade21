import { LangdockClient } from "../../provider/client";
import { startHarness, engineError, type Harness } from "../helpers/engineHarness";
import type { IntegrationArgs } from "../../provider";
import { DEFAULT_SETTINGS } from "../../provider/config";

/** Changes that destroy users' data in Langdock warn at diff (the preview the user confirms), before any write. */
describe("destructive changes warn at preview", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ engine: { parallel: 1 } });
  });
  afterAll(() => h?.stop());

  const authWarnings = () => h.engine.host.stderr.filter((l) => l.includes("authType"));
  const apiKey = {
    authType: "API_KEY",
    authFields: [{ slug: "apiKey", label: "API key", type: "PASSWORD" }],
  } satisfies Partial<IntegrationArgs>;

  it("an authType change warns in the preview with no write, and again at up's diff, even when the write fails", async () => {
    await h.engine.up(() => new h.langdock.Integration("crm", { name: "CRM", ...apiKey }));
    expect(authWarnings()).toEqual([]); // first set at create: no connections to lose
    h.emulator.resetLog();

    const oauth = () =>
      new h.langdock.Integration("crm", { name: "CRM", authType: "OAUTH", oauthClient: { clientId: "id", clientSecret: "s3cret-value" } });
    const preview = await h.engine.preview(oauth);
    expect(preview.steps).toEqual([expect.objectContaining({ op: "update", diffs: expect.arrayContaining(["authType"]) })]);
    expect(h.emulator.log.filter((e) => e.method !== "GET")).toEqual([]);
    const expected = `warning: integration "CRM": changing authType from API_KEY to OAUTH deletes every user's existing connection to it in Langdock; users must connect again.`;
    expect(authWarnings()).toEqual([expected]);

    h.engine.host.stderr.length = 0;
    h.emulator.faults.failNext({ status: 400, body: JSON.stringify({ message: "no" }), match: { path: /\/auth$/ } });
    await engineError(h.engine.up(oauth));
    expect(authWarnings()).toEqual([expected]);
    expect(h.engine.host.stderr.join("\n")).not.toContain("s3cret-value");
  });

  it("adopting an integration with another authType says so in the preview", async () => {
    await h.engine.destroy();
    const ui = new LangdockClient({ ...DEFAULT_SETTINGS, apiKey: h.emulator.apiKey, baseUrl: h.emulator.url });
    const hand = await ui.createIntegration({ name: "Hand" });
    // The request always says whether a field is required; the program leaves it to its default (false).
    await ui.updateIntegrationAuth(hand.id, { ...apiKey, authFields: apiKey.authFields.map((f) => ({ ...f, required: false })) });
    h.engine.host.stderr.length = 0;
    await h.engine.preview(() => new h.langdock.Integration("hand", { adoptId: hand.id, name: "Hand" }));
    expect(h.engine.host.stderr.filter((l) => l.startsWith("warning:"))).toEqual([
      expect.stringContaining(
        'authFields: [{"slug":"apiKey","label":"API key","type":"PASSWORD","required":false}] → (not set); authType: "API_KEY" → (not set)',
      ),
      `warning: integration "Hand": changing authType from API_KEY to NONE deletes every user's existing connection to it in Langdock; users must connect again.`,
    ]);
  });
});
