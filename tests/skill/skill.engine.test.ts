import * as fs from "fs";
import * as path from "path";
import { engineError, opsOf, startHarness, urnOf, type Harness } from "../helpers/engineHarness";
import { freshDir, writeFile, WRITES } from "../knowledge/files";

/**
 * The Skill lifecycle through the real host against the emulator, one `up` after the other on one stack:
 * create from fields (with an Integration's id) and from a folder, no-op at no cost, update in place
 * (ids kept), drift shown by refresh, delete, and a skill deleted in Langdock dropped by refresh.
 */
const SKILL_MD = (name: string, body: string) => `---\nname: ${name}\ndescription: Triage incoming support tickets\n---\n\n${body}\n`;

describe("Skill through the provider host", () => {
  let h: Harness;
  let dir: string;
  const program =
    (v: { instructions?: string; reversed?: boolean; withFolder?: boolean; withInline?: boolean } = {}) =>
    () => {
      const { Integration, Skill } = h.langdock;
      const crm = new Integration("crm", { name: "CRM" });
      const tickets = new Integration("tickets", { name: "Tickets" });
      const ids = v.reversed ? [tickets.id, crm.id] : [crm.id, tickets.id];
      const inline =
        v.withInline === false
          ? undefined
          : new Skill("writer", {
              name: "Release notes writer",
              description: "Write release notes from merged pull requests",
              instructions: v.instructions ?? "Group changes by area. Keep it short.",
              integrationIds: ids,
            });
      const folder = v.withFolder === false ? undefined : new Skill("triage", { source: "skills/triage", integrationIds: [crm.id] });
      return { inlineId: inline?.id, inlineSlug: inline?.slug, folderId: folder?.id, folderSlug: folder?.slug, crmId: crm.id };
    };
  const writes = () => h.emulator.log.filter((e) => WRITES.test(e.method)).map((e) => `${e.method} ${e.path}`);
  const skills = () => h.emulator.snapshot().skills;

  beforeAll(async () => {
    h = await startHarness();
    dir = freshDir(h.dir, "skills/triage");
    writeFile(dir, "SKILL.md", SKILL_MD("Ticket triage", "Label each ticket by product area.\nSee reference/areas.md."));
    writeFile(dir, "reference/areas.md", "# Areas\nSKILL-FILE-MARKER-5f1c\n");
    writeFile(dir, ".DS_Store", "ignored");
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("creates a skill from fields and one from a folder; the state holds a content hash, never the files", async () => {
    const up = await h.engine.up(program());
    expect(opsOf(up.steps)).toEqual(["create crm", "create tickets", "create triage", "create writer"]);
    const snap = h.emulator.snapshot();
    const [crm, tickets] = ["CRM", "Tickets"].map((n) => snap.integrations.find((i) => i.name === n).id);
    expect(skills()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: up.outputs.inlineId,
          name: "Release notes writer",
          slug: "release-notes-writer",
          instructions: "Group changes by area. Keep it short.",
          integrationIds: [crm, tickets],
        }),
        expect.objectContaining({
          id: up.outputs.folderId,
          name: "Ticket triage",
          slug: "ticket-triage",
          description: "Triage incoming support tickets",
          instructions: "Label each ticket by product area.\nSee reference/areas.md.",
          integrationIds: [crm],
          files: [
            { path: "SKILL.md", sizeBytes: expect.any(Number), extension: "md", hasScript: false },
            { path: "reference/areas.md", sizeBytes: 31, extension: "md", hasScript: false },
          ],
        }),
      ]),
    );
    const imports = h.emulator.log.filter((e) => e.path === "/skills/v1/import");
    expect(imports.map((e) => (e.body as { fields: unknown }).fields)).toEqual([
      { fileType: "zip", mode: "create", integrationIds: JSON.stringify([crm]) },
    ]);
    const state = h.engine.state[urnOf("Skill", "triage")];
    expect(state.outputs).toMatchObject({ source: "skills/triage", contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(JSON.stringify(h.engine.state)).not.toContain("SKILL-FILE-MARKER-5f1c");
  });

  it("the same program, with the integrations listed in another order, costs no call at all", async () => {
    h.emulator.resetLog();
    const up = await h.engine.up(program({ reversed: true }));
    expect(up.steps.every((s) => s.op === "same")).toBe(true);
    expect(h.emulator.log).toEqual([]);
  });

  it("updates both in place, keeping their ids: one PATCH for the fields, one import (upsert) for the changed folder", async () => {
    const before = h.engine.state;
    writeFile(dir, "reference/areas.md", "# Areas\nBilling, Shipping\n");
    const changed = program({ instructions: "Group changes by area.", reversed: true });
    const preview = await h.engine.preview(changed);
    const changes = preview.steps.filter((s) => s.op !== "same").map((s) => [s.urn.split("::").pop(), s.op, s.diffs]);
    expect(changes.sort()).toEqual([
      ["triage", "update", ["contentHash"]],
      ["writer", "update", ["instructions"]],
    ]);
    h.emulator.resetLog();
    const up = await h.engine.up(changed);
    expect(opsOf(up.steps)).toEqual(["same crm", "same tickets", "update triage", "update writer"]);
    expect(writes().sort()).toEqual(["PATCH /skills/v1/" + up.outputs.inlineId, "POST /skills/v1/import"]);
    const patch = h.emulator.log.find((e) => e.method === "PATCH");
    expect(patch?.body).toEqual({ instructions: "Group changes by area." });
    const upsert = h.emulator.log.find((e) => e.path === "/skills/v1/import");
    expect((upsert?.body as { fields: { mode: string } }).fields.mode).toBe("upsert");
    for (const name of ["writer", "triage"]) expect(h.engine.state[urnOf("Skill", name)].id).toBe(before[urnOf("Skill", name)].id);
    expect(skills()).toHaveLength(2);
    expect(skills().find((s) => s.id === up.outputs.folderId).files[1]).toMatchObject({ path: "reference/areas.md", sizeBytes: 26 });
  });

  it("a renamed SKILL.md moves the slug first (PATCH), so the upsert lands on the same skill", async () => {
    writeFile(dir, "SKILL.md", SKILL_MD("Ticket sorter", "Label each ticket by product area."));
    h.emulator.resetLog();
    const up = await h.engine.up(program({ instructions: "Group changes by area.", reversed: true }));
    expect(opsOf(up.steps)).toEqual(["same crm", "same tickets", "same writer", "update triage"]);
    expect(writes()).toEqual([`PATCH /skills/v1/${up.outputs.folderId}`, "POST /skills/v1/import"]);
    expect(up.outputs.folderSlug).toBe("ticket-sorter");
    expect(skills().find((s) => s.id === up.outputs.folderId)).toMatchObject({ name: "Ticket sorter", slug: "ticket-sorter" });
    expect(skills()).toHaveLength(2);
  });

  it("refresh shows a change made in Langdock; the next up puts the program's value back", async () => {
    const program_ = program({ instructions: "Group changes by area.", reversed: true });
    const inlineId = h.engine.state[urnOf("Skill", "writer")].id;
    h.emulator.editSkill(inlineId, { instructions: "Edited in the UI", integrationIds: [] });
    const refreshed = await h.engine.refresh();
    expect(opsOf(refreshed.steps).filter((s) => s.includes("writer"))).toEqual(["update writer"]);
    const preview = await h.engine.preview(program_);
    const step = preview.steps.find((s) => s.urn.endsWith("writer"));
    expect(step?.op).toBe("update");
    expect(step?.diffs).toEqual(expect.arrayContaining(["instructions", "integrationIds"]));
    h.emulator.resetLog();
    await h.engine.up(program_);
    // Only what drifted is written back.
    expect(h.emulator.log.filter((e) => WRITES.test(e.method)).map((e) => [e.path, e.body])).toEqual([
      [`/skills/v1/${inlineId}`, { instructions: "Group changes by area.", integrationIds: expect.any(Array) }],
    ]);
    expect(skills().find((s) => s.id === inlineId).instructions).toBe("Group changes by area.");
    expect(skills().find((s) => s.id === inlineId).integrationIds).toHaveLength(2);
  });

  it("a folder skill edited in Langdock shows as drift; the next up imports the folder again", async () => {
    const program_ = program({ instructions: "Group changes by area.", reversed: true });
    const folderId = h.engine.state[urnOf("Skill", "triage")].id;
    h.emulator.editSkill(folderId, { description: "Edited in the UI" });
    await h.engine.refresh();
    const preview = await h.engine.preview(program_);
    const step = preview.steps.find((s) => s.urn.endsWith("triage"));
    expect(step?.op).toBe("update");
    expect(step?.diffs).toContain("description");
    h.emulator.resetLog();
    await h.engine.up(program_);
    expect(writes()).toEqual(["POST /skills/v1/import"]);
    expect(skills().find((s) => s.id === folderId).description).toBe("Triage incoming support tickets");
    expect(opsOf((await h.engine.preview(program_)).steps)).toEqual(["same crm", "same tickets", "same triage", "same writer"]);
  });

  it("refresh drops a skill deleted in Langdock; the next up creates it again", async () => {
    const folderId = h.engine.state[urnOf("Skill", "triage")].id;
    h.emulator.deleteSkill(folderId);
    const refreshed = await h.engine.refresh();
    expect(opsOf(refreshed.steps)).toContain("delete triage");
    expect(h.engine.state[urnOf("Skill", "triage")]).toBeUndefined();
    const up = await h.engine.up(program({ instructions: "Group changes by area.", reversed: true }));
    expect(opsOf(up.steps)).toContain("create triage");
    expect(up.outputs.folderId).not.toBe(folderId);
  });

  it("a skill removed from the program is deleted in Langdock", async () => {
    const inlineId = h.engine.state[urnOf("Skill", "writer")].id;
    h.emulator.resetLog();
    const up = await h.engine.up(program({ withInline: false }));
    expect(opsOf(up.steps)).toContain("delete writer");
    expect(writes()).toEqual([`DELETE /skills/v1/${inlineId}`]);
    expect(skills().map((s) => s.id)).not.toContain(inlineId);
  });

  it("check reports a folder without SKILL.md at source, before any call", async () => {
    fs.rmSync(path.join(dir, "SKILL.md"));
    h.emulator.resetLog();
    const err = await engineError(h.engine.preview(program({ withInline: false })));
    expect(err.failures.flatMap((f) => (f.failures ?? []).map((c) => `${c.property}: ${c.reason}`))).toEqual([
      'source: "skills/triage" has no SKILL.md: a skill folder holds a SKILL.md (YAML frontmatter with name and description, then the instructions) and the files it uses',
    ]);
    expect(h.emulator.log).toEqual([]);
  });
});
