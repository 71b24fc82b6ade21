import * as fs from "fs";
import * as path from "path";
import { LangdockEmulator } from "../../provider/emulator";
import { describeWithYaml, initStack, nativeWorld, type NativeWorld } from "./cliWorld";

/**
 * Several workspaces in one program, through the real CLI: explicit `langdock` providers, each with its own
 * key and base URL (its own plugin process, client and rate-limit cooldown); and customTimeouts that bound
 * a whole operation and lose nothing when they expire.
 */
describeWithYaml("explicit providers and customTimeouts on the real CLI", () => {
  jest.setTimeout(300_000);
  let world: NativeWorld;
  let staging: LangdockEmulator;
  let production: LangdockEmulator;

  beforeAll(async () => {
    world = nativeWorld();
    [staging, production] = await Promise.all([LangdockEmulator.start(), LangdockEmulator.start()]);
  });
  afterAll(async () => {
    await Promise.all([staging?.close(), production?.close()]);
    world?.stop();
  });

  it("two providers on two workspaces each receive only their own objects, and a rate limit on one does not slow the other", async () => {
    const dir = world.project(`
name: two-workspaces
runtime: yaml
config:
  stagingKey:
    type: string
    secret: true
  productionKey:
    type: string
    secret: true
  stagingUrl:
    type: string
  productionUrl:
    type: string
resources:
  staging:
    type: pulumi:providers:langdock
    properties:
      apiKey: \${stagingKey}
      baseUrl: \${stagingUrl}
  production:
    type: pulumi:providers:langdock
    properties:
      apiKey: \${productionKey}
      baseUrl: \${productionUrl}
  stagingAgent:
    type: langdock:index:Agent
    properties:
      name: Staging assistant
    options:
      provider: \${staging}
  productionAgent:
    type: langdock:index:Agent
    properties:
      name: Production assistant
    options:
      provider: \${production}
outputs:
  stagingAgentId: \${stagingAgent.id}
  productionAgentId: \${productionAgent.id}
`);
    await world.cli.run(dir, ["stack", "init", "dev"]);
    for (const [key, value] of [
      ["stagingUrl", staging.url],
      ["productionUrl", production.url],
    ])
      await world.cli.run(dir, ["config", "set", key, value]);
    await world.cli.run(dir, ["config", "set", "--secret", "stagingKey", staging.apiKey]);
    await world.cli.run(dir, ["config", "set", "--secret", "productionKey", production.apiKey]);

    // Staging is rate limited for 8 s: its plugin waits, production's (another process, its own cooldown) does not.
    staging.faults.failNext({ status: 429, retryAfter: "8", match: { method: "POST" } });
    await world.cli.run(dir, ["up", "--yes"]);
    const outputs = JSON.parse((await world.cli.run(dir, ["stack", "output", "--json"])).stdout) as Record<string, string>;
    const created = (emulator: LangdockEmulator) => emulator.log.find((e) => e.method === "POST" && e.status < 300)!.startedAt;
    expect(created(staging) - created(production)).toBeGreaterThan(5_000);
    expect(staging.snapshot().agents.map((a) => [a.id, a.name])).toEqual([[outputs.stagingAgentId, "Staging assistant"]]);
    expect(production.snapshot().agents.map((a) => [a.id, a.name])).toEqual([[outputs.productionAgentId, "Production assistant"]]);
    // Each workspace saw only its own key.
    expect(staging.log.every((e) => e.status !== 401)).toBe(true);
    expect(production.log.every((e) => e.status !== 401)).toBe(true);

    const state = (await world.cli.run(dir, ["stack", "export"])).stdout;
    expect(state).not.toContain(staging.apiKey);
    expect(state).not.toContain(production.apiKey);

    await world.cli.run(dir, ["preview", "--expect-no-changes"]);
    await world.cli.run(dir, ["destroy", "--yes"]);
    expect(staging.snapshot().agents.every((a) => a.disabled)).toBe(true);
    expect(production.snapshot().agents.every((a) => a.disabled)).toBe(true);
  });

  it("an expiring customTimeouts fails the create with a clear message, and the next up adopts what it made", async () => {
    const program = (timeout: string) => `
name: timeouts
runtime: yaml
resources:
  crm:
    type: langdock:index:Integration
    properties:
      name: Slow CRM
  lookup:
    type: langdock:index:Action
    properties:
      integrationId: \${crm.id}
      name: Lookup
      code: return 1;
    options:
      customTimeouts:
        create: ${timeout}
`;
    const dir = world.project(program("2s"));
    await initStack(world.cli, dir, "dev", staging);
    // Langdock commits the create and then answers slowly: when the deadline passes, the outcome is unknown.
    staging.faults.trickle({ intervalMs: 1_000, match: { method: "POST", path: /\/actions\/create$/ } });
    const started = Date.now();
    const failed = await world.cli.run(dir, ["up", "--yes"], { allowFailure: true });
    expect(failed.code).not.toBe(0);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(failed.stdout).toMatch(
      /Create of lookup stopped: POST \/integrations\/v1\/\S+\/actions\/create could not finish within customTimeouts\.create \(2s\)/,
    );
    staging.faults.clear();

    // Nothing lost, nothing duplicated: the next up finds the action by its name and adopts it.
    fs.writeFileSync(
      path.join(dir, "Pulumi.yaml"),
      fs.readFileSync(path.join(dir, "Pulumi.yaml"), "utf8").replace("create: 2s", "create: 5m"),
    );
    const retried = await world.cli.run(dir, ["up", "--yes"]);
    expect(retried.stdout).toMatch(/adopting/);
    const lookups = staging.snapshot().actions.filter((a) => a.name === "Lookup");
    expect(lookups).toHaveLength(1);
    await world.cli.run(dir, ["preview", "--expect-no-changes"]);
    await world.cli.run(dir, ["destroy", "--yes"]);
  });
});
