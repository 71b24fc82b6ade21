import { LangdockClient, NotFoundError, PermissionDeniedError } from "../../provider/client";
import { DEFAULT_SETTINGS } from "../../provider/config";
import { Cooldown } from "../../provider/client/retry";
import {
  deleteAttachment,
  listKnowledgeBases,
  listKnowledgeFiles,
  uploadAttachment,
  uploadKnowledgeFile,
} from "../../provider/client/knowledge";
import { LangdockEmulator } from "../../provider/emulator";
import { getKnowledgeBases, getKnowledgeFiles } from "../../provider/knowledgeFile/lookups";

/** The knowledge and attachment endpoints: the client's multipart uploads against the emulator's implementation. */
let emulator: LangdockEmulator;
let client: LangdockClient;
const UNKNOWN = "00000000-0000-4000-8000-000000000000";
const blob = (text: string, type = "text/markdown") => new Blob([text], { type });

beforeAll(async () => {
  emulator = await LangdockEmulator.start({ knowledgeStageMs: 40 });
  client = new LangdockClient({
    ...DEFAULT_SETTINGS,
    apiKey: emulator.apiKey,
    baseUrl: emulator.url,
    cooldown: new Cooldown(),
    maxRetries: 2,
  });
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.resetLog();
  emulator.faults.clear();
});

describe("attachments", () => {
  it("uploads multipart with the file's MIME type and deletes by id; a second delete is a NotFoundError", async () => {
    const wire = await uploadAttachment(client, blob("# H\n"), "handbook.md");
    expect(wire).toEqual({ attachmentId: expect.any(String), file: { name: "handbook.md", mimeType: "text/markdown", sizeInBytes: 4 } });
    expect(emulator.log[0].body).toMatchObject({ files: { file: { name: "handbook.md", type: "text/markdown", size: 4 } } });
    await deleteAttachment(client, wire.attachmentId);
    await expect(deleteAttachment(client, wire.attachmentId)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("an upload rate limited with 429 is retried (Langdock did not process it): one attachment", async () => {
    const before = emulator.snapshot().attachments.length;
    emulator.faults.failNext({ status: 429, retryAfter: "0", match: { path: "/attachment/v1/upload" } });
    await uploadAttachment(client, blob("x"), "x.md");
    expect(emulator.count({ path: "/attachment/v1/upload" })).toBe(2);
    expect(emulator.snapshot().attachments).toHaveLength(before + 1);
  });
});

describe("knowledge files", () => {
  it("processing advances UPLOADING → … → SYNCED over time, visible in the folder's list", async () => {
    const folderId = emulator.createKnowledgeBase({ name: "Stages" });
    const file = await uploadKnowledgeFile(client, folderId, blob("# A\n"), "a.md", "https://example.com/a");
    expect(file).toMatchObject({ name: "a.md", mimeType: "text/markdown", url: "https://example.com/a", syncStatus: "UPLOADING" });
    // Polled until SYNCED (bounded): the statuses seen come in processing order, whatever the machine's load.
    const seen = ["UPLOADING"];
    for (let i = 0; i < 200 && seen[seen.length - 1] !== "SYNCED"; i++) {
      await new Promise((r) => setTimeout(r, 10));
      const status = (await listKnowledgeFiles(client, folderId))[0].syncStatus!;
      if (status !== seen[seen.length - 1]) seen.push(status);
    }
    const order = ["UPLOADING", "UPLOADED", "EXTRACTING", "EMBEDDING", "SYNCED"];
    expect(seen[seen.length - 1]).toBe("SYNCED");
    expect(seen.map((s) => order.indexOf(s))).toEqual([...seen.map((s) => order.indexOf(s))].sort((x, y) => x - y));
  });

  it("a failure injected for processing shows as the failed status", async () => {
    const folderId = emulator.createKnowledgeBase({ name: "Failing" });
    emulator.failKnowledgeProcessing("EXTRACTION_FAILED");
    await uploadKnowledgeFile(client, folderId, blob("# B\n"), "b.md");
    let status: string | null | undefined;
    for (let i = 0; i < 200 && status !== "EXTRACTION_FAILED"; i++) {
      await new Promise((r) => setTimeout(r, 10));
      status = (await listKnowledgeFiles(client, folderId))[0].syncStatus;
      expect(status).not.toBe("SYNCED");
    }
    expect(status).toBe("EXTRACTION_FAILED");
  });

  it("a viewer key gets 403 with the Editor-role hint; an unknown folder 404; tabular files 400", async () => {
    const viewer = emulator.createKnowledgeBase({ name: "Viewer", role: "USER" });
    const denied = await uploadKnowledgeFile(client, viewer, blob("x"), "x.md").catch((e) => e);
    expect(denied).toBeInstanceOf(PermissionDeniedError);
    expect(denied.message).toBe(
      `Langdock rejected POST /knowledge/${viewer} with HTTP 403: This API key needs the Editor role on this knowledge folder — give the API key the KNOWLEDGE_FOLDER_API scope, share the knowledge base with the key, and for changes give the key the Editor role on it.`,
    );
    expect(denied.message).not.toContain(emulator.apiKey);
    await expect(listKnowledgeFiles(client, UNKNOWN)).rejects.toBeInstanceOf(NotFoundError);
    const ok = emulator.createKnowledgeBase({ name: "Tabular" });
    await expect(uploadKnowledgeFile(client, ok, blob("a,b", "text/csv"), "t.csv")).rejects.toThrow(/HTTP 400: Tabular files/);
  });

  it("concurrent list calls for one folder share one request", async () => {
    const folderId = emulator.createKnowledgeBase({ name: "Shared" });
    await Promise.all([1, 2, 3].map(() => listKnowledgeFiles(client, folderId)));
    expect(emulator.count({ path: `/knowledge/${folderId}/list` })).toBe(1);
  });

  it("PATCH replaces a file keeping its id, or with a new id when the emulator is told to", async () => {
    const patch = async (em: LangdockEmulator, folderId: string, id: string) => {
      const form = new FormData();
      form.append("attachmentId", id);
      form.append("file", blob("# new\n"), "a.md");
      const res = await fetch(`${em.url}/knowledge/${folderId}`, {
        method: "PATCH",
        body: form,
        headers: { authorization: `Bearer ${em.apiKey}` },
      });
      return ((await res.json()) as { result: { id: string } }).result.id;
    };
    const folderId = emulator.createKnowledgeBase({ name: "Patch" });
    const file = await uploadKnowledgeFile(client, folderId, blob("# old\n"), "a.md");
    expect(await patch(emulator, folderId, file.id)).toBe(file.id);
    const other = await LangdockEmulator.start({ knowledgeReplaceGivesNewId: true });
    try {
      const otherClient = new LangdockClient({ ...DEFAULT_SETTINGS, apiKey: other.apiKey, baseUrl: other.url, cooldown: new Cooldown() });
      const otherFolder = other.createKnowledgeBase({ name: "Patch" });
      const first = await uploadKnowledgeFile(otherClient, otherFolder, blob("# old\n"), "a.md");
      const newId = await patch(other, otherFolder, first.id);
      expect(newId).not.toBe(first.id);
      expect(other.snapshot().knowledgeFiles.map((f) => f.id)).toEqual([newId]);
    } finally {
      await other.close();
    }
  });
});

describe("knowledge bases and lookups", () => {
  it("lists every base across pages; getKnowledgeBases and getKnowledgeFiles return plain data", async () => {
    const em = await LangdockEmulator.start();
    try {
      for (let i = 0; i < 120; i++) em.createKnowledgeBase({ name: `KB ${i}`, role: i === 0 ? "USER" : "EDITOR" });
      const c = new LangdockClient({ ...DEFAULT_SETTINGS, apiKey: em.apiKey, baseUrl: em.url, cooldown: new Cooldown() });
      expect(await listKnowledgeBases(c)).toHaveLength(120);
      expect(em.count({ path: "/knowledge" })).toBe(2);
      const bases = await getKnowledgeBases({ apiKey: em.apiKey, baseUrl: em.url });
      expect(bases.find((b) => b.name === "KB 0")).toEqual({ id: expect.any(String), name: "KB 0", role: "USER", fileCount: 0 });
      const target = bases.find((b) => b.name === "KB 7")!;
      await uploadKnowledgeFile(c, target.id, blob("# Doc\n"), "doc.md");
      expect(await getKnowledgeFiles({ folderId: target.id }, { apiKey: em.apiKey, baseUrl: em.url })).toEqual([
        {
          id: expect.any(String),
          name: "doc.md",
          mimeType: "text/markdown",
          syncStatus: "UPLOADING",
          createdAt: expect.any(String),
          updatedAt: expect.any(String),
        },
      ]);
      await expect(getKnowledgeFiles({ folderId: "" })).rejects.toThrow('getKnowledgeFiles: pass { folderId: "<uuid>" }');
    } finally {
      await em.close();
    }
  });
});
