import * as fs from "fs";
import * as path from "path";
import { engineError, opsOf, startHarness, urnOf, type Harness } from "../helpers/engineHarness";
import { WRITES, freshDir, writeFile } from "./files";

/**
 * Attachment through the real host against the emulator: uploaded from a file relative to the program's
 * folder, used by an agent (update + publish), replaced when the file changes, kept by refresh, deleted.
 */
describe("Attachment through the provider host", () => {
  let h: Harness;
  let dir: string;
  const MARKER = "HANDBOOK-CONTENT-7f3a";
  const program =
    (extra: { knowledgeFolderIds?: string[] } = {}) =>
    () => {
      const { Attachment, Agent } = h.langdock;
      const handbook = new Attachment("handbook", { file: "attach-test/handbook.md" });
      const agent = new Agent("agent", { name: "Support", instruction: "Use the handbook.", attachments: [handbook.id], ...extra });
      return { attachmentId: handbook.id, agentId: agent.id, contentHash: handbook.contentHash };
    };
  const writes = () => h.emulator.log.filter((e) => WRITES.test(e.method)).map((e) => `${e.method} ${e.path}`);

  beforeAll(async () => {
    h = await startHarness();
    dir = freshDir(h.dir, "attach-test");
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("uploads the file with its MIME type, and the agent gets the attachment", async () => {
    const hash = writeFile(dir, "handbook.md", `# Handbook\n${MARKER}\n`);
    const result = await h.engine.up(program());
    expect(opsOf(result.steps)).toEqual(["create agent", "create handbook"]);
    const upload = h.emulator.log.find((e) => e.path === "/attachment/v1/upload")!;
    expect(upload.body).toEqual({
      fields: {},
      files: { file: { name: "handbook.md", type: "text/markdown", size: expect.any(Number), sha256: hash } },
    });
    const snap = h.emulator.snapshot();
    expect(snap.attachments).toEqual([
      expect.objectContaining({ id: result.outputs.attachmentId, sha256: hash, mimeType: "text/markdown" }),
    ]);
    expect(snap.agents[0].attachments).toEqual([result.outputs.attachmentId]);
    expect(result.outputs.contentHash).toBe(hash);
    expect(h.engine.state[urnOf("Attachment", "handbook")].outputs).toMatchObject({
      file: "attach-test/handbook.md",
      fileName: "handbook.md",
      name: "handbook.md",
      mimeType: "text/markdown",
      sizeInBytes: Buffer.byteLength(`# Handbook\n${MARKER}\n`),
    });
    // The agent never asked for knowledge bases: the field is not sent.
    expect(h.emulator.log.find((e) => e.path === "/agent/v1/create")!.body).not.toHaveProperty("knowledgeFolderIds");
  });

  it("keeps file content out of the state and __provider", () => {
    const text = JSON.stringify(h.engine.state);
    expect(text).not.toContain(MARKER);
    expect(text).toContain("__provider");
  });

  it("an unchanged file costs no call; refresh keeps the attachment (there is no read endpoint)", async () => {
    h.emulator.resetLog();
    const result = await h.engine.up(program());
    expect(opsOf(result.steps)).toEqual(["same agent", "same handbook"]);
    expect(h.emulator.log.filter((e) => e.path.startsWith("/attachment"))).toEqual([]);
    expect(writes()).toEqual([]);
    h.emulator.resetLog();
    const refreshed = await h.engine.refresh();
    expect(opsOf(refreshed.steps)).toEqual(["same agent", "same handbook"]);
    expect(h.emulator.log.filter((e) => e.path.startsWith("/attachment"))).toEqual([]);
  });

  it("a changed file replaces the attachment: one upload, the agent updated and published, the old one deleted", async () => {
    const oldId = h.engine.state[urnOf("Attachment", "handbook")].id;
    const hash = writeFile(dir, "handbook.md", "# Handbook v2\n");
    const preview = await h.engine.preview(program());
    expect(preview.steps.find((s) => s.urn.endsWith("::handbook"))).toMatchObject({ op: "replace", replaces: ["contentHash"] });
    h.emulator.resetLog();
    const result = await h.engine.up(program());
    expect(opsOf(result.steps)).toEqual(["replace handbook", "update agent"]);
    expect(writes()).toEqual([
      "POST /attachment/v1/upload",
      "PATCH /agent/v1/update",
      "POST /agent/v1/publish",
      "DELETE /attachment/v1/delete",
    ]);
    expect(h.emulator.log.find((e) => e.method === "DELETE")!.body).toEqual({ attachmentId: oldId });
    const snap = h.emulator.snapshot();
    expect(snap.attachments.map((a) => a.sha256)).toEqual([hash]);
    expect(snap.agents[0].attachments).toEqual([result.outputs.attachmentId]);
    expect(result.outputs.attachmentId).not.toBe(oldId);
  });

  it("knowledgeFolderIds is sent when the program sets it", async () => {
    const folderId = h.emulator.createKnowledgeBase({ name: "Docs" });
    h.emulator.resetLog();
    await h.engine.up(program({ knowledgeFolderIds: [folderId] }));
    expect(h.emulator.log.find((e) => e.path === "/agent/v1/update")!.body).toMatchObject({ knowledgeFolderIds: [folderId] });
    expect(h.emulator.snapshot().agents[0].knowledgeFolderIds).toEqual([folderId]);
    h.emulator.resetLog();
    expect(opsOf((await h.engine.up(program({ knowledgeFolderIds: [folderId] }))).steps)).toEqual(["same agent", "same handbook"]);
    expect(writes()).toEqual([]);
  });

  it("a missing file fails check with its path, before any call", async () => {
    fs.rmSync(path.join(dir, "handbook.md"));
    h.emulator.resetLog();
    const err = await engineError(h.engine.preview(program()));
    expect(err.failures[0]).toMatchObject({ op: "check" });
    expect(err.failures[0].message).toContain('file: "attach-test/handbook.md" does not exist (looked for');
    expect(h.emulator.log).toEqual([]);
  });

  it("destroy deletes the attachment", async () => {
    writeFile(dir, "handbook.md", "# Handbook v2\n");
    const id = h.engine.state[urnOf("Attachment", "handbook")].id;
    h.emulator.resetLog();
    await h.engine.destroy();
    expect(h.emulator.log.filter((e) => e.method === "DELETE").map((e) => e.body)).toEqual([{ attachmentId: id }]);
    expect(h.emulator.snapshot().attachments).toEqual([]);
  });

  it("an upload whose answer was lost is not repeated blindly (Langdock cannot list attachments)", async () => {
    h.emulator.resetLog();
    h.emulator.faults.dropAfterCommit({ match: { path: "/attachment/v1/upload" } });
    const err = await engineError(h.engine.up(() => new h.langdock.Attachment("lost", { file: "attach-test/handbook.md" })));
    expect(err.failures[0].message).toContain('Langdock did not confirm the upload of attachment "handbook.md"');
    expect(err.failures[0].message).toContain("the provider does not retry blindly");
    expect(err.failures[0].message).not.toContain(h.emulator.apiKey);
    expect(h.emulator.count({ path: "/attachment/v1/upload" })).toBe(1);
  });

  it("accepts a pulumi FileAsset as the file: stored as its path, unchanged on the next up", async () => {
    const asset = () => {
      const a = new h.langdock.Attachment("asset", { file: new h.pulumi.asset.FileAsset("attach-test/handbook.md") });
      return { id: a.id };
    };
    h.emulator.resetLog();
    const result = await h.engine.up(asset);
    expect(h.emulator.count({ path: "/attachment/v1/upload" })).toBe(1);
    expect(h.engine.state[urnOf("Attachment", "asset")]).toMatchObject({
      id: result.outputs.id,
      outputs: { file: "attach-test/handbook.md" },
    });
    h.emulator.resetLog();
    expect(opsOf((await h.engine.up(asset)).steps)).toEqual(["same asset"]);
    expect(h.emulator.log).toEqual([]);
    await h.engine.destroy();
  });
});
