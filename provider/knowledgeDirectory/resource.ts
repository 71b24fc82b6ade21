import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { KnowledgeFile } from "../knowledgeFile/resource";
import { matchingFiles } from "./match";

export interface KnowledgeDirectoryArgs {
  /** Id of the knowledge base the files go to (see `getKnowledgeBases()`). */
  folderId: pulumi.Input<string>;
  /** Local folder, relative to the program's folder. Read when the program runs: it must be a plain string. */
  path: string;
  /** Globs of the files to include, relative to `path` (`**` any folders, `*` within a name); default every file. */
  include?: string[];
  /** Globs of files to leave out, e.g. `["drafts/**", "**\/*.csv"]`. Hidden files and folders are always left out. */
  exclude?: string[];
  /** Passed to every file: whether `up` waits for Langdock's processing (default `true`). */
  waitForSync?: pulumi.Input<boolean>;
  /** Passed to every file: how long `up` waits, in seconds (default 600). */
  syncTimeoutSeconds?: pulumi.Input<number>;
}

/**
 * A local folder kept in step with a knowledge base: one `KnowledgeFile` per matching file, named by
 * its path relative to `path` (`<name>/<relative path>`), so a new doc is one upload, a changed doc one
 * replacement, a deleted doc one delete at the next `up`, and an unchanged doc no call at all. Files
 * in the knowledge base that the program did not upload are left alone.
 */
export class KnowledgeDirectory extends pulumi.ComponentResource {
  /** The knowledge files, by path relative to `path`. */
  readonly files: Record<string, KnowledgeFile>;
  /** Their ids, by path relative to `path`. */
  readonly fileIds: pulumi.Output<Record<string, string>>;

  constructor(name: string, args: KnowledgeDirectoryArgs, opts?: pulumi.ComponentResourceOptions) {
    super("langdock:index:KnowledgeDirectory", name, {}, opts);
    this.files = {};
    for (const rel of matchingFiles(args.path, args.include, args.exclude)) {
      this.files[rel] = new KnowledgeFile(
        `${name}/${rel}`,
        {
          folderId: args.folderId,
          // The same form as `path` (relative stays relative), so the state does not depend on the machine.
          file: path.join(args.path, ...rel.split("/")),
          waitForSync: args.waitForSync,
          syncTimeoutSeconds: args.syncTimeoutSeconds,
        },
        { parent: this },
      );
    }
    this.fileIds = pulumi.all(Object.fromEntries(Object.entries(this.files).map(([rel, f]) => [rel, f.id])));
    this.registerOutputs({ fileIds: this.fileIds });
  }
}
