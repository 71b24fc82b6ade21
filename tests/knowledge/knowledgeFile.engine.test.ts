import { engineError, opsOf, startHarness, urnOf, type Harness } from "../helpers/engineHarness";
import { WRITES, freshDir, writeFile } from "./files";

/**
 * KnowledgeFile through the real host against the emulator (processing stages of 30 ms): upload and wait
 * for SYNCED, zero calls when unchanged, replacement on change, out-of-band deletion seen by refresh,
 * processing failures reported with partial state, uncertain uploads looked up instead of repeated.
 */
describe("KnowledgeFile through the provider host", () => {
  let h: Harness;
  let dir: string;
  let folderId: string;
  const program =
    (args: Record<string, unknown> = {}) =>
    () => {
      const file = new h.langdock.KnowledgeFile("guide", { folderId, file: "kf-test/guide.md", ...args });
      return { id: file.id, syncStatus: file.syncStatus };
    };
  const writes = () => h.emulator.log.filter((e) => WRITES.test(e.method)).map((e) => `${e.method} ${e.path}`);
  const files = () => h.emulator.snapshot().knowledgeFiles;
  const stderr = () => h.engine.host.stderr.join("\n");

  beforeAll(async () => {
    h = await startHarness({ emulator: { knowledgeStageMs: 30 } });
    dir = freshDir(h.dir, "kf-test");
    folderId = h.emulator.createKnowledgeBase({ name: "Docs" });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("uploads the file and waits until Langdock has processed it, with progress on stderr", async () => {
    const hash = writeFile(dir, "guide.md", "# Guide\nKF-CONTENT-91c2\n");
    const result = await h.engine.up(program());
    expect(result.outputs.syncStatus).toBe("SYNCED");
    expect(files()).toEqual([
      expect.objectContaining({ id: result.outputs.id, name: "guide.md", mimeType: "text/markdown", sha256: hash, syncStatus: "SYNCED" }),
    ]);
    expect(writes()).toEqual([`POST /knowledge/${folderId}`]);
    expect(h.emulator.count({ method: "GET", path: `/knowledge/${folderId}/list` })).toBeGreaterThanOrEqual(2);
    expect(stderr()).toMatch(/knowledge file "guide\.md" \(.+\): Langdock is processing it \(UPLOADING/);
    expect(JSON.stringify(h.engine.state)).not.toContain("KF-CONTENT-91c2");
    expect(h.engine.state[urnOf("KnowledgeFile", "guide")].outputs).toMatchObject({
      contentHash: hash,
      fileName: "guide.md",
      syncStatus: "SYNCED",
    });
  });

  it("an unchanged file costs no call at all", async () => {
    h.emulator.resetLog();
    const result = await h.engine.up(program());
    expect(opsOf(result.steps)).toEqual(["same guide"]);
    expect(h.emulator.log).toEqual([]);
  });

  it("a changed file is replaced: one upload, then the old file is deleted", async () => {
    const oldId = h.engine.state[urnOf("KnowledgeFile", "guide")].id;
    const hash = writeFile(dir, "guide.md", "# Guide v2\n");
    h.emulator.resetLog();
    const result = await h.engine.up(program());
    expect(opsOf(result.steps)).toEqual(["replace guide"]);
    expect(writes()).toEqual([`POST /knowledge/${folderId}`, `DELETE /knowledge/${folderId}/${oldId}`]);
    expect(files()).toEqual([expect.objectContaining({ id: result.outputs.id, sha256: hash, syncStatus: "SYNCED" })]);
  });

  it("refresh drops a file deleted out of band, reading the folder once; the next up uploads it again", async () => {
    h.emulator.deleteKnowledgeFile(h.engine.state[urnOf("KnowledgeFile", "guide")].id);
    h.emulator.resetLog();
    const refreshed = await h.engine.refresh();
    expect(opsOf(refreshed.steps)).toEqual(["delete guide"]);
    expect(h.emulator.log.map((e) => `${e.method} ${e.path}`)).toEqual([`GET /knowledge/${folderId}/list`]);
    const result = await h.engine.up(program());
    expect(opsOf(result.steps)).toEqual(["create guide"]);
    expect(files()).toHaveLength(1);
  });

  it("a processing failure fails up naming the status, keeps the file in the state, and the next up uploads it anew", async () => {
    const failedHash = writeFile(dir, "guide.md", "# Guide v3\n");
    h.emulator.failKnowledgeProcessing("EMBEDDING_FAILED");
    const err = await engineError(h.engine.up(program()));
    expect(err.failures[0].message).toContain("Langdock's processing ended in EMBEDDING_FAILED");
    const kept = h.engine.state[urnOf("KnowledgeFile", "guide")];
    expect(kept.outputs.syncStatus).toBe("EMBEDDING_FAILED");
    expect(kept.outputs).not.toHaveProperty("contentHash");
    expect(files().map((f) => f.id)).toContain(kept.id);
    h.emulator.resetLog();
    const result = await h.engine.up(program());
    expect(opsOf(result.steps)).toEqual(["replace guide"]);
    expect(writes()).toEqual([`POST /knowledge/${folderId}`, `DELETE /knowledge/${folderId}/${kept.id}`]);
    expect(files()).toEqual([expect.objectContaining({ sha256: failedHash, syncStatus: "SYNCED" })]);
  });

  it("with waitForSync false, up does not poll; changing only that option changes nothing in Langdock", async () => {
    writeFile(dir, "guide.md", "# Guide v4\n");
    const oldId = h.engine.state[urnOf("KnowledgeFile", "guide")].id;
    h.emulator.resetLog();
    const result = await h.engine.up(program({ waitForSync: false }));
    expect(result.outputs.syncStatus).toBe("UPLOADING");
    // One look at the folder before the upload (see the uncertain-upload test), no polling.
    expect(h.emulator.log.map((e) => `${e.method} ${e.path}`)).toEqual([
      `GET /knowledge/${folderId}/list`,
      `POST /knowledge/${folderId}`,
      `DELETE /knowledge/${folderId}/${oldId}`,
    ]);
    h.emulator.resetLog();
    expect(opsOf((await h.engine.up(program({ waitForSync: true }))).steps)).toEqual(["same guide"]);
    expect(h.emulator.log).toEqual([]);
  });

  it("an upload whose answer was lost is found in the folder instead of uploaded twice", async () => {
    writeFile(dir, "guide.md", "# Guide v5\n");
    h.emulator.faults.dropAfterCommit({ match: { method: "POST", path: `/knowledge/${folderId}` } });
    const result = await h.engine.up(program());
    expect(result.outputs.syncStatus).toBe("SYNCED");
    expect(h.emulator.count({ method: "POST", path: `/knowledge/${folderId}` })).toBeGreaterThanOrEqual(1);
    expect(files()).toEqual([expect.objectContaining({ id: result.outputs.id })]);
    expect(stderr()).toContain("after an interrupted upload");
  });

  it("a viewer key gets a 403 that names the Editor role; tabular files fail check", async () => {
    const viewerFolder = h.emulator.createKnowledgeBase({ name: "Read only", role: "USER" });
    const viewer = () => {
      new h.langdock.KnowledgeFile("viewer", { folderId: viewerFolder, file: "kf-test/guide.md" });
    };
    const err = await engineError(h.engine.up(viewer));
    expect(err.failures.find((f) => f.urn.endsWith("::viewer"))!.message).toMatch(/HTTP 403.*Editor role/);
    const unknownFolder = () => {
      new h.langdock.KnowledgeFile("nowhere", { folderId: "00000000-0000-4000-8000-000000000000", file: "kf-test/guide.md" });
    };
    const missing = await engineError(h.engine.up(unknownFolder));
    expect(missing.failures.find((f) => f.urn.endsWith("::nowhere"))!.message).toBe(
      "folderId: knowledge base 00000000-0000-4000-8000-000000000000 does not exist or is not shared with this API key (HTTP 404); check the id with getKnowledgeBases() or share the knowledge base with the key as Editor.",
    );
    writeFile(dir, "table.csv", "a,b\n1,2\n");
    const tabular = await engineError(
      h.engine.preview(() => new h.langdock.KnowledgeFile("table", { folderId, file: "kf-test/table.csv" })),
    );
    expect(tabular.failures[0].message).toContain(
      'file: "kf-test/table.csv" is a tabular file (.csv); Langdock accepts those in chats and agents',
    );
  });

  it("destroy deletes the file", async () => {
    await h.engine.up(program());
    h.emulator.resetLog();
    await h.engine.destroy();
    expect(files()).toEqual([]);
  });
});
