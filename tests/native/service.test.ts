import { DEFAULT_MODELS, LangdockEmulator } from "../../provider/emulator";
import { loadProtocol } from "../../provider/native/protocol";
import { UNKNOWN } from "../../provider/common/unknown";
import { secret, startPlugin, urnOf, type Plugin, type PluginError } from "./plugin";

/**
 * The native plugin over real gRPC, against the emulator: the same runtime as the dynamic shells behind
 * Pulumi's ResourceProvider protocol (secrets, detailed diffs, the engine's log, import ids, invokes).
 */
const { DIFF_NONE, DIFF_SOME } = loadProtocol().provider.DiffResponse.DiffChanges;
const { UPDATE, UPDATE_REPLACE } = loadProtocol().provider.PropertyDiff.Kind;
const WARNING = loadProtocol().engine.LogSeverity.WARNING;

describe("native plugin", () => {
  let emulator: LangdockEmulator;
  let plugin: Plugin;
  const failure = (p: Promise<unknown>) =>
    p.then(
      () => undefined,
      (err: PluginError) => err,
    );

  beforeAll(async () => {
    emulator = await LangdockEmulator.start();
    plugin = await startPlugin();
    const configured = await plugin.configure({ apiKey: secret(emulator.apiKey), baseUrl: emulator.url });
    expect(configured).toEqual({ acceptSecrets: true, supportsPreview: true });
  });
  afterAll(async () => {
    await plugin?.stop();
    await emulator?.close();
  });

  it("checks provider settings at their property and keeps the key secret", async () => {
    const bad = await plugin.checkConfig({ apiKey: "sk-ld-abcdef", baseUrl: "ftp://example.com" });
    expect(bad.failures).toEqual([{ property: "baseUrl", reason: expect.stringMatching(/must be an http\(s\) URL/) }]);
    // The default provider's settings are stack config; an explicit provider's are its arguments: each message says which.
    expect((await plugin.checkConfig({ maxRetries: "many" })).failures).toEqual([
      {
        property: "maxRetries",
        reason:
          'langdock:maxRetries must be a whole number of 0 or more, got "many": set it with `pulumi config set langdock:maxRetries <n>` or LANGDOCK_MAX_RETRIES.',
      },
    ]);
    expect(
      (await plugin.checkConfig({ maxRetries: "many" }, "urn:pulumi:test::project::pulumi:providers:langdock::staging")).failures,
    ).toEqual([
      {
        property: "maxRetries",
        reason:
          'maxRetries must be a whole number of 0 or more, got "many": set the provider\'s `maxRetries` argument or LANGDOCK_MAX_RETRIES.',
      },
    ]);
    const good = await plugin.checkConfig({ apiKey: "sk-ld-abcdef", maxRetries: "3" });
    expect(good.failures).toEqual([]);
    expect(good.inputs.apiKey).toEqual(secret("sk-ld-abcdef"));
    // A new key or URL applies to the same objects: a change, never a replacement of every resource.
    expect(await plugin.diffConfig({ apiKey: "a", baseUrl: "http://x" }, { apiKey: "b", baseUrl: "http://x" })).toEqual({
      changes: DIFF_SOME,
      diffs: ["apiKey"],
      replaces: [],
    });
  });

  it("runs an integration and an action through check, create, read, diff, update, replace and delete", async () => {
    const iUrn = urnOf("Integration", "crm");
    const tooLong = await plugin.check(iUrn, {}, { name: "x".repeat(41) });
    expect(tooLong.failures).toEqual([{ property: "name", reason: "must be at most 40 characters (got 41)" }]);

    const integration = await plugin.check(iUrn, {}, { name: "CRM" });
    const createdIntegration = await plugin.create(iUrn, integration.inputs);
    const aUrn = urnOf("Action", "lookup");
    const checked = await plugin.check(aUrn, {}, { integrationId: createdIntegration.id, name: "Lookup", code: "return 1;" });
    expect(checked.failures).toEqual([]);
    const created = await plugin.create(aUrn, checked.inputs);
    expect(emulator.snapshot().actions.map((a) => a.id)).toEqual([created.id]);
    expect(created.properties).toMatchObject({ name: "Lookup", code: "return 1;", integrationId: createdIntegration.id });

    // Refresh without drift: no new inputs; the next diff is empty.
    const read = await plugin.read(aUrn, created.id, created.properties, checked.inputs);
    expect(read.id).toBe(created.id);
    expect(read.inputs).toBeUndefined();
    expect((await plugin.diff(aUrn, created.id, read.properties, checked.inputs)).changes).toBe(DIFF_NONE);

    const changed = (await plugin.check(aUrn, checked.inputs, { ...checked.inputs, description: "Finds a customer" })).inputs;
    const diff = await plugin.diff(aUrn, created.id, read.properties, changed);
    expect(diff).toMatchObject({ changes: DIFF_SOME, diffs: ["description"], replaces: [], detailed: { description: expect.any(Number) } });
    // A preview (the engine asks the plugin, which supports previews) writes nothing and shows what Langdock assigns as unknown.
    emulator.resetLog();
    const previewed = await plugin.create(aUrn, changed, { preview: true });
    expect(previewed).toEqual({ id: "", properties: expect.objectContaining({ name: "Lookup", slug: UNKNOWN, order: UNKNOWN }) });
    expect((await plugin.update(aUrn, created.id, read.properties, changed, 0, true)).properties.description).toBe("Finds a customer");
    expect(emulator.log.filter((e) => e.method !== "GET")).toEqual([]);
    const updated = await plugin.update(aUrn, created.id, read.properties, changed);
    expect(updated.properties.description).toBe("Finds a customer");
    expect(emulator.snapshot().actions[0].description).toBe("Finds a customer");

    const other = await plugin.create(urnOf("Integration", "other"), (await plugin.check(iUrn, {}, { name: "Other" })).inputs);
    const moved = await plugin.diff(aUrn, created.id, updated.properties, { ...changed, integrationId: other.id });
    expect(moved.replaces).toEqual(["integrationId"]);
    expect(moved.detailed).toEqual({ integrationId: UPDATE_REPLACE });
    expect(diff.detailed).toEqual({ description: 0 /* ADD: the stored action had none */ });
    expect(UPDATE).not.toBe(UPDATE_REPLACE);

    await plugin.delete(aUrn, created.id, updated.properties);
    expect(emulator.snapshot().actions).toEqual([]);
  });

  it("keeps secret inputs secret in outputs and out of every message, and sends warnings to the engine's log", async () => {
    const urn = urnOf("Integration", "oauth");
    const clientSecret = "s3cr3t-client-value";
    const news = { name: "OAuth CRM", authType: "OAUTH", oauthClient: { clientId: "id", clientSecret: secret(clientSecret) } };
    const { inputs, failures } = await plugin.check(urn, {}, news);
    expect(failures).toEqual([]);
    expect(inputs.oauthClient).toEqual(secret(expect.objectContaining({ clientSecret })));
    const created = await plugin.create(urn, inputs);
    expect(created.properties.oauthClient).toEqual(secret(expect.objectContaining({ clientId: "id", clientSecret })));

    // Changing authType deletes users' connections: a warning in the preview, under the resource's URN.
    const plain = { ...news, oauthClient: { clientId: "id", clientSecret } };
    await plugin.diff(urn, created.id, created.properties, { ...plain, authType: "API_KEY", oauthClient: undefined });
    expect(plugin.logs).toContainEqual({ severity: WARNING, urn, message: expect.stringMatching(/authType/) });

    emulator.faults.failNext({ status: 400, body: JSON.stringify({ message: `bad secret ${clientSecret}` }) });
    const err = await failure(plugin.update(urn, created.id, created.properties, { ...plain, description: "x" }));
    expect(err?.details).toMatch(/HTTP 400/);
    expect(err?.details).not.toContain(clientSecret);
    expect(plugin.logs.map((l) => l.message).join("\n") + plugin.stderr.join("\n")).not.toContain(clientSecret);
  });

  it("imports by id, and by <integrationId>/<actionId> for an action, with inputs the engine can write code from", async () => {
    const integration = await plugin.create(urnOf("Integration", "i"), { name: "Imported CRM", description: "Made by hand" });
    const action = await plugin.create(
      urnOf("Action", "a"),
      (
        await plugin.check(
          urnOf("Action", "a"),
          {},
          {
            integrationId: integration.id,
            name: "Hand made",
            code: "return 2;",
          },
        )
      ).inputs,
    );

    const imported = await plugin.read(urnOf("Action", "x"), `${integration.id}/${action.id}`);
    expect(imported.id).toBe(action.id);
    expect(imported.inputs).toMatchObject({ integrationId: integration.id, name: "Hand made", code: "return 2;" });
    // The imported inputs check clean and diff clean against the imported outputs: the generated code previews clean.
    const checked = await plugin.check(urnOf("Action", "x"), imported.inputs!, imported.inputs!);
    expect(checked.failures).toEqual([]);
    expect((await plugin.diff(urnOf("Action", "x"), imported.id, imported.properties, checked.inputs)).changes).toBe(DIFF_NONE);

    const byId = await plugin.read(urnOf("Integration", "x"), integration.id);
    expect(byId.inputs).toMatchObject({ name: "Imported CRM", description: "Made by hand" });

    const malformed = await failure(plugin.read(urnOf("Action", "y"), action.id));
    expect(malformed?.details).toBe(
      `The import id "${action.id}" of langdock:index:Action must have the form <integrationId>/<actionId>: pass \`pulumi import langdock:index:Action <name> <integrationId>/<actionId>\`.`,
    );
    const attachment = await failure(plugin.read(urnOf("Attachment", "y"), "some-id"));
    expect(attachment?.details).toMatch(/^langdock:index:Attachment cannot be imported: Langdock cannot read an attachment back/);
    const gone = await plugin.read(urnOf("Agent", "z"), "00000000-0000-4000-8000-000000000000");
    expect(gone.id).toBe("");
  });

  it("answers lookups through Invoke with the instance's client", async () => {
    expect(await plugin.invoke("langdock:index:getModels")).toEqual({ result: { models: DEFAULT_MODELS }, failures: [] });
    const missing = await plugin.invoke("langdock:index:getIntegration", {});
    expect(missing.failures).toEqual([{ property: "id", reason: expect.stringMatching(/needs id/) }]);
    const unknown = await failure(plugin.invoke("langdock:index:getNothing"));
    expect(unknown?.details).toMatch(/^Unknown function langdock:index:getNothing: langdock offers langdock:index:getModels/);
  });

  it("bounds a create by its customTimeouts, and the next attempt adopts what the slow one made", async () => {
    const integration = await plugin.create(urnOf("Integration", "slow"), { name: "Slow CRM" });
    const urn = urnOf("Action", "slow");
    const inputs = (await plugin.check(urn, {}, { integrationId: integration.id, name: "Slow", code: "return 3;" })).inputs;
    // Langdock commits the create, then answers slowly: the outcome is unknown when the deadline passes.
    emulator.faults.trickle({ intervalMs: 400, match: { method: "POST", path: /\/actions\/create$/ } });
    const started = Date.now();
    const err = await failure(plugin.create(urn, inputs, { timeout: 1 }));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(err?.details).toMatch(
      /^Create of slow stopped: POST \/integrations\/v1\/.+\/actions\/create could not finish within customTimeouts\.create \(1s\)/,
    );
    expect(err?.details).toMatch(/found by its name and adopted when it matches the program, never duplicated\.$/);
    emulator.faults.clear();
    // Nothing lost, nothing duplicated: the next `up` creates again, meets the name, and adopts the identical object.
    const retried = await plugin.create(urn, inputs);
    expect(
      emulator
        .snapshot()
        .actions.filter((a) => a.name === "Slow")
        .map((a) => a.id),
    ).toEqual([retried.id]);
    expect(plugin.logs.map((l) => l.message)).toContainEqual(expect.stringMatching(/adopting/));
  });
});

describe("two native plugin processes (two provider instances)", () => {
  it("each acts on its own workspace with its own key", async () => {
    const staging = await LangdockEmulator.start();
    const production = await LangdockEmulator.start();
    const plugins = [await startPlugin(), await startPlugin()];
    try {
      await plugins[0].configure({ apiKey: secret(staging.apiKey), baseUrl: staging.url });
      await plugins[1].configure({ apiKey: secret(production.apiKey), baseUrl: production.url });
      await plugins[0].create(urnOf("Agent", "s"), { name: "Staging agent" });
      await plugins[1].create(urnOf("Agent", "p"), { name: "Production agent" });
      expect(staging.snapshot().agents.map((a) => a.name)).toEqual(["Staging agent"]);
      expect(production.snapshot().agents.map((a) => a.name)).toEqual(["Production agent"]);
    } finally {
      await Promise.all(plugins.map((p) => p.stop()));
      await staging.close();
      await production.close();
    }
  });
});
