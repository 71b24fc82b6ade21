import { z } from "zod";
import { bool, got, optionalText, strictObject, text, uuid, type ResourceSchema } from "../common/schema";
import { DERIVED_FILE_KEYS, FILE_COMPARABLE, withFileFacts, type FileFacts } from "../files/fileInputs";

export const DEFAULT_SYNC_TIMEOUT_SECONDS = 600;

export const KnowledgeFileInputsSchema = strictObject({
  folderId: uuid("id of a knowledge base (see getKnowledgeBases())"),
  file: text(4096, 1),
  url: z.url({ error: (iss) => `must be an http(s) URL (got ${JSON.stringify(iss.input)})`, protocol: /^https?$/ }).optional(),
  waitForSync: bool().default(true),
  syncTimeoutSeconds: z
    .number(got("must be a whole number of seconds from 1 to 3600"))
    .int(got("must be a whole number of seconds from 1 to 3600"))
    .min(1, got("must be a whole number of seconds from 1 to 3600"))
    .max(3600, got("must be a whole number of seconds from 1 to 3600"))
    .default(DEFAULT_SYNC_TIMEOUT_SECONDS),
});
export type KnowledgeFileInputs = z.output<typeof KnowledgeFileInputsSchema>;
/** The inputs after check: the file's facts added (files/fileInputs.ts). */
export type PreparedKnowledgeFileInputs = KnowledgeFileInputs & FileFacts;

/**
 * Every real change replaces the file (upload the new one, then delete the old): Langdock's replace
 * endpoint (PATCH) may answer with a new id, and a Pulumi update cannot change a resource's id, so an
 * in-place update could leave the state holding an id Langdock no longer has (docs/langdock-api.md decision).
 * How the provider waits is not a property of the file: changing it changes nothing in Langdock.
 */
export const knowledgeFileSchema: ResourceSchema<KnowledgeFileInputs> = {
  inputs: KnowledgeFileInputsSchema,
  comparable: { ...FILE_COMPARABLE, url: optionalText, waitForSync: () => undefined, syncTimeoutSeconds: () => undefined },
  replaceOnChanges: ["folderId", "url", ...DERIVED_FILE_KEYS],
  serverDefaulted: DERIVED_FILE_KEYS,
  prepare: withFileFacts("knowledge"),
};
