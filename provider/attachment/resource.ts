import type * as pulumi from "@pulumi/pulumi";
import { LangdockResource, type Out } from "../resource";
import { attachmentSpec } from "./spec";

export interface AttachmentArgs {
  /**
   * Path of the local file to upload, relative to the program's folder (where Pulumi.yaml is). Check
   * reads it (type from the extension, Langdock's per-type size limit, a sha256 of the content); only the
   * path, name and hash are stored, never the content. A `pulumi.asset.FileAsset` is taken as its path.
   */
  file: pulumi.Input<string | pulumi.asset.FileAsset>;
}

/**
 * A file uploaded with Langdock's attachment API, e.g. a handbook for `new Agent(…, { attachments:
 * [handbook.id] })`. Its `id` is the attachment id. A changed file (name or content) replaces it.
 * Langdock has no API to read attachments, so `pulumi refresh` keeps the state as it is and cannot
 * notice an attachment deleted in Langdock.
 */
export class Attachment extends LangdockResource {
  declare readonly file: Out<string>;
  /** The local file's name, as check read it. */
  declare readonly fileName: Out<string>;
  /** sha256 (hex) of the uploaded content. */
  declare readonly contentHash: Out<string>;
  /** The name Langdock stored. */
  declare readonly name: Out<string>;
  /** The MIME type the upload carried (from the file's extension). */
  declare readonly mimeType: Out<string>;
  /** The uploaded file's size. */
  declare readonly sizeInBytes: Out<number>;
  constructor(name: string, args: AttachmentArgs, opts?: pulumi.CustomResourceOptions) {
    super("Attachment", attachmentSpec, name, args, ["fileName", "contentHash", "name", "mimeType", "sizeInBytes"], opts);
  }
}
