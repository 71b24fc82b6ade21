import { NotFoundError, UploadUnconfirmedError, isOutcomeUnknown } from "../errors";
import { holderOf, take } from "../common/claims";
import { deleteAttachment, uploadAttachment, type AttachmentWire } from "../client/knowledge";
import { sanitize } from "../base/props";
import type { Props, ResourceCrud } from "../common/crud";
import { readForUpload } from "../files/localFile";
import type { PreparedAttachmentInputs } from "./schema";

/** Outputs: the program's path, check's name and hash, and what Langdock reported for the upload. */
function toOutputs(wire: AttachmentWire, inputs: Props): Props {
  return sanitize({
    file: inputs.file,
    fileName: inputs.fileName,
    contentHash: inputs.contentHash,
    name: wire.file.name,
    mimeType: wire.file.mimeType,
    sizeInBytes: wire.file.sizeInBytes,
  });
}

export const attachmentCrud: ResourceCrud<PreparedAttachmentInputs> = {
  noun: "attachment",
  async create(ctx, inputs) {
    const { blob, fileName } = readForUpload(inputs.file, inputs.contentHash);
    try {
      const wire = await uploadAttachment(ctx.client, blob, fileName);
      // A new upload is always a new id; taken all the same, so every kind claims in one place (common/claims.ts).
      take(holderOf("attachment", inputs), wire.attachmentId, "created");
      return { id: wire.attachmentId, outs: toOutputs(wire, inputs) };
    } catch (err) {
      if (!isOutcomeUnknown(err)) throw err;
      // No list endpoint exists, so a lost answer cannot be looked up; a blind retry could upload twice.
      throw new UploadUnconfirmedError(fileName, err as Error);
    }
  },

  // No GET endpoint for attachments: refresh keeps the state as it is.
  async read(_ctx, id, props) {
    return { id, props };
  },

  // Only the path can change without a replacement (same name and content): nothing to send.
  async update(_ctx, _id, olds, news) {
    return { outs: sanitize({ ...olds, file: news.file }) };
  },

  async delete(ctx, id) {
    try {
      await deleteAttachment(ctx.client, id);
    } catch (err) {
      if (!(err instanceof NotFoundError)) throw err; // already gone is what delete wants
    }
  },
};
