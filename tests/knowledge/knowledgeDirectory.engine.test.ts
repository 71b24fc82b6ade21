import * as fs from "fs";
import * as path from "path";
import { opsOf, startHarness, type Harness } from "../helpers/engineHarness";
import { WRITES, freshDir, writeFile } from "./files";

/**
 * KnowledgeDirectory through the real host against the emulator: one KnowledgeFile per matching file,
 * so adding, changing and deleting docs become exactly one upload, one replacement and one delete.
 */
describe("KnowledgeDirectory through the provider host", () => {
  let h: Harness;
  let docs: string;
  let folderId: string;
  const program = () => () => {
    const dir = new h.langdock.KnowledgeDirectory("docs", { folderId, path: docs, exclude: ["drafts/**"] });
    return { fileIds: dir.fileIds };
  };
  const writes = () => h.emulator.log.filter((e) => WRITES.test(e.method));
  const uploadedNames = () =>
    writes()
      .filter((e) => e.method === "POST")
      .map((e) => (e.body as { files: { file: { name: string } } }).files.file.name);
  const byName = () =>
    Object.fromEntries(
      h.emulator
        .snapshot()
        .knowledgeFiles.map((f: { id: string; name: string; sha256: string; syncStatus: string }) => [f.name, f] as const),
    );

  beforeAll(async () => {
    h = await startHarness({ emulator: { knowledgeStageMs: 20 } });
    docs = freshDir(h.dir, "dir-test");
    folderId = h.emulator.createKnowledgeBase({ name: "Team docs" });
    writeFile(docs, "intro.md", "# Intro\n");
    writeFile(docs, "setup.md", "# Setup\n");
    writeFile(docs, "guides/deploy.txt", "Deploy it.\n");
    writeFile(docs, "drafts/wip.md", "not yet\n");
    writeFile(docs, ".hidden.md", "never\n");
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("declares one file per matching path, named by the relative path", async () => {
    const result = await h.engine.up(program());
    expect(opsOf(result.steps)).toEqual(["create docs/guides/deploy.txt", "create docs/intro.md", "create docs/setup.md"]);
    expect(Object.keys(result.outputs.fileIds as object).sort()).toEqual(["guides/deploy.txt", "intro.md", "setup.md"]);
    expect(uploadedNames().sort()).toEqual(["deploy.txt", "intro.md", "setup.md"]);
    expect(Object.values(byName()).map((f) => f.syncStatus)).toEqual(["SYNCED", "SYNCED", "SYNCED"]);
  });

  it("unchanged files cost no call", async () => {
    h.emulator.resetLog();
    const result = await h.engine.up(program());
    expect(opsOf(result.steps)).toEqual(["same docs/guides/deploy.txt", "same docs/intro.md", "same docs/setup.md"]);
    expect(h.emulator.log).toEqual([]);
  });

  it("refresh reads the folder's list once for all its files", async () => {
    h.emulator.resetLog();
    await h.engine.refresh();
    expect(h.emulator.log.map((e) => `${e.method} ${e.path}`)).toEqual([`GET /knowledge/${folderId}/list`]);
  });

  it("an added, a changed and a deleted doc become exactly one upload, one replacement and one delete", async () => {
    const before = byName();
    writeFile(docs, "faq.md", "# FAQ\n");
    const changedHash = writeFile(docs, "setup.md", "# Setup, revised\n");
    fs.rmSync(path.join(docs, "intro.md"));
    const preview = await h.engine.preview(program());
    expect(opsOf(preview.steps)).toEqual([
      "create docs/faq.md",
      "delete docs/intro.md",
      "replace docs/setup.md",
      "same docs/guides/deploy.txt",
    ]);
    h.emulator.resetLog();
    const result = await h.engine.up(program());
    expect(opsOf(result.steps)).toEqual([
      "create docs/faq.md",
      "delete docs/intro.md",
      "replace docs/setup.md",
      "same docs/guides/deploy.txt",
    ]);
    expect(uploadedNames().sort()).toEqual(["faq.md", "setup.md"]);
    expect(
      writes()
        .filter((e) => e.method === "DELETE")
        .map((e) => e.path.split("/").pop())
        .sort(),
    ).toEqual([before["intro.md"].id, before["setup.md"].id].sort());
    expect(writes()).toHaveLength(4);
    const after = byName();
    expect(Object.keys(after).sort()).toEqual(["deploy.txt", "faq.md", "setup.md"]);
    expect(after["setup.md"].sha256).toBe(changedHash);
    expect(after["deploy.txt"].id).toBe(before["deploy.txt"].id);
  });
});
