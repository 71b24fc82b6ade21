import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { LangdockClient } from "../../provider/client";
import { createSkill } from "../../provider/client/skills";
import { DEFAULT_SETTINGS } from "../../provider/config";
import { LangdockEmulator } from "../../provider/emulator";
import { processState } from "../../provider/base/processState";
import { checkInputs } from "../../provider/common/schema";
import { skillCrud } from "../../provider/skill/crud";
import { skillSchema, type PreparedSkillInputs } from "../../provider/skill/schema";
import type { Context } from "../../provider/common/crud";

/** The error `operation` rejects with (fails the test when it resolves). */
async function rejection(operation: Promise<unknown>): Promise<Error> {
  return operation.then(
    () => {
      throw new Error("expected the operation to fail, but it succeeded");
    },
    (err: Error) => err,
  );
}

/** The Skill CRUD's rarer outcomes, against the emulator with injected faults. */
describe("Skill CRUD", () => {
  let emulator: LangdockEmulator;
  let ctx: Context & { warnings: string[] };
  let dir: string;
  const cwd = process.cwd();

  beforeEach(async () => {
    processState.reset();
    emulator = await LangdockEmulator.start();
    const client = new LangdockClient({ ...DEFAULT_SETTINGS, apiKey: emulator.apiKey, baseUrl: emulator.url, maxRetries: 0 });
    const warnings: string[] = [];
    ctx = { client, warn: (m) => warnings.push(m), warnings };
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "skill-crud-"));
    process.chdir(dir);
  });
  afterEach(async () => {
    process.chdir(cwd);
    fs.rmSync(dir, { recursive: true, force: true });
    processState.reset();
    await emulator.close();
  });

  const folder = (body = "Label tickets.") => {
    fs.mkdirSync(path.join(dir, "triage"), { recursive: true });
    fs.writeFileSync(path.join(dir, "triage", "SKILL.md"), `---\nname: Triage\ndescription: Triage tickets\n---\n${body}\n`);
    const { inputs, failures } = checkInputs(skillSchema, { source: "triage" });
    expect(failures).toEqual([]);
    return inputs as PreparedSkillInputs;
  };

  it("a create Langdock never confirms, with no skill of that slug found each time, is sent three times, then fails saying nothing was created", async () => {
    emulator.faults.failNext({ status: 500, count: 3, match: { method: "POST", path: "/skills/v1" } });
    const err = await rejection(skillCrud.create(ctx, { name: "FAQ", instructions: "x" }));
    expect(err.message).toBe(
      'Langdock did not confirm the create of skill "FAQ" 3 times (Langdock rejected POST /skills/v1 with HTTP 500: Internal Server Error — Langdock had a server error; run `pulumi up` again later); none exists in the workspace, so nothing was created: run pulumi up again later.',
    );
    expect(emulator.count({ method: "POST", path: "/skills/v1" })).toBe(3);
    // One look by slug before the first POST (what held the slug before), then a fresh look after each attempt.
    expect(emulator.log.filter((e) => e.method === "GET").map((e) => e.query.slug)).toEqual(["faq", "faq", "faq", "faq"]);
    expect(emulator.snapshot().skills).toEqual([]);
  });

  it("a folder changed after check is refused before any write", async () => {
    const inputs = folder();
    fs.writeFileSync(path.join(dir, "triage", "notes.md"), "added after the preview");
    const err = await rejection(skillCrud.create(ctx, inputs));
    expect(err.message).toBe('source: "triage" changed while pulumi up was running; run pulumi up again to import the current version.');
    // The slug's look-up before the create may run; nothing is written.
    expect(emulator.log.filter((e) => e.method !== "GET")).toEqual([]);
  });

  it("an upsert that answers with another skill fails naming both, keeping the state's skill", async () => {
    const inputs = folder();
    const { id, outs } = await skillCrud.create(ctx, inputs);
    const changed = folder("Label and route tickets.");
    const other = "9d4c2b1a-0e3f-4a5b-8c7d-6e5f4a3b2c1d";
    emulator.faults.garbleAfterCommit({
      match: { method: "POST", path: "/skills/v1/import" },
      body: (real) => JSON.stringify({ ...(real as object), skill: { ...(real as { skill: object }).skill, id: other } }),
    });
    const err = await rejection(skillCrud.update(ctx, id, outs, changed));
    expect(err.message).toBe(
      `source: Langdock's import (mode upsert, slug "triage") updated skill ${other} instead of skill ${id}, which this resource manages; check both in Langdock, delete the one you do not want, and run pulumi refresh, then pulumi up.`,
    );
    expect((err as unknown as { id: string }).id).toBe(id);
  });

  it("a slug another resource of this run already holds is not adopted twice", async () => {
    const client = ctx.client;
    const made = await createSkill(client, { name: "FAQ", instructions: "x" });
    const first = await skillCrud.create(ctx, { name: "FAQ", instructions: "x" });
    expect(first.id).toBe(made.id);
    const err = await rejection(skillCrud.create(ctx, { name: "FAQ", instructions: "x" }));
    expect(err.message).toBe(
      `slug: another skill of this program already manages skill ${made.id} (slug "faq"); give each skill its own slug (HTTP 409).`,
    );
  });

  it("delete of a skill already gone succeeds; read of it is GONE", async () => {
    const { id } = await skillCrud.create(ctx, { name: "FAQ", instructions: "x" });
    emulator.deleteSkill(id);
    await expect(skillCrud.delete(ctx, id, {})).resolves.toBeUndefined();
    await expect(skillCrud.read(ctx, id, {})).resolves.toEqual({ id: "" });
  });

  it("an update with nothing Langdock holds changed makes no call", async () => {
    const { id, outs } = await skillCrud.create(ctx, { name: "FAQ", instructions: "x", integrationIds: [] });
    emulator.resetLog();
    const { outs: after } = await skillCrud.update(ctx, id, outs, { name: "FAQ", instructions: "x  \n" });
    expect(emulator.log).toEqual([]);
    expect(after).toMatchObject({ name: "FAQ", instructions: "x", slug: "faq" });
  });
});

describe("Skill errors from Langdock", () => {
  it("a 403 for the missing SKILL_API scope names it and where to add it, never another kind's scope", async () => {
    const emulator = await LangdockEmulator.start({ scopes: ["INTEGRATION_API"] });
    try {
      const client = new LangdockClient({ ...DEFAULT_SETTINGS, apiKey: emulator.apiKey, baseUrl: emulator.url, maxRetries: 0 });
      const err = await rejection(createSkill(client, { name: "FAQ", instructions: "x" }));
      expect(err.message).toBe(
        "Langdock rejected POST /skills/v1 with HTTP 403: the API key lacks the scope SKILL_API — add SKILL_API to the API key's scopes in its settings in Langdock (or use a key that has it).",
      );
      expect(err.message).not.toContain(emulator.apiKey);
    } finally {
      await emulator.close();
    }
  });

  it("another 403 names the SKILL_API scope and the skill permissions", async () => {
    const emulator = await LangdockEmulator.start();
    try {
      emulator.faults.failNext({
        status: 403,
        body: JSON.stringify({ message: "Forbidden" }),
        match: { method: "POST", path: "/skills/v1" },
      });
      const client = new LangdockClient({ ...DEFAULT_SETTINGS, apiKey: emulator.apiKey, baseUrl: emulator.url, maxRetries: 0 });
      const err = await rejection(createSkill(client, { name: "FAQ", instructions: "x" }));
      expect(err.message).toMatch(/^Langdock rejected POST \/skills\/v1 with HTTP 403: .*/);
      expect(err.message).toContain(
        "give the API key the SKILL_API scope in Langdock's workspace settings; the key's user also needs the createSkills permission to create a skill, editor access to change one and owner access to delete one",
      );
      expect(err.message).not.toContain(emulator.apiKey);
    } finally {
      await emulator.close();
    }
  });
});
