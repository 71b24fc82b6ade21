import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { LangdockClient } from "../../provider/client";
import { runExport } from "../../provider/export";
import { readWorkspace } from "../../provider/export/read";
import { startRuntime, type RuntimeHarness } from "../helpers/runtime";

/** `--all-integrations` leaves out what an earlier `pulumi destroy` left behind in Langdock, and says so. */
describe("export --all-integrations and integrations removed by Pulumi", () => {
  let h: RuntimeHarness;
  let tmp: string;
  let keptId: string;
  let removedId: string;
  beforeAll(async () => {
    h = await startRuntime();
    keptId = (await h.create("Integration", { name: "CRM", description: "Customer records" })).id;
    // A real destroy: Langdock cannot delete integrations, so the provider marks the description.
    const old = await h.create("Integration", { name: "Old CRM", description: "Retired" });
    await h.runtime.delete("Integration", old.id, old.outs);
    removedId = old.id;
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "langdock-export-removed-"));
  });
  afterAll(async () => {
    await h?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  async function exportTo(name: string, args: string[]) {
    const out = path.join(tmp, name);
    const stdout: string[] = [];
    const stderr: string[] = [];
    const io = { out: (l: string) => stdout.push(l), err: (l: string) => stderr.push(l), env: {} };
    const code = await runExport([...args, "--api-key", h.emulator.apiKey, "--base-url", h.emulator.url, "--out", out], io);
    return { code, stdout, stderr, program: fs.existsSync(out) ? fs.readFileSync(path.join(out, "index.ts"), "utf8") : "" };
  }

  const note = () =>
    `note: integration "Old CRM" (${removedId}) is not exported: its description starts with "[removed by Pulumi]", so an earlier pulumi destroy left it in Langdock (which cannot delete integrations); pass --integration ${removedId} to export it anyway.`;

  it("skips the removed one without reading it, and tells how to include it", async () => {
    expect(h.emulator.snapshot().integrations.find((i: { id: string }) => i.id === removedId).description).toBe(
      "[removed by Pulumi] Retired",
    );
    h.emulator.resetLog();
    const result = await exportTo("all", ["--all-integrations"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toEqual([
      "Listing integrations…",
      "  2 integrations found, 1 of them removed by an earlier pulumi destroy (skipped)",
      `Reading integration ${keptId}…`,
      '  "CRM": 0 actions, 0 triggers',
      note(),
    ]);
    expect(h.emulator.log.map((e) => `${e.method} ${e.path}`)).toEqual(["GET /integrations/v1/get", `GET /integrations/v1/${keptId}`]);
    expect(result.stdout[0]).toMatch(/^Exported 1 integration, 0 actions, 0 triggers, 0 agents to /);
    expect(result.program).toContain(`adoptId: "${keptId}"`);
    expect(result.program).not.toContain(removedId);
    expect(result.program).not.toContain("Old CRM");
  });

  it("an id passed explicitly is exported, with --all-integrations too, and no note", async () => {
    const result = await exportTo("explicit", ["--all-integrations", "--integration", removedId]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("  2 integrations found");
    expect(result.stderr.filter((l) => l.startsWith("note:"))).toEqual([]);
    expect(result.program).toContain(`adoptId: "${removedId}"`);
    expect(result.program).toContain('description: "[removed by Pulumi] Retired",');
    expect(result.program).toContain(`adoptId: "${keptId}"`);
  });

  it("a list answer without descriptions: the detail's description decides", async () => {
    const client = {
      listIntegrations: async () => [
        { id: keptId, name: "CRM" },
        { id: removedId, name: "Old CRM" },
      ],
      getIntegration: async (id: string) =>
        id === removedId
          ? { id, name: "Old CRM", description: "[removed by Pulumi] Retired" }
          : { id, name: "CRM", description: "Customer records" },
    } as unknown as LangdockClient;
    const progress: string[] = [];
    const workspace = await readWorkspace(client, { integrations: [], allIntegrations: true, agents: [] }, (l) => progress.push(l));
    expect(workspace.integrations.map((i) => i.id)).toEqual([keptId]);
    expect(workspace.removed).toEqual([{ id: removedId, name: "Old CRM" }]);
    expect(progress).toContain('  "Old CRM": removed by an earlier pulumi destroy (skipped)');
  });
});

describe("export --all-integrations and Langdock's own (catalog) integrations", () => {
  it("lists them but never exports them", async () => {
    const h = await startRuntime({ catalogIntegrations: ["Google Drive"] });
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "langdock-export-catalog-"));
    try {
      await h.create("Integration", { name: "CRM" });
      const listed = await fetch(`${h.emulator.url}/integrations/v1/get`, { headers: { authorization: `Bearer ${h.emulator.apiKey}` } });
      expect(((await listed.json()) as { integrations: { name: string }[] }).integrations.map((i) => i.name)).toEqual([
        "Google Drive",
        "CRM",
      ]);
      const out = path.join(tmp, "out");
      const io = { out: () => undefined, err: () => undefined, env: {} };
      const code = await runExport(["--all-integrations", "--api-key", h.emulator.apiKey, "--base-url", h.emulator.url, "--out", out], io);
      expect(code).toBe(0);
      const program = fs.readFileSync(path.join(out, "index.ts"), "utf8");
      expect(program).toContain('name: "CRM"');
      expect(program).not.toContain("Google Drive");
    } finally {
      await h.stop();
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
