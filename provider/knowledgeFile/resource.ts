import type * as pulumi from "@pulumi/pulumi";
import { LangdockResource, type Out } from "../resource";
import { knowledgeFileSpec, type SyncStatus } from "./spec";

export interface KnowledgeFileArgs {
  /** Id of the knowledge base (see `getKnowledgeBases()`); the API key needs the Editor role on it. Changing it replaces the file. */
  folderId: pulumi.Input<string>;
  /**
   * Path of the local file, relative to the program's folder. Check reads it (type from the extension,
   * Langdock's per-type size limit, at most 8 million characters in a text file; tabular files such as
   * .csv and .xlsx are refused) and hashes it; only the path, name and hash are stored. A changed name
   * or content replaces the file in Langdock.
   */
  file: pulumi.Input<string | pulumi.asset.FileAsset>;
  /** Source URL Langdock shows for the document. Changing it replaces the file. */
  url?: pulumi.Input<string>;
  /** Whether `up` waits until Langdock has processed the file (syncStatus SYNCED); default `true`. */
  waitForSync?: pulumi.Input<boolean>;
  /** How long `up` waits for processing, 1–3600 seconds; default 600. */
  syncTimeoutSeconds?: pulumi.Input<number>;
}

/**
 * A local file in a Langdock knowledge base. Create uploads it (and by default waits until Langdock
 * has processed it), a changed file is uploaded anew and the old one deleted, delete removes it, and
 * `pulumi refresh` drops a file deleted in Langdock. See `KnowledgeDirectory` for a whole folder.
 */
export class KnowledgeFile extends LangdockResource {
  declare readonly folderId: Out<string>;
  declare readonly file: Out<string>;
  declare readonly url: Out<string | undefined>;
  /** The local file's name, as check read it. */
  declare readonly fileName: Out<string>;
  /** sha256 (hex) of the uploaded content; absent after Langdock failed to process it (the next up uploads it again). */
  declare readonly contentHash: Out<string | undefined>;
  /** The uploaded file's size. */
  declare readonly sizeInBytes: Out<number>;
  /** The name Langdock stored. */
  declare readonly name: Out<string>;
  /** The MIME type Langdock reports. */
  declare readonly mimeType: Out<string | undefined>;
  /** Langdock's processing state: `SYNCED` when the file is searchable; `…_FAILED` or `TIMEOUT` when it is not. */
  declare readonly syncStatus: Out<SyncStatus>;
  /** When Langdock received the file (ISO 8601). */
  declare readonly createdAt: Out<string | undefined>;
  /** When Langdock last changed the file (ISO 8601). */
  declare readonly updatedAt: Out<string | undefined>;
  constructor(name: string, args: KnowledgeFileArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = [
      ...["url", "waitForSync", "syncTimeoutSeconds", "fileName", "contentHash", "sizeInBytes"],
      ...["name", "mimeType", "syncStatus", "createdAt", "updatedAt"],
    ];
    super("KnowledgeFile", knowledgeFileSpec, name, args, outputs, opts);
  }
}
