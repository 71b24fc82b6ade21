import type { ResourceSpec } from "../common/spec";
import type { KnowledgeFileInputs } from "./schema";

/** Langdock's processing states of a knowledge file; the `…_FAILED` ones and `TIMEOUT` are final failures. */
export type SyncStatus =
  "UPLOADING" | "UPLOADED" | "EXTRACTING" | "EMBEDDING" | "SYNCED" | "ACTION_FAILED" | "EXTRACTION_FAILED" | "EMBEDDING_FAILED" | "TIMEOUT";

export const knowledgeFileSpec = {
  noun: "knowledge file",
  secretInputs: [],
  // Replacement is decided by the diff (schema.ts: folderId, url and the derived name and hash), so the
  // class asks Pulumi for no replaceOnChanges of its own.
  replaceOnChanges: [],
  importId: {
    unsupported: "its content comes from a local file, which Langdock cannot give back: declare the KnowledgeFile with its `file` instead",
  },
} as const satisfies ResourceSpec<KnowledgeFileInputs>;
