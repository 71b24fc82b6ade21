import { writeZip } from "../../provider/base/zip";
import { useEmulator, withEmulator, UNKNOWN_UUID, type Api } from "./helpers";

/** The emulator's Skills API (skills.md): CRUD with unique slugs, list paging and filters, imports, limits, scope. */
const SKILL_MD = "---\nname: Ticket triage\ndescription: Triage tickets\n---\n\nLabel each ticket.\n";

/** What the import answers (the fields these tests read). */
interface ImportAnswer {
  skill: { id: string } & Record<string, unknown>;
  files: unknown[];
}

async function importSkill(api: Api, file: { bytes: Buffer; name: string }, fields: Record<string, string>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append("file", new Blob([file.bytes]), file.name);
  const res = await fetch(`${api.emulator.url}/skills/v1/import`, {
    method: "POST",
    headers: { authorization: `Bearer ${api.emulator.apiKey}` },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as ImportAnswer };
}

describe("emulator: /skills/v1", () => {
  const ctx = useEmulator();

  it("creates (201) with a derived slug, gets, patches (integrationIds replaced), deletes for real", async () => {
    const integration = await ctx.api.createIntegration("CRM");
    const created = await ctx.api.post("/skills/v1", { name: "Release Notes — Writer", instructions: "Be brief." });
    expect(created.status).toBe(201);
    const id = created.body.skill.id;
    expect(created.body.skill).toEqual({
      id,
      name: "Release Notes — Writer",
      slug: "release-notes-writer",
      description: "",
      instructions: "Be brief.",
      integrationIds: [],
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const patched = await ctx.api.patch(`/skills/v1/${id}`, { integrationIds: [integration], slug: "notes" });
    expect(patched.body.skill).toMatchObject({ slug: "notes", integrationIds: [integration], instructions: "Be brief." });
    expect((await ctx.api.get(`/skills/v1/${id}`)).body.skill.slug).toBe("notes");
    expect((await ctx.api.delete(`/skills/v1/${id}`)).body).toEqual({ success: true });
    expect(await ctx.api.get(`/skills/v1/${id}`)).toMatchObject({ status: 404, body: { message: "Skill not found" } });
    expect((await ctx.api.delete(`/skills/v1/${id}`)).status).toBe(404);
  });

  it("answers 409 for a taken slug, on create and on PATCH", async () => {
    await ctx.api.post("/skills/v1", { name: "FAQ", instructions: "x" });
    const other = (await ctx.api.post("/skills/v1", { name: "Other", instructions: "x" })).body.skill.id;
    expect(await ctx.api.post("/skills/v1", { name: "Faq!", instructions: "y" })).toMatchObject({
      status: 409,
      body: { message: 'A skill with slug "faq" already exists' },
    });
    expect((await ctx.api.patch(`/skills/v1/${other}`, { slug: "faq" })).status).toBe(409);
  });

  it("validates bodies as the API reference does: limits in UTF-16 units, no unknown properties, enabled integrations", async () => {
    const res = await ctx.api.post("/skills/v1", {
      name: "😀".repeat(33),
      slug: "Bad Slug",
      description: "d".repeat(1025),
      instructions: "",
      extra: true,
    });
    expect(res.status).toBe(400);
    expect(res.body.message.map((i: { path: string[] }) => i.path.join("."))).toEqual(["name", "slug", "description", "instructions", ""]);
    expect((await ctx.api.post("/skills/v1", { name: "n", instructions: "i".repeat(50_001) })).status).toBe(400);
    expect(await ctx.api.post("/skills/v1", { name: "n", instructions: "x", integrationIds: [UNKNOWN_UUID] })).toMatchObject({
      status: 400,
      body: { message: `Integration ${UNKNOWN_UUID} not found or not enabled in this workspace` },
    });
    const id = (await ctx.api.post("/skills/v1", { name: "n", instructions: "x" })).body.skill.id;
    expect((await ctx.api.patch(`/skills/v1/${id}`, {})).status).toBe(400);
    expect((await ctx.api.get("/skills/v1/not-a-uuid")).status).toBe(400);
  });

  it("lists with limit and cursor, and filters by slug and by query", async () => {
    for (const name of ["Alpha", "Beta", "Gamma"])
      await ctx.api.post("/skills/v1", { name, instructions: "x", description: `About ${name}` });
    const first = await ctx.api.get("/skills/v1?limit=2");
    expect(first.body.skills.map((s: { name: string }) => s.name)).toEqual(["Alpha", "Beta"]);
    const second = await ctx.api.get(`/skills/v1?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body).toEqual({ skills: [expect.objectContaining({ name: "Gamma" })] });
    expect((await ctx.api.get("/skills/v1?slug=beta")).body.skills.map((s: { name: string }) => s.name)).toEqual(["Beta"]);
    expect((await ctx.api.get("/skills/v1?query=about%20gam")).body.skills.map((s: { name: string }) => s.name)).toEqual(["Gamma"]);
    expect((await ctx.api.get("/skills/v1?limit=251")).status).toBe(400);
  });

  it("imports a SKILL.md (201), then upserts the same slug from a zip (200) with its files", async () => {
    const integration = await ctx.api.createIntegration("CRM");
    const md = await importSkill(ctx.api, { bytes: Buffer.from(SKILL_MD), name: "SKILL.md" }, { fileType: "md" });
    expect(md.status).toBe(201);
    expect(md.body.skill).toMatchObject({
      name: "Ticket triage",
      slug: "ticket-triage",
      description: "Triage tickets",
      instructions: "Label each ticket.",
    });
    const zip = writeZip([
      { path: "SKILL.md", bytes: Buffer.from(SKILL_MD.replace("Label each ticket.", "Label and route.")) },
      { path: "scripts/route.py", bytes: Buffer.from("print('x')\n") },
    ]);
    const fields = { fileType: "zip", mode: "upsert", integrationIds: JSON.stringify([integration]) };
    const upsert = await importSkill(ctx.api, { bytes: zip, name: "triage.zip" }, fields);
    expect(upsert.status).toBe(200);
    expect(upsert.body.skill).toMatchObject({ id: md.body.skill.id, instructions: "Label and route.", integrationIds: [integration] });
    expect(upsert.body.files).toEqual([
      { path: "SKILL.md", sizeBytes: expect.any(Number), extension: "md", hasScript: false },
      { path: "scripts/route.py", sizeBytes: 11, extension: "py", hasScript: true },
    ]);
    // mode=create (the default) for a taken slug is a conflict.
    expect((await importSkill(ctx.api, { bytes: zip, name: "triage.zip" }, { fileType: "zip" })).status).toBe(409);
    expect(ctx.emu.log.filter((e) => e.path === "/skills/v1/import").map((e) => (e.body as { files: object }).files)).toEqual([
      { file: expect.objectContaining({ name: "SKILL.md" }) },
      { file: expect.objectContaining({ name: "triage.zip" }) },
      { file: expect.objectContaining({ name: "triage.zip" }) },
    ]);
  });

  it("refuses an import without a usable SKILL.md (400)", async () => {
    const bad = await importSkill(ctx.api, { bytes: Buffer.from("# no frontmatter"), name: "SKILL.md" }, { fileType: "md" });
    expect(bad).toEqual({
      status: 400,
      body: { message: 'SKILL.md must start with YAML frontmatter between "---" lines, holding the skill\'s name and description' },
    });
    const noMd = await importSkill(
      ctx.api,
      { bytes: writeZip([{ path: "a.md", bytes: Buffer.from("x") }]), name: "a.zip" },
      { fileType: "zip" },
    );
    expect(noMd).toEqual({ status: 400, body: { message: "The archive contains no SKILL.md" } });
    const ids = await importSkill(ctx.api, { bytes: Buffer.from(SKILL_MD), name: "SKILL.md" }, { fileType: "md", integrationIds: "crm" });
    expect(ids.body).toEqual({ message: "integrationIds must be a JSON-encoded array of UUIDs" });
  });
});

describe("emulator: skill limits and scope", () => {
  it("answers 413 for an import over skillImportMaxBytes", async () => {
    await withEmulator({ skillImportMaxBytes: 100 }, async (api) => {
      const res = await importSkill(api, { bytes: Buffer.from(SKILL_MD + "x".repeat(100)), name: "SKILL.md" }, { fileType: "md" });
      expect(res).toEqual({ status: 413, body: { message: "Skill file is too large" } });
    });
  });

  it("needs the SKILL_API scope", async () => {
    await withEmulator({ scopes: ["INTEGRATION_API"] }, async (api) => {
      expect((await api.get("/skills/v1")).status).toBe(403);
    });
  });
});
