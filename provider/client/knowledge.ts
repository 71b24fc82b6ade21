import { z } from "zod";
import type { LangdockClient } from "./index";

/**
 * Knowledge Folder and Upload Attachment endpoints (docs/langdock-api.md, "Knowledge bases and attachments").
 * Their response shapes are only partly documented, so every schema tolerates unknown fields and the
 * list endpoints accept the envelopes seen in public clients.
 */
const nullishString = z.string().nullish();

export const SYNC_STATUSES = ["UPLOADING", "UPLOADED", "EXTRACTING", "EMBEDDING", "SYNCED"] as const;
export const FAILED_SYNC_STATUSES = ["ACTION_FAILED", "EXTRACTION_FAILED", "EMBEDDING_FAILED", "TIMEOUT"] as const;

export const KnowledgeFileWireSchema = z.object({
  id: z.string(),
  name: z.string(),
  mimeType: nullishString,
  createdAt: nullishString,
  updatedAt: nullishString,
  url: nullishString,
  path: nullishString,
  syncStatus: nullishString,
  pageCount: z.number().nullish(),
  summary: nullishString,
});
export type KnowledgeFileWire = z.infer<typeof KnowledgeFileWireSchema>;

export const KnowledgeBaseWireSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: nullishString,
  role: nullishString,
  fileCount: z.number().nullish(),
  createdAt: nullishString,
});
export type KnowledgeBaseWire = z.infer<typeof KnowledgeBaseWireSchema>;

const FileEnvelope = z.object({ result: KnowledgeFileWireSchema });
const FileListEnvelope = z.object({ result: z.array(KnowledgeFileWireSchema) });
/** `GET /knowledge`: `result` per the other knowledge endpoints; `data`/`knowledgeFolders` as public clients read it. */
const BaseListEnvelope = z
  .object({
    result: z.array(KnowledgeBaseWireSchema).optional(),
    data: z.array(KnowledgeBaseWireSchema).optional(),
    knowledgeFolders: z.array(KnowledgeBaseWireSchema).optional(),
    nextCursor: nullishString,
  })
  .refine((b) => b.result ?? b.data ?? b.knowledgeFolders, { message: "no list of knowledge bases (result)" });
const AttachmentEnvelope = z.object({
  attachmentId: z.string(),
  file: z.object({ name: z.string(), mimeType: z.string(), sizeInBytes: z.number() }),
});
export type AttachmentWire = z.infer<typeof AttachmentEnvelope>;
const Any = z.unknown();

function form(blob: Blob, fileName: string, fields: Record<string, string | undefined> = {}): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) data.append(key, value);
  data.append("file", blob, fileName);
  return data;
}

export function uploadAttachment(client: LangdockClient, blob: Blob, fileName: string): Promise<AttachmentWire> {
  return client.request("POST", "/attachment/v1/upload", {}, AttachmentEnvelope, { body: form(blob, fileName) });
}

export function deleteAttachment(client: LangdockClient, attachmentId: string): Promise<unknown> {
  return client.request("DELETE", "/attachment/v1/delete", {}, Any, { body: { attachmentId } });
}

export function uploadKnowledgeFile(
  client: LangdockClient,
  folderId: string,
  blob: Blob,
  fileName: string,
  url?: string,
): Promise<KnowledgeFileWire> {
  return client
    .request("POST", "/knowledge/{folderId}", { folderId }, FileEnvelope, { body: form(blob, fileName, { url }) })
    .then((r) => r.result);
}

export function deleteKnowledgeFile(client: LangdockClient, folderId: string, attachmentId: string): Promise<unknown> {
  return client.request("DELETE", "/knowledge/{folderId}/{attachmentId}", { folderId, attachmentId }, Any);
}

const inflightLists = new WeakMap<LangdockClient, Map<string, Promise<KnowledgeFileWire[]>>>();

/**
 * The files of a knowledge base (no paging: at most 1,000). Concurrent calls for one folder (a refresh
 * reads every file through it, a wait polls every new file) share the request in flight; an answer is
 * never reused after it completed, so nothing stale is served.
 */
export function listKnowledgeFiles(client: LangdockClient, folderId: string): Promise<KnowledgeFileWire[]> {
  let perClient = inflightLists.get(client);
  if (!perClient) inflightLists.set(client, (perClient = new Map()));
  const pending = perClient.get(folderId);
  if (pending) return pending;
  const request = client
    .request("GET", "/knowledge/{folderId}/list", { folderId }, FileListEnvelope)
    .then((r) => r.result)
    .finally(() => perClient.delete(folderId));
  perClient.set(folderId, request);
  return request;
}

const PAGE_SIZE = 100;
const MAX_PAGES = 100;

/** Every knowledge base the key can use, following `nextCursor` (or the last id, as documented) page by page. */
export async function listKnowledgeBases(client: LangdockClient): Promise<KnowledgeBaseWire[]> {
  const all: KnowledgeBaseWire[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const query: Record<string, string> = { limit: String(PAGE_SIZE), ...(cursor ? { cursor } : {}) };
    const body = await client.request("GET", "/knowledge", {}, BaseListEnvelope, { query });
    const items = body.result ?? body.data ?? body.knowledgeFolders ?? [];
    all.push(...items);
    const next = body.nextCursor ?? (items.length === PAGE_SIZE ? items[items.length - 1].id : undefined);
    if (!next || next === cursor || items.length === 0) break;
    cursor = next;
  }
  return all;
}
