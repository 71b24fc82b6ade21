import * as fs from "fs";
import * as path from "path";
import { DEFAULT_MODELS } from "../../provider/emulator";
import { planOf } from "../../tooling/pulumiCli";
import { REPO_ROOT } from "../e2e/cliSuite";
import { describeWithYaml, initStack, nativeSuite } from "./cliWorld";

/** examples/native-yaml through the real CLI and pulumi-language-yaml: the native plugin's whole lifecycle. */
describeWithYaml("a Pulumi YAML program on the native plugin", () => {
  jest.setTimeout(300_000);
  const suite = nativeSuite();
  const example = fs.readFileSync(path.join(REPO_ROOT, "examples", "native-yaml", "Pulumi.yaml"), "utf8");
  const writes = () => suite.emulator.log.filter((e) => e.method !== "GET").map((e) => `${e.method} ${e.path}`);

  it("previews, deploys, previews and refreshes clean, sees drift, keeps the key secret, and destroys", async () => {
    const dir = suite.world.project(example);
    const run = (...args: string[]) => suite.world.cli.run(dir, args);
    await initStack(suite.world.cli, dir, "dev", suite.emulator);

    suite.emulator.resetLog();
    const preview = await suite.world.cli.json(dir, ["preview"]);
    expect(planOf(preview)).toEqual(["create crm", "create lookupCustomer", "create support"]);
    expect(writes()).toEqual([]);

    await run("up", "--yes");
    const outputs = JSON.parse((await run("stack", "output", "--json")).stdout) as Record<string, string>;
    expect(outputs.models).toEqual(DEFAULT_MODELS);
    const held = suite.emulator.snapshot();
    expect(held.integrations.map((i) => i.id)).toEqual([outputs.integrationId]);
    expect(held.actions.map((a) => [a.id, a.integrationId, a.name])).toEqual([
      [outputs.actionId, outputs.integrationId, "Lookup customer"],
    ]);
    expect(held.agents.map((a) => [a.id, a.name, a.actions.map((x: { actionId: string }) => x.actionId)])).toEqual([
      [outputs.agentId, "Support assistant", [outputs.actionId]],
    ]);

    suite.emulator.resetLog();
    await run("preview", "--expect-no-changes");
    await run("refresh", "--yes", "--expect-no-changes");
    expect(writes()).toEqual([]);

    // A change made in Langdock shows as drift, and `up --refresh` puts the program's value back.
    suite.emulator.editAction(outputs.actionId, { description: "edited in the UI" });
    const drift = await suite.world.cli.run(dir, ["preview", "--refresh", "--expect-no-changes"], { allowFailure: true });
    expect(drift.code).not.toBe(0);
    await run("up", "--refresh", "--yes");
    expect(suite.emulator.snapshot().actions[0].description).toBe("Finds a customer by email address");

    // One program change previews as exactly that update.
    fs.writeFileSync(
      path.join(dir, "Pulumi.yaml"),
      fs.readFileSync(path.join(dir, "Pulumi.yaml"), "utf8").replace("Customer records", "All customers"),
    );
    const change = await suite.world.cli.json(dir, ["preview", "--diff"]);
    expect(planOf(change)).toEqual(["update crm"]);
    const step = change.steps.find((s: { op: string }) => s.op === "update");
    expect(step).toMatchObject({ diffReasons: ["description"], detailedDiff: { description: { kind: "update", inputDiff: true } } });
    suite.emulator.resetLog();
    await run("up", "--yes");
    expect(writes()).toEqual([expect.stringMatching(/^PATCH \/integrations\/v1\//)]);

    const state = (await run("stack", "export")).stdout;
    expect(state).not.toContain(suite.emulator.apiKey);

    await run("destroy", "--yes");
    const gone = suite.emulator.snapshot();
    expect(gone.actions).toEqual([]);
    expect(gone.agents.every((a) => a.disabled)).toBe(true);
    expect(gone.integrations[0].description).toContain("[removed by Pulumi]");
  });
});
