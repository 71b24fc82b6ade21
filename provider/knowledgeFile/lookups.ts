import type { KnowledgeFileWire } from "../client/knowledge";
import { lookupClient, type LookupOptions } from "../lookups";
import type { SyncStatus } from "./index";

/** A knowledge base the API key can use. */
export interface LangdockKnowledgeBase {
  id: string;
  name: string;
  description?: string;
  /** The key's role: `EDITOR` (may upload and delete) or `USER` (may search). */
  role?: string;
  fileCount?: number;
}

/** A file in a knowledge base, as Langdock lists it. */
export interface LangdockKnowledgeFile {
  id: string;
  name: string;
  mimeType?: string;
  url?: string;
  syncStatus?: SyncStatus;
  createdAt?: string;
  updatedAt?: string;
}

function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as T;
}

/**
 * Every knowledge base shared with the API key (workspace keys only; personal keys get none), e.g. to
 * find the `folderId` of a `KnowledgeFile` or an Agent's `knowledgeFolderIds` by name.
 * @throws The client's error (already redacted), e.g. for a key without the KNOWLEDGE_FOLDER_API scope.
 */
export async function getKnowledgeBases(options: LookupOptions = {}): Promise<LangdockKnowledgeBase[]> {
  const { listKnowledgeBases } = require("../client/knowledge") as typeof import("../client/knowledge");
  const bases = await listKnowledgeBases(lookupClient(options));
  return bases.map((b) =>
    defined({
      id: b.id,
      name: b.name,
      description: b.description ?? undefined,
      role: b.role ?? undefined,
      fileCount: b.fileCount ?? undefined,
    }),
  );
}

/**
 * The files of one knowledge base (at most 1,000; Langdock does not page this list).
 * @throws The client's error (already redacted): 404 for an unknown or unshared knowledge base.
 */
export async function getKnowledgeFiles(args: { folderId: string }, options: LookupOptions = {}): Promise<LangdockKnowledgeFile[]> {
  if (typeof args?.folderId !== "string" || args.folderId.trim() === "") {
    throw new Error(`getKnowledgeFiles: pass { folderId: "<uuid>" } with the knowledge base's id, got ${JSON.stringify(args)}.`);
  }
  const { listKnowledgeFiles } = require("../client/knowledge") as typeof import("../client/knowledge");
  const files: KnowledgeFileWire[] = await listKnowledgeFiles(lookupClient(options), args.folderId);
  return files.map((f) =>
    defined({
      id: f.id,
      name: f.name,
      mimeType: f.mimeType ?? undefined,
      url: f.url ?? undefined,
      syncStatus: (f.syncStatus ?? undefined) as SyncStatus | undefined,
      createdAt: f.createdAt ?? undefined,
      updatedAt: f.updatedAt ?? undefined,
    }),
  );
}
