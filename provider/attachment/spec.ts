import type { ResourceSpec } from "../common/spec";
import type { AttachmentInputs } from "./schema";

export const attachmentSpec = {
  noun: "attachment",
  secretInputs: [],
  // A changed file replaces the attachment; that is decided by the derived name and hash (schema.ts), not by an input.
  replaceOnChanges: [],
} as const satisfies ResourceSpec<AttachmentInputs>;
