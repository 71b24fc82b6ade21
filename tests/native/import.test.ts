import * as fs from "fs";
import * as path from "path";
import { LangdockClient } from "../../provider/client";
import { DEFAULT_SETTINGS } from "../../provider/config";
import { runExport } from "../../provider/export";
import { describeWithYaml, initStack, nativeSuite } from "./cliWorld";

/**
 * `pulumi import` through the real CLI: objects built by hand in Langdock (an integration, an action on
 * it, an agent using the action) are read by the native plugin, the CLI writes Pulumi YAML for them, and
 * that code then previews with no change and manages them.
 */
describeWithYaml("pulumi import of hand-built objects", () => {
  jest.setTimeout(300_000);
  const suite = nativeSuite();

  it("imports an integration, an action and an agent, and the generated code previews clean", async () => {
    const client = new LangdockClient({ ...DEFAULT_SETTINGS, apiKey: suite.emulator.apiKey, baseUrl: suite.emulator.url });
    const integration = await client.createIntegration({ name: "Hand CRM", description: "Built in the UI" });
    const action = await client.createAction(integration.id, {
      name: "Find order",
      description: "Finds an order by number",
      code: "return { order: data.input.number };",
      requiresConfirmation: true,
      inputFields: [{ label: "Order number", type: "NUMBER", required: true }],
    });
    const agent = await client.createAgent({
      name: "Orders",
      instruction: "Help with orders.",
      creativity: 0.5,
      actions: [{ actionId: action.id, requiresConfirmation: false }],
      conversationStarters: ["Where is order 42?"],
      webSearch: true,
    });

    const dir = suite.world.project("name: imported\nruntime: yaml\n");
    await initStack(suite.world.cli, dir, "dev", suite.emulator);
    const importFile = path.join(dir, "import.json");
    fs.writeFileSync(
      importFile,
      JSON.stringify({
        resources: [
          { type: "langdock:index:Integration", name: "crm", id: integration.id },
          { type: "langdock:index:Action", name: "findOrder", id: `${integration.id}/${action.id}` },
          { type: "langdock:index:Agent", name: "orders", id: agent.id },
        ],
      }),
    );
    const code = path.join(dir, "imported.yaml");
    suite.emulator.resetLog();
    await suite.world.cli.run(dir, ["import", "--file", importFile, "--yes", "--out", code]);
    expect(suite.emulator.log.filter((e) => e.method !== "GET")).toEqual([]);

    const generated = fs.readFileSync(code, "utf8");
    // The CLI links what it imported together: the action names the imported integration, the agent the action.
    expect(generated).toContain("type: langdock:Action");
    expect(generated).toContain("integrationId: ${crm.id}");
    expect(generated).toContain("- actionId: ${findOrder.id}");
    expect(generated).toContain("description: Finds an order by number");
    fs.appendFileSync(path.join(dir, "Pulumi.yaml"), generated);

    const state = JSON.parse((await suite.world.cli.run(dir, ["stack", "export"])).stdout);
    const ids = state.deployment.resources
      .filter((r: { type: string }) => r.type.startsWith("langdock:index:"))
      .map((r: { id: string }) => r.id);
    expect(ids.sort()).toEqual([integration.id, action.id, agent.id].sort());

    await suite.world.cli.run(dir, ["preview", "--expect-no-changes"]);
    await suite.world.cli.run(dir, ["refresh", "--yes", "--expect-no-changes"]);
    expect(suite.emulator.log.filter((e) => e.method !== "GET")).toEqual([]);
  });

  it("imports what pulumi-langdock export lists in its import file, and the code previews clean", async () => {
    const client = new LangdockClient({ ...DEFAULT_SETTINGS, apiKey: suite.emulator.apiKey, baseUrl: suite.emulator.url });
    const integration = await client.createIntegration({ name: "Billing", description: "Invoices" });
    await client.createAction(integration.id, { name: "Find invoice", code: "return 1;", requiresConfirmation: false, inputFields: [] });
    const agent = await client.createAgent({ name: "Billing helper", instruction: "Help with invoices." });

    const dir = suite.world.project("name: exported\nruntime: yaml\n");
    const importFile = path.join(dir, "import.json");
    const lines: string[] = [];
    const io = {
      out: (l: string) => lines.push(l),
      err: (l: string) => lines.push(l),
      env: { LANGDOCK_API_KEY: suite.emulator.apiKey, LANGDOCK_BASE_URL: suite.emulator.url },
    };
    const args = ["--integration", integration.id, "--agent", agent.id, "--out", path.join(dir, "typescript"), "--import-file", importFile];
    expect(await runExport(args, io)).toBe(0);
    expect(lines).toContainEqual(`Or, with the native plugin (any language): pulumi import --file ${importFile} --out <program file>`);
    const listed = JSON.parse(fs.readFileSync(importFile, "utf8")) as { resources: { type: string; id: string }[] };
    expect(listed.resources.map((r) => r.type)).toEqual(["langdock:index:Integration", "langdock:index:Action", "langdock:index:Agent"]);

    await initStack(suite.world.cli, dir, "dev", suite.emulator);
    const code = path.join(dir, "imported.yaml");
    await suite.world.cli.run(dir, ["import", "--file", importFile, "--yes", "--out", code]);
    fs.appendFileSync(path.join(dir, "Pulumi.yaml"), fs.readFileSync(code, "utf8"));
    suite.emulator.resetLog();
    await suite.world.cli.run(dir, ["preview", "--expect-no-changes"]);
    expect(suite.emulator.log.filter((e) => e.method !== "GET")).toEqual([]);
  });
});
