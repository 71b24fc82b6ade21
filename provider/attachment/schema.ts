import { z } from "zod";
import { strictObject, text, type ResourceSchema } from "../common/schema";
import { DERIVED_FILE_KEYS, FILE_COMPARABLE, withFileFacts } from "../files/fileInputs";

export const AttachmentInputsSchema = strictObject({
  /** Path of the local file, relative to the program's folder. */
  file: text(4096, 1),
});
export type AttachmentInputs = z.output<typeof AttachmentInputsSchema>;

/** Langdock cannot update or read an attachment: a changed name or content replaces it. */
export const attachmentSchema: ResourceSchema = {
  inputs: AttachmentInputsSchema as unknown as z.ZodType<Record<string, unknown>>,
  comparable: { ...FILE_COMPARABLE, name: () => undefined, mimeType: () => undefined },
  replaceOnChanges: DERIVED_FILE_KEYS,
  serverDefaulted: DERIVED_FILE_KEYS,
  prepare: withFileFacts("attachment"),
};
