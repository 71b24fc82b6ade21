import { KnowledgeBaseNotFoundError, NotFoundError, PartialStateError, CreateUnconfirmedError } from "../errors";
import { holderOf, take } from "../common/claims";
import { appeared, idsBefore, sendCreate, type Lookup } from "../common/uncertain";
import { deleteKnowledgeFile, listKnowledgeFiles, uploadKnowledgeFile, type KnowledgeFileWire } from "../client/knowledge";
import { GONE, type Context, type Props, type ResourceCrud } from "../common/crud";
import { sanitize } from "../base/props";
import { readForUpload } from "../files/localFile";
import { DEFAULT_SYNC_TIMEOUT_SECONDS, type PreparedKnowledgeFileInputs } from "./schema";
import { SyncError, isFailedStatus, waitForSync } from "./wait";

/** How many times an upload whose outcome was unknown is looked up and tried again. */
const UPLOAD_ATTEMPTS = 3;

/**
 * Outputs: the checked inputs plus what Langdock reports. A file whose processing failed is stored
 * without its content hash, so the next `up` sees a difference and uploads it again.
 */
function toOutputs(wire: KnowledgeFileWire, inputs: Props): Props {
  const failed = isFailedStatus(wire.syncStatus);
  return sanitize({
    folderId: inputs.folderId,
    file: inputs.file,
    url: wire.url ?? inputs.url,
    waitForSync: inputs.waitForSync,
    syncTimeoutSeconds: inputs.syncTimeoutSeconds,
    fileName: inputs.fileName,
    contentHash: failed ? undefined : inputs.contentHash,
    sizeInBytes: inputs.sizeInBytes,
    name: wire.name,
    mimeType: wire.mimeType ?? undefined,
    syncStatus: wire.syncStatus ?? "UPLOADING",
    createdAt: wire.createdAt ?? inputs.createdAt,
    updatedAt: wire.updatedAt ?? inputs.updatedAt,
  });
}

/**
 * Uploads once, and after an answer that was lost (dropped connection, timeout, 5xx) looks in the
 * folder for the file of this name that appeared since the listing before the upload and that no other
 * resource of this run holds (common/uncertain.ts): one is ours; none, it tries again; several (other
 * uploads of this name whose answers were lost too), it fails naming them.
 */
async function upload(ctx: Context, folderId: string, inputs: PreparedKnowledgeFileInputs): Promise<KnowledgeFileWire> {
  const { blob, fileName } = readForUpload(inputs.file, inputs.contentHash);
  const url = inputs.url;
  const holder = holderOf("knowledge file", inputs);
  const lookup: Lookup<KnowledgeFileWire> = {
    noun: "knowledge file",
    scope: folderId,
    key: fileName,
    list: async () => (await listKnowledgeFiles(ctx.client, folderId)).filter((f) => f.name === fileName),
    idOf: (f) => f.id,
  };
  // Files of this name already there (e.g. the old half of a replacement) are never taken for ours.
  const before = await idsBefore(lookup).catch((err) => {
    if (!(err instanceof NotFoundError)) throw err;
    throw new KnowledgeBaseNotFoundError(folderId, err);
  });
  for (let attempt = 1; ; attempt++) {
    const outcome = await sendCreate(lookup, holder, () => uploadKnowledgeFile(ctx.client, folderId, blob, fileName, url));
    if (outcome.kind === "done") return outcome.wire;
    if (outcome.kind === "conflict") throw outcome.error;
    const { appeared: landed } = await appeared(lookup, before);
    if (landed.length > 1) {
      const known = { kind: "uploads", ids: landed.map((f) => f.id), folderId } as const;
      throw new CreateUnconfirmedError("knowledge file", inputs.file, known, outcome.error);
    }
    if (landed.length === 1) {
      const [file] = landed as [KnowledgeFileWire];
      take(holder, file.id, "found");
      ctx.warn(
        `knowledge file ${JSON.stringify(inputs.file)} (${fileName}) was found in knowledge base ${folderId} after an interrupted upload; using ${file.id} instead of uploading it twice.`,
      );
      return file;
    }
    if (attempt >= UPLOAD_ATTEMPTS) throw outcome.error;
  }
}

export const knowledgeFileCrud: ResourceCrud<PreparedKnowledgeFileInputs> = {
  noun: "knowledge file",
  async create(ctx, inputs) {
    const { folderId } = inputs;
    const uploaded = await upload(ctx, folderId, inputs);
    if (inputs.waitForSync === false) return { id: uploaded.id, outs: toOutputs(uploaded, inputs) };
    try {
      const synced = await waitForSync(ctx, folderId, uploaded, inputs.syncTimeoutSeconds ?? DEFAULT_SYNC_TIMEOUT_SECONDS);
      return { id: synced.id, outs: toOutputs(synced, inputs) };
    } catch (err) {
      // The file exists in Langdock: keep it in the state so that no later up uploads a duplicate.
      const seen = err instanceof SyncError ? (err.lastSeen ?? { ...uploaded, syncStatus: "ACTION_FAILED" }) : uploaded;
      throw new PartialStateError(uploaded.id, toOutputs(seen, inputs), err);
    }
  },

  async read(ctx, id, props) {
    try {
      const found = (await listKnowledgeFiles(ctx.client, String(props.folderId))).find((f) => f.id === id);
      return found ? { id, props: toOutputs(found, props) } : GONE;
    } catch (err) {
      // Langdock answers 404 both for a deleted knowledge base and for one no longer shared with the key: the
      // file may well exist, so it is never dropped from the state (the next up would upload a second copy).
      if (err instanceof NotFoundError) throw new KnowledgeBaseNotFoundError(String(props.folderId), err, "refresh");
      throw err;
    }
  },

  // Every change to the file replaces it (see the schema); what remains is how to wait, which sends nothing.
  async update(_ctx, _id, olds, news) {
    return { outs: sanitize({ ...olds, file: news.file, waitForSync: news.waitForSync, syncTimeoutSeconds: news.syncTimeoutSeconds }) };
  },

  async delete(ctx, id, props) {
    try {
      await deleteKnowledgeFile(ctx.client, String(props.folderId), id);
    } catch (err) {
      if (!(err instanceof NotFoundError)) throw err; // already gone is what delete wants
    }
  },
};
