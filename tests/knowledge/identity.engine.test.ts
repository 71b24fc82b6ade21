import * as path from "path";
import { engineError, startHarness, urnOf, type Harness } from "../helpers/engineHarness";
import { freshDir, writeFile } from "./files";

/**
 * Issue 22 for files, through the real host: an upload whose answer was lost beside a same-named file
 * of another folder keeps its own upload (never the other's), empty files fail at check, and a refresh
 * while the knowledge base is not shared fails instead of dropping the file.
 */
jest.setTimeout(120_000);

describe("knowledge files: one object, one resource", () => {
  let h: Harness;
  let folderId: string;
  let docs: string;
  const files = () => h.emulator.snapshot().knowledgeFiles;

  beforeAll(async () => {
    h = await startHarness({ emulator: { knowledgeStageMs: 20 } });
    folderId = h.emulator.createKnowledgeBase({ name: "Team docs" });
    docs = freshDir(h.dir, "identity-docs");
  });
  afterAll(() => h?.stop());

  it("docs/a/README.md and docs/b/README.md, one upload's answer lost: each resource holds its own upload, the next up adds nothing", async () => {
    const hashA = writeFile(docs, "a/README.md", "# A\n");
    const hashB = writeFile(docs, "b/README.md", "# B\n");
    const program = () => () => ({ ids: new h.langdock.KnowledgeDirectory("docs", { folderId, path: docs }).fileIds });
    h.emulator.faults.dropAfterCommit({ count: 1, match: { method: "POST", path: `/knowledge/${folderId}` } });
    const result = await h.engine.up(program());
    expect(h.emulator.faults.injected.dropAfterCommit).toBe(1);
    const ids = result.outputs.ids as Record<string, string>;
    const bySha = Object.fromEntries(files().map((f) => [f.sha256, f.id]));
    expect(files()).toHaveLength(2);
    // By content, not by name: each resource holds the file with its own bytes.
    expect(ids["a/README.md"]).toBe(bySha[hashA]);
    expect(ids["b/README.md"]).toBe(bySha[hashB]);
    expect(h.engine.host.stderr.join("\n")).toMatch(/after an interrupted upload; using [0-9a-f-]{36} instead of uploading it twice/);
    h.emulator.resetLog();
    await h.engine.up(program());
    expect(h.emulator.log.filter((e) => e.method !== "GET")).toEqual([]);
    expect(files()).toHaveLength(2);
    await h.engine.destroy();
    expect(files()).toEqual([]);
  });

  it.each([
    ["an HTML 200", { body: "<html><body>OK</body></html>", status: 200, contentType: "text/html" }],
    ["an empty 201", { body: "", status: 201 }],
    ["{}", { body: "{}" }],
    [
      "an envelope without id",
      { body: (real: unknown) => JSON.stringify({ result: { ...(real as { result: object }).result, id: undefined } }) },
    ],
    ["a numeric id", { body: (real: unknown) => JSON.stringify({ result: { ...(real as { result: object }).result, id: 123 } }) }],
  ] as const)("%s for an upload: the file that appeared is kept in the state, the next up uploads nothing", async (_answer, fault) => {
    const name = `answer-${files().length}-${Date.now()}.md`;
    writeFile(docs, name, `# ${name}\n`);
    const program = () => ({ id: new h.langdock.KnowledgeFile("answered", { folderId, file: path.join("identity-docs", name) }).id });
    h.emulator.faults.garbleAfterCommit({ match: { method: "POST", path: `/knowledge/${folderId}` }, ...fault });
    const up = await h.engine.up(program);
    expect(h.emulator.faults.injected.garbleAfterCommit).toBe(1);
    const landed = files().filter((f) => f.name === name);
    expect(landed).toHaveLength(1);
    expect(up.outputs.id).toBe(landed[0]!.id);
    h.emulator.faults.clear();
    h.emulator.resetLog();
    await h.engine.up(program);
    expect(h.emulator.log.filter((e) => e.method !== "GET")).toEqual([]);
    await h.engine.destroy();
    expect(files().filter((f) => f.name === name)).toEqual([]);
  });

  it("an empty knowledge file or attachment fails at check with the exact message, without a call", async () => {
    writeFile(docs, "empty.md", "");
    h.emulator.resetLog();
    const err = await engineError(
      h.engine.preview(() => {
        new h.langdock.KnowledgeFile("empty", { folderId, file: path.join("identity-docs", "empty.md") });
        new h.langdock.Attachment("empty-attachment", { file: path.join("identity-docs", "empty.md") });
      }),
    );
    const problem = `"identity-docs/empty.md" is empty (0 bytes); Langdock does not accept empty files: give it content or remove this resource`;
    expect(err.failures.map((f) => f.message).sort()).toEqual([expect.stringContaining(problem), expect.stringContaining(problem)]);
    expect(h.emulator.log).toEqual([]);
  });

  it("a refresh while the knowledge base is not shared with the key fails saying to re-share it, and keeps the file", async () => {
    writeFile(docs, "kept.md", "# Kept\n");
    const program = () => ({ id: new h.langdock.KnowledgeFile("kept", { folderId, file: path.join("identity-docs", "kept.md") }).id });
    await h.engine.up(program);
    const id = h.engine.state[urnOf("KnowledgeFile", "kept")]!.id;
    // What Langdock answers for a knowledge base that is no longer shared with the key.
    h.emulator.faults.failNext({
      status: 404,
      body: JSON.stringify({ message: "Knowledge folder not found" }),
      match: { method: "GET", path: `/knowledge/${folderId}/list` },
    });
    const err = await engineError(h.engine.refresh());
    expect(err.failures.map((f) => f.message)).toEqual([
      `folderId: knowledge base ${folderId} is not shared with this API key (or no longer exists) (HTTP 404), so the refresh cannot see its files and keeps them in the state; re-share the knowledge base with the key as Editor in Langdock and refresh again (if it was deleted, remove the KnowledgeFile from the program).`,
    ]);
    expect(h.engine.state[urnOf("KnowledgeFile", "kept")]!.id).toBe(id);
    h.emulator.resetLog();
    await h.engine.up(program);
    expect(h.emulator.log.filter((e) => e.method !== "GET")).toEqual([]);
    expect(files().filter((f) => f.name === "kept.md")).toHaveLength(1);
  });
});
