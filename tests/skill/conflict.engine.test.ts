import { LangdockClient } from "../../provider/client";
import { createSkill } from "../../provider/client/skills";
import { DEFAULT_SETTINGS } from "../../provider/config";
import { engineError, opsOf, startHarness, type Harness } from "../helpers/engineHarness";
import { freshDir, writeFile, WRITES } from "../knowledge/files";

/**
 * Slugs are unique in Langdock: a create whose slug is taken adopts only a verifiably identical skill,
 * otherwise fails naming it and adoptId, and never overwrites it. adoptId takes a skill over.
 */
describe("Skill slug conflicts and adoption through the provider host", () => {
  let h: Harness;
  let ui: LangdockClient;
  const writes = () => h.emulator.log.filter((e) => WRITES.test(e.method)).map((e) => `${e.method} ${e.path}`);
  const skills = () => h.emulator.snapshot().skills;

  beforeEach(async () => {
    h = await startHarness();
    ui = new LangdockClient({ ...DEFAULT_SETTINGS, apiKey: h.emulator.apiKey, baseUrl: h.emulator.url });
  });
  afterEach(async () => {
    await h?.stop();
  });

  const inline =
    (args: Record<string, unknown> = {}) =>
    () => {
      const skill = new h.langdock.Skill("faq", {
        name: "FAQ",
        slug: "faq",
        description: "Answers product questions",
        instructions: "Answer from the handbook.",
        ...args,
      });
      return { id: skill.id };
    };

  it("a taken slug held by an identical skill is adopted, with a warning and without a write", async () => {
    const made = await createSkill(ui, {
      name: "FAQ",
      slug: "faq",
      description: "Answers product questions",
      instructions: "Answer from the handbook.\n",
    });
    h.emulator.resetLog();
    const up = await h.engine.up(inline());
    expect(up.outputs.id).toBe(made.id);
    expect(writes()).toEqual(["POST /skills/v1"]);
    expect(up.warnings.join("\n")).toContain(
      `skill "FAQ" was found in Langdock after HTTP 409 (slug "faq"), identical to this program; adopting ${made.id} instead of creating a duplicate.`,
    );
    expect(skills()).toHaveLength(1);
  });

  it("a taken slug held by a different skill fails naming it and adoptId; nothing is overwritten", async () => {
    const made = await createSkill(ui, { name: "FAQ", slug: "faq", instructions: "Someone else's instructions." });
    h.emulator.resetLog();
    const err = await engineError(h.engine.up(inline()));
    expect(err.failures.map((f) => f.message)).toEqual([
      `slug: skill slug "faq" is already taken in Langdock by skill ${made.id}, which differs from this program in description, instructions (HTTP 409); set another slug, delete that skill in Langdock, or set adoptId: "${made.id}" to take it over.`,
    ]);
    expect(writes()).toEqual(["POST /skills/v1"]);
    expect(skills()).toEqual([expect.objectContaining({ id: made.id, instructions: "Someone else's instructions.", description: "" })]);
  });

  it("a folder whose derived slug is taken by a different skill names SKILL.md as the thing to change", async () => {
    const made = await createSkill(ui, { name: "Ticket triage", instructions: "Other." });
    const dir = freshDir(h.dir, "skills/conflict");
    writeFile(dir, "SKILL.md", "---\nname: Ticket triage\ndescription: Triage tickets\n---\nLabel tickets.\n");
    const err = await engineError(h.engine.up(() => new h.langdock.Skill("triage", { source: "skills/conflict" })));
    expect(err.failures.map((f) => f.message)).toEqual([
      `slug: skill slug "ticket-triage" is already taken in Langdock by skill ${made.id}, which differs from this program in description, instructions (HTTP 409); change the name in the SKILL.md, delete that skill in Langdock, or set adoptId: "${made.id}" to take it over.`,
    ]);
  });

  it("a create whose answer was lost is found by its slug and adopted, never created twice", async () => {
    h.emulator.faults.dropAfterCommit({ match: { method: "POST", path: "/skills/v1" } });
    const up = await h.engine.up(inline());
    expect(skills()).toEqual([expect.objectContaining({ id: up.outputs.id, slug: "faq" })]);
    expect(writes()).toEqual(["POST /skills/v1"]);
    expect(up.warnings.join("\n")).toContain(`skill "FAQ" was found in Langdock after an interrupted create (slug "faq")`);
  });

  it("a folder skill found identical after HTTP 409 is adopted and its files imported into it", async () => {
    const made = await createSkill(ui, { name: "Ticket triage", description: "Triage tickets", instructions: "Label tickets." });
    const dir = freshDir(h.dir, "skills/same");
    writeFile(dir, "SKILL.md", "---\nname: Ticket triage\ndescription: Triage tickets\n---\nLabel tickets.\n");
    writeFile(dir, "areas.md", "Billing\n");
    h.emulator.resetLog();
    const up = await h.engine.up(() => ({ id: new h.langdock.Skill("triage", { source: "skills/same" }).id }));
    expect(up.outputs.id).toBe(made.id);
    expect(writes()).toEqual(["POST /skills/v1/import", "POST /skills/v1/import"]);
    expect(
      h.emulator.log.filter((e) => e.method === "POST").map((e) => [e.status, (e.body as { fields: { mode: string } }).fields.mode]),
    ).toEqual([
      [409, "create"],
      [200, "upsert"],
    ]);
    expect(skills()).toEqual([
      expect.objectContaining({
        id: made.id,
        files: [expect.objectContaining({ path: "SKILL.md" }), expect.objectContaining({ path: "areas.md" })],
      }),
    ]);
  });

  it("adoptId takes a skill over: the preview lists the changes, the up PATCHes only those, and destroy deletes it", async () => {
    const made = await createSkill(ui, { name: "FAQ", slug: "faq", description: "Old", instructions: "Answer from the handbook." });
    const program = inline({ adoptId: made.id });
    const preview = await h.engine.preview(program);
    expect(preview.warnings.join("\n")).toContain(
      `adopting skill "FAQ" (adoptId ${made.id}): the first pulumi up will change 1 property in Langdock to match the program (set them in the program to keep Langdock's values): description: "Old" → "Answers product questions".`,
    );
    h.emulator.resetLog();
    const up = await h.engine.up(program);
    expect(up.outputs.id).toBe(made.id);
    expect(h.emulator.log.filter((e) => WRITES.test(e.method)).map((e) => [e.method, e.body])).toEqual([
      ["PATCH", { description: "Answers product questions" }],
    ]);
    expect(opsOf((await h.engine.preview(program)).steps)).toEqual(["same faq"]);
    await h.engine.destroy();
    expect(skills()).toEqual([]);
  });

  it("adoptId with a source previews the import of its files, and the up imports them into the adopted skill", async () => {
    const made = await createSkill(ui, { name: "Ticket triage", description: "Triage tickets", instructions: "Label tickets." });
    const dir = freshDir(h.dir, "skills/adopted");
    writeFile(dir, "SKILL.md", "---\nname: Ticket triage\ndescription: Triage tickets\n---\nLabel tickets.\n");
    writeFile(dir, "areas.md", "Billing\n");
    const program = () => ({ id: new h.langdock.Skill("triage", { source: "skills/adopted", adoptId: made.id }).id });
    const preview = await h.engine.preview(program);
    expect(preview.warnings.join("\n")).toContain(
      `adopting skill "Ticket triage" (adoptId ${made.id}): the first pulumi up will change 1 property in Langdock to match the program (set them in the program to keep Langdock's values): source: (not returned by Langdock, cannot be compared) → "skills/adopted".`,
    );
    h.emulator.resetLog();
    const up = await h.engine.up(program);
    expect(up.outputs.id).toBe(made.id);
    expect(writes()).toEqual(["POST /skills/v1/import"]);
    expect(skills()).toEqual([
      expect.objectContaining({ id: made.id, files: [expect.anything(), expect.objectContaining({ path: "areas.md" })] }),
    ]);
    expect(opsOf((await h.engine.preview(program)).steps)).toEqual(["same triage"]);
  });

  it("adoptId naming no skill fails at check with the 404", async () => {
    const missing = "5b0a4f7e-9c1d-4e2f-8a3b-6c7d8e9f0a1b";
    const err = await engineError(h.engine.preview(inline({ adoptId: missing })));
    expect(err.failures.flatMap((f) => (f.failures ?? []).map((c) => `${c.property}: ${c.reason}`))).toEqual([
      `adoptId: skill ${missing} does not exist in this Langdock workspace (HTTP 404); check the id or remove adoptId to create a new skill.`,
    ]);
  });
});
