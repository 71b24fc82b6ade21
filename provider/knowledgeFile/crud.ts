import { KnowledgeBaseNotFoundError, NotFoundError, PartialStateError, isOutcomeUnknown } from "../errors";
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
 * folder for a file of this name that was not there before: found, it is ours; else it tries again.
 */
async function upload(ctx: Context, folderId: string, inputs: PreparedKnowledgeFileInputs): Promise<KnowledgeFileWire> {
  const { blob, fileName } = readForUpload(inputs.file, inputs.contentHash);
  const url = inputs.url;
  // Files of this name already there (e.g. the old half of a replacement) are never taken for ours.
  const existing = await listKnowledgeFiles(ctx.client, folderId).catch((err) => {
    if (!(err instanceof NotFoundError)) throw err;
    throw new KnowledgeBaseNotFoundError(folderId, err);
  });
  const before = new Set(existing.filter((f) => f.name === fileName).map((f) => f.id));
  for (let attempt = 1; ; attempt++) {
    try {
      return await uploadKnowledgeFile(ctx.client, folderId, blob, fileName, url);
    } catch (err) {
      if (!isOutcomeUnknown(err)) throw err;
      const landed = (await listKnowledgeFiles(ctx.client, folderId)).find((f) => f.name === fileName && !before.has(f.id));
      if (landed) {
        ctx.warn(
          `knowledge file "${fileName}" was found in knowledge base ${folderId} after an interrupted upload; using ${landed.id} instead of uploading it twice.`,
        );
        return landed;
      }
      if (attempt >= UPLOAD_ATTEMPTS) throw err;
    }
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
      if (err instanceof NotFoundError) return GONE; // the knowledge base itself is gone (or no longer shared)
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
