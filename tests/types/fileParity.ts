import type * as pulumi from "@pulumi/pulumi";
import type { AttachmentArgs, KnowledgeFileArgs } from "../../provider";
import type { AttachmentInputsSchema } from "../../provider/attachment/schema";
import type { KnowledgeFileInputsSchema } from "../../provider/knowledgeFile/schema";
import type { FileParity, Parity } from "./parity";

// The file kinds' Args match their schemas, a FileAsset `file` counting as the path check turns it into.
// tsc checks these lines through parity.test.ts (tests/types/tsconfig.json compiles every .ts here).
export const attachment: FileParity<AttachmentArgs, typeof AttachmentInputsSchema> = true;
export const knowledgeFile: FileParity<KnowledgeFileArgs, typeof KnowledgeFileInputsSchema> = true;

// Each line below must NOT compile:
// @ts-expect-error without the FileAsset mapping the asset is an object the schema never sees
export const assetUnmapped: Parity<AttachmentArgs, typeof AttachmentInputsSchema> = true;
// @ts-expect-error an asset check does not resolve (only a FileAsset becomes a path)
export const otherAsset: FileParity<
  Omit<AttachmentArgs, "file"> & { file: pulumi.Input<string | pulumi.asset.StringAsset> },
  typeof AttachmentInputsSchema
> = true;
// @ts-expect-error the required file made optional
export const optionalFile: FileParity<
  Omit<KnowledgeFileArgs, "file"> & { file?: pulumi.Input<string | pulumi.asset.FileAsset> },
  typeof KnowledgeFileInputsSchema
> = true;
// @ts-expect-error a property the schema does not know
export const extraFileProperty: FileParity<KnowledgeFileArgs & { mimeType?: pulumi.Input<string> }, typeof KnowledgeFileInputsSchema> =
  true;
// @ts-expect-error a property the Args leave out (even an optional one)
export const missingFileProperty: FileParity<Omit<KnowledgeFileArgs, "syncTimeoutSeconds">, typeof KnowledgeFileInputsSchema> = true;
// @ts-expect-error a wrong type: the number of seconds as a string
export const wrongType: FileParity<
  Omit<KnowledgeFileArgs, "syncTimeoutSeconds"> & { syncTimeoutSeconds?: pulumi.Input<string> },
  typeof KnowledgeFileInputsSchema
> = true;
