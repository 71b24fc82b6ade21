import * as fs from "fs";
import * as path from "path";
import { installPackage } from "../../tooling/installPackage";
import { planOf } from "../../tooling/pulumiCli";
import { describeWithCli, startWorld, type CliWorld } from "./cliSuite";

/**
 * A stack 0.1.0 created, upgraded: its real state (tests/compat/fixtures/state-0.1.0.json: every
 * `__provider` is the text 0.1.0's serialization wrote) goes in with `pulumi stack import`, then the
 * current package previews with no change (no `__provider` churn), refreshes and destroys.
 */
const FIXTURE = path.join(__dirname, "..", "compat", "fixtures", "state-0.1.0.json");
const OLD_SHELL = /require\("pulumi-langdock\/shells\/\w+"\)/;

/** The program 0.1.0's state came from (tests/compat/state-0.1.0.test.ts). */
const PROGRAM = `const { Action, Agent, Integration, Trigger } = require("pulumi-langdock");
const integration = new Integration("crm", { name: "CRM", description: "Customer data" });
const action = new Action("find", {
  integrationId: integration.id,
  name: "Find customer",
  description: "Finds a customer",
  code: "return { ok: true };",
  inputFields: [{ label: "Email", required: true }],
});
new Trigger("new-customer", { integrationId: integration.id, name: "New customer", pollingCode: "return [];" });
new Agent("helper", { name: "Helper", instruction: "Help.", actions: [{ actionId: action.id }] });
`;

describeWithCli("a stack created by 0.1.0, after the upgrade, on the real CLI", () => {
  jest.setTimeout(240_000);
  let world: CliWorld;
  let dir: string;

  beforeAll(async () => {
    world = await startWorld();
    dir = path.join(installPackage(), "e2e-upgrade");
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir);
    fs.writeFileSync(
      path.join(dir, "Pulumi.yaml"),
      "name: consumer\nruntime:\n  name: nodejs\n  options:\n    typescript: false\nmain: index.js\n",
    );
    fs.writeFileSync(path.join(dir, "index.js"), PROGRAM);
  });
  afterAll(async () => {
    await world?.stop();
  });

  it("previews with no change, refreshes and destroys", async () => {
    const pulumi = await world.initStack(dir, "test");
    // The objects 0.1.0 created, in Langdock; then the state 0.1.0 wrote for them, imported.
    await pulumi("up", "--yes");
    const exported = JSON.parse((await pulumi("stack", "export")).stdout);
    const fixture = JSON.parse(fs.readFileSync(FIXTURE, "utf8")).state as Record<string, any>;
    const old = Object.fromEntries(Object.values(fixture).map((r: any) => [r.name, r]));
    const ids: Record<string, string> = {};
    for (const res of exported.deployment.resources) {
      const name = res.urn.split("::").pop();
      if (!res.type.startsWith("pulumi-nodejs:dynamic/") || !old[name]) continue;
      ids[name] = res.id;
      const substitute = (props: Record<string, unknown>) =>
        JSON.parse(
          JSON.stringify(props).replace(
            /<id of ([^>]+)>/g,
            (_, n: string) => ids[n] ?? exported.deployment.resources.find((r: any) => r.urn.endsWith(`::${n}`)).id,
          ),
        );
      res.inputs = substitute(old[name].inputs);
      res.outputs = { ...substitute(old[name].outputs), createdAt: res.outputs.createdAt, updatedAt: res.outputs.updatedAt };
      expect(res.outputs.__provider).toMatch(OLD_SHELL);
    }
    expect(Object.keys(ids).sort()).toEqual(["crm", "find", "helper", "new-customer"]);
    const file = path.join(world.cli.home, "state-0.1.0.json");
    fs.writeFileSync(file, JSON.stringify(exported));
    await pulumi("stack", "import", "--file", file);

    // The upgraded package's new `__provider` text is not a change.
    world.emulator.resetLog();
    const preview = await world.cli.json(dir, ["preview"]);
    expect(planOf(preview).filter((s) => !s.startsWith("same "))).toEqual([]);
    await pulumi("preview", "--expect-no-changes");

    // Refresh and destroy load the provider from 0.1.0's stored text.
    await pulumi("refresh", "--yes");
    await pulumi("preview", "--expect-no-changes");
    expect(world.writes()).toEqual([]);
    await pulumi("destroy", "--yes");
    const after = world.emulator.snapshot();
    expect(after.actions.map((a) => a.id)).not.toContain(ids.find);
    expect(after.triggers.map((t) => t.id)).not.toContain(ids["new-customer"]);
    expect(after.agents.find((a) => a.id === ids.helper)).toMatchObject({ disabled: true });
    await pulumi("stack", "rm", "--yes");
  });
});
