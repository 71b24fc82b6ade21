import { LangdockError, type LangdockErrorCode } from "./langdockError";

/** A local file an upload needs cannot be used as it is (unreadable, or changed since check hashed it). */
export class LocalFileError extends LangdockError {
  override readonly code: LangdockErrorCode = "local_file";
  constructor(
    readonly file: string,
    /** What is wrong and what to do, after `file: "<path>" `. */
    problem: string,
    cause?: unknown,
    /** The input that names it (a Skill's `source`). */
    property = "file",
  ) {
    super(`${property}: ${JSON.stringify(file)} ${problem}`, { cause });
  }
}

/** Langdock never confirmed an attachment upload; with no list endpoint it cannot be looked up. */
export class UploadUnconfirmedError extends LangdockError {
  override readonly code: LangdockErrorCode = "upload_unconfirmed";
  constructor(
    readonly fileName: string,
    cause: Error,
  ) {
    super(
      `Langdock did not confirm the upload of attachment ${JSON.stringify(fileName)} (${cause.message.replace(/\.$/, "")}); Langdock has no API to list attachments, so the provider does not retry blindly: run pulumi up again (an unconfirmed upload, if it happened, stays unused).`,
      { cause },
    );
  }
}

/**
 * A knowledge file's folderId names no knowledge base this API key can see: at create (nothing in the state
 * yet), or at refresh, where the file is kept in the state (an unshared knowledge base still holds it).
 */
export class KnowledgeBaseNotFoundError extends LangdockError {
  override readonly code: LangdockErrorCode = "knowledge_base_not_found";
  constructor(
    readonly folderId: string,
    cause: Error,
    when: "create" | "refresh" = "create",
  ) {
    super(
      when === "create"
        ? `folderId: knowledge base ${folderId} does not exist or is not shared with this API key (HTTP 404); check the id with getKnowledgeBases() or share the knowledge base with the key as Editor.`
        : `folderId: knowledge base ${folderId} is not shared with this API key (or no longer exists) (HTTP 404), so the refresh cannot see its files and keeps them in the state; re-share the knowledge base with the key as Editor in Langdock and refresh again (if it was deleted, remove the KnowledgeFile from the program).`,
      { cause },
    );
  }
}

/** Waiting for Langdock to process a knowledge file ended without SYNCED; the message says why. */
export class SyncFailedError<W = unknown> extends LangdockError {
  override readonly code: LangdockErrorCode = "sync_failed";
  constructor(
    message: string,
    /** The file as Langdock last reported it. */
    readonly lastSeen: W | undefined,
    /** true when Langdock reported a failure status; false when the wait ran out while it was still processing. */
    readonly failed: boolean,
  ) {
    super(message);
  }
}
