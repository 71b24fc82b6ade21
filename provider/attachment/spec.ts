import type { ResourceSpec } from "../common/spec";
import type { AttachmentInputs } from "./schema";

export const attachmentSpec = {
  noun: "attachment",
  secretInputs: [],
  // A changed file replaces the attachment; that is decided by the derived name and hash (schema.ts), not by an input.
  replaceOnChanges: [],
  importId: { unsupported: "Langdock cannot read an attachment back: declare the Attachment with its `file` instead" },
} as const satisfies ResourceSpec<AttachmentInputs>;
