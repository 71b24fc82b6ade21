import { inspectFile, type FilePurpose } from "./localFile";
import { isUnknown } from "../common/unknown";
import type { CheckFailure } from "../common/schema";

/** What `prepare` adds to a file resource's checked inputs (absent while the file is unknown at preview). */
export type FileFacts = { fileName?: string; contentHash?: string; sizeInBytes?: number };

/**
 * The `prepare` step of resources that upload a local file: adds the file's name and content hash to
 * the checked inputs (so diff compares content, not paths, with no HTTP call), or a failure at `file`.
 */
export function withFileFacts(purpose: FilePurpose) {
  return (inputs: Record<string, unknown>): { inputs: Record<string, unknown>; failures: CheckFailure[] } => {
    const file = inputs.file;
    if (typeof file !== "string" || isUnknown(file)) return { inputs, failures: [] };
    const { facts, problem } = inspectFile(file, purpose);
    if (!facts) return { inputs, failures: [{ property: "file", reason: problem ?? "cannot be read" }] };
    return {
      inputs: { ...inputs, fileName: facts.fileName, contentHash: facts.contentHash, sizeInBytes: facts.sizeInBytes },
      failures: [],
    };
  };
}

/** Comparable forms shared by file resources: the path is not significant (a moved checkout is no change), name and bytes are. */
export const FILE_COMPARABLE = {
  file: () => undefined,
  sizeInBytes: () => undefined,
} as const;

/** Derived inputs: compared only when check derived them (a refresh's projected inputs lack them). */
export const DERIVED_FILE_KEYS = ["fileName", "contentHash"];
