import * as fs from "fs";
import * as path from "path";
import { startHarness, type Harness } from "../helpers/engineHarness";
import { programAt, runCli, runNode, type CliResult } from "./cli";

jest.setTimeout(120_000);

const writes = (h: Harness) => h.emulator.log.filter((e) => e.method !== "GET").map((e) => `${e.method} ${e.path}`);

async function call(h: Harness, method: string, route: string, body: unknown): Promise<any> {
  const res = await fetch(h.emulator.url + route, {
    method,
    headers: { Authorization: `Bearer ${h.emulator.apiKey}`, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${route}: HTTP ${res.status}`);
  return res.json();
}

/**
 * Skills in the export round trip: `--all-skills` and `--skill <id>` write Skill declarations with adoptId,
 * the slug and every field as Langdock has it (an exported integration by reference); the program compiles,
 * and its first up adopts every skill without a write.
 */
describe("pulumi-langdock export of skills", () => {
  let h: Harness;
  let out: string;
  let result: CliResult;
  let ids: { crm: string; other: string; faq: string; triage: string };
  let before: unknown;

  beforeAll(async () => {
    h = await startHarness();
    const crm = (await call(h, "POST", "/integrations/v1/create", { name: "CRM" })).integration.id;
    const other = (await call(h, "POST", "/integrations/v1/create", { name: "Other" })).integration.id;
    const faq = (
      await call(h, "POST", "/skills/v1", {
        name: "FAQ",
        instructions: "Answer from the handbook.\nCite `sections`.",
        integrationIds: [crm, other],
      })
    ).skill.id;
    const triage = (
      await call(h, "POST", "/skills/v1", {
        name: "Ticket triage",
        slug: "triage",
        description: "Triage tickets",
        instructions: "Label tickets.",
      })
    ).skill.id;
    ids = { crm, other, faq, triage };
    out = path.join(h.dir, "exported-skills");
    fs.rmSync(out, { recursive: true, force: true });
    h.emulator.resetLog();
    before = h.emulator.snapshot();
    result = await runCli(["export", "--integration", crm, "--all-skills", "--skill", faq, "--out", out], {
      LANGDOCK_API_KEY: h.emulator.apiKey,
      LANGDOCK_BASE_URL: h.emulator.url,
    });
  });
  afterAll(() => h?.stop());

  it("lists the skills once, and writes each with adoptId, its slug and its integrations", () => {
    expect(result.code).toBe(0);
    expect(writes(h)).toEqual([]);
    expect(result.stderr).toContain("Listing skills…\n  2 skills found");
    expect(result.stdout).toContain("Exported 1 integration, 0 actions, 0 triggers, 0 agents, 2 skills");
    const program = fs.readFileSync(path.join(out, "index.ts"), "utf8");
    expect(program).toContain('import { Integration, Skill } from "pulumi-langdock";');
    expect(program).toContain(
      [
        'const faq = new Skill("faq", {',
        `  adoptId: "${ids.faq}",`,
        '  name: "FAQ",',
        '  slug: "faq",',
        "  instructions: `Answer from the handbook.\\nCite \\`sections\\`.`,".replace("\\n", "\n"),
        "  integrationIds: [",
        "    crm.id,",
        "    // integration not part of this export: its id stays literal",
        `    "${ids.other}",`,
        "  ],",
        "});",
      ].join("\n"),
    );
    expect(program).toContain('const ticketTriage = new Skill("ticket-triage", {');
    expect(program).toContain('  slug: "triage",\n  description: "Triage tickets",');
  });

  it("compiles, and its first up adopts every skill without a write; the next preview shows no change", async () => {
    await runNode([require.resolve("typescript/bin/tsc"), "-p", "tsconfig.json"], out);
    h.emulator.resetLog();
    const up = await h.engine.up(programAt(out));
    expect(up.steps.map((s) => s.op)).toEqual(["create", "create", "create"]);
    expect(writes(h)).toEqual([]);
    expect(h.emulator.snapshot()).toEqual(before);
    const preview = await h.engine.preview(programAt(out));
    expect(preview.steps.filter((s) => s.op !== "same")).toEqual([]);
  });

  it("a skill id that does not exist fails the export with one sentence, writing nothing", async () => {
    const missing = "5b0a4f7e-9c1d-4e2f-8a3b-6c7d8e9f0a1b";
    const target = path.join(h.dir, "exported-missing");
    fs.rmSync(target, { recursive: true, force: true });
    const failed = await runCli(["export", "--skill", missing, "--out", target], {
      LANGDOCK_API_KEY: h.emulator.apiKey,
      LANGDOCK_BASE_URL: h.emulator.url,
    });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(
      `pulumi-langdock export: Skill ${missing} does not exist in this Langdock workspace (HTTP 404: Skill not found); check the id.`,
    );
    expect(fs.existsSync(target)).toBe(false);
  });
});
