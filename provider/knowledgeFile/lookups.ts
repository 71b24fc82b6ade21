import { InvalidArgumentError } from "../errors/invalidArgumentError";
import { lookupClient } from "../lookupClient";
import type { LookupOptions } from "../lookups";
import type { SyncStatus } from "./spec";

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

/** The named fields that hold a value (Langdock sends `null` for absent ones), as plain data. */
function pickDefined<T extends object, K extends keyof T>(value: T, keys: readonly K[]): { [P in K]: Exclude<T[P], null> } {
  return Object.fromEntries(keys.filter((k) => value[k] !== null && value[k] !== undefined).map((k) => [k, value[k]])) as {
    [P in K]: Exclude<T[P], null>;
  };
}

/**
 * Every knowledge base shared with the API key (workspace keys only; personal keys get none), e.g. to
 * find the `folderId` of a `KnowledgeFile` or an Agent's `knowledgeFolderIds` by name.
 * @throws The client's error (already redacted), e.g. for a key without the KNOWLEDGE_FOLDER_API scope.
 */
export async function getKnowledgeBases(options: LookupOptions = {}): Promise<LangdockKnowledgeBase[]> {
  const { listKnowledgeBases } = require("../client/knowledge") as typeof import("../client/knowledge");
  const bases = await listKnowledgeBases(lookupClient(options));
  return bases.map((b) => pickDefined(b, ["id", "name", "description", "role", "fileCount"] as const));
}

/**
 * The files of one knowledge base (at most 1,000; Langdock does not page this list).
 * @throws The client's error (already redacted): 404 for an unknown or unshared knowledge base.
 */
export async function getKnowledgeFiles(
  args: {
    /** The knowledge base's id (see `getKnowledgeBases()`). */
    folderId: string;
  },
  options: LookupOptions = {},
): Promise<LangdockKnowledgeFile[]> {
  if (typeof args?.folderId !== "string" || args.folderId.trim() === "") {
    throw new InvalidArgumentError(
      "getKnowledgeFiles",
      `pass { folderId: "<uuid>" } with the knowledge base's id, got ${JSON.stringify(args)}`,
    );
  }
  const { listKnowledgeFiles } = require("../client/knowledge") as typeof import("../client/knowledge");
  const files = await listKnowledgeFiles(lookupClient(options), args.folderId);
  const keys = ["id", "name", "mimeType", "url", "syncStatus", "createdAt", "updatedAt"] as const;
  return files.map((f) => pickDefined(f, keys) as LangdockKnowledgeFile);
}
