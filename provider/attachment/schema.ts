import { z } from "zod";
import { strictObject, text, type ResourceSchema } from "../common/schema";
import { DERIVED_FILE_KEYS, FILE_COMPARABLE, withFileFacts, type FileFacts } from "../files/fileInputs";

export const AttachmentInputsSchema = strictObject({
  /** Path of the local file, relative to the program's folder. */
  file: text(4096, 1),
});
export type AttachmentInputs = z.output<typeof AttachmentInputsSchema>;
/** The inputs after check: the file's facts added (files/fileInputs.ts). */
export type PreparedAttachmentInputs = AttachmentInputs & FileFacts;

/** Langdock cannot update or read an attachment: a changed name or content replaces it. */
export const attachmentSchema: ResourceSchema<AttachmentInputs> = {
  inputs: AttachmentInputsSchema,
  comparable: { ...FILE_COMPARABLE, name: () => undefined, mimeType: () => undefined },
  replaceOnChanges: DERIVED_FILE_KEYS,
  serverDefaulted: DERIVED_FILE_KEYS,
  prepare: withFileFacts("attachment"),
};
