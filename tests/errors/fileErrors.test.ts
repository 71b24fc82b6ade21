import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { KnowledgeBaseNotFoundError, LangdockError, LocalFileError, SyncFailedError, UploadUnconfirmedError } from "../../provider/errors";
import { readForUpload } from "../../provider/files/localFile";
import { matchingFiles } from "../../provider/knowledgeDirectory/match";
import { getKnowledgeFiles } from "../../provider/knowledgeFile/lookups";

const timeout = new Error("Langdock could not be reached for POST /attachment/v1/upload: ETIMEDOUT.");

describe("LocalFileError", () => {
  it("names the file and what to do, keeping the cause", () => {
    const cause = Object.assign(new Error("no such file"), { code: "ENOENT" });
    const err = new LocalFileError("docs/a.md", "cannot be read for the upload (ENOENT); restore it and run pulumi up again.", cause);
    expect(err).toBeInstanceOf(LangdockError);
    expect(err.code).toBe("local_file");
    expect(err.cause).toBe(cause);
    expect(err.message).toBe('file: "docs/a.md" cannot be read for the upload (ENOENT); restore it and run pulumi up again.');
  });

  it("is what an upload of a file that changed since check throws", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "file-error-"));
    const file = path.join(dir, "a.md");
    fs.writeFileSync(file, "now");
    expect(() => readForUpload(file, "0".repeat(64))).toThrow(
      expect.objectContaining({
        code: "local_file",
        message: `file: ${JSON.stringify(file)} changed while pulumi up was running; run pulumi up again to upload the current version.`,
      }),
    );
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe("UploadUnconfirmedError", () => {
  it("says why there is no retry", () => {
    const err = new UploadUnconfirmedError("handbook.pdf", timeout);
    expect(err.code).toBe("upload_unconfirmed");
    expect(err.cause).toBe(timeout);
    expect(err.message).toBe(
      `Langdock did not confirm the upload of attachment "handbook.pdf" (Langdock could not be reached for POST /attachment/v1/upload: ETIMEDOUT); Langdock has no API to list attachments, so the provider does not retry blindly: run pulumi up again (an unconfirmed upload, if it happened, stays unused).`,
    );
  });
});

describe("KnowledgeBaseNotFoundError", () => {
  it("points at getKnowledgeBases and sharing", () => {
    const err = new KnowledgeBaseNotFoundError("f-1", timeout);
    expect(err.code).toBe("knowledge_base_not_found");
    expect(err.cause).toBe(timeout);
    expect(err.message).toBe(
      "folderId: knowledge base f-1 does not exist or is not shared with this API key (HTTP 404); check the id with getKnowledgeBases() or share the knowledge base with the key as Editor.",
    );
  });
});

describe("SyncFailedError", () => {
  it("carries the last status seen and whether Langdock reported a failure", () => {
    const err = new SyncFailedError("knowledge file x: failed.", { syncStatus: "EMBEDDING_FAILED" }, true);
    expect(err.code).toBe("sync_failed");
    expect(err.lastSeen).toEqual({ syncStatus: "EMBEDDING_FAILED" });
    expect(err.failed).toBe(true);
    expect(err.message).toBe("knowledge file x: failed.");
  });
});

describe("InvalidArgumentError from the knowledge helpers", () => {
  it("KnowledgeDirectory on a path that is not a folder", () => {
    const missing = path.join(os.tmpdir(), "no-such-folder-for-knowledge-directory");
    expect(() => matchingFiles(missing)).toThrow(
      expect.objectContaining({
        code: "invalid_argument",
        message: `KnowledgeDirectory: path "${missing}" is not a folder (looked for ${missing}; relative paths start at the program's folder).`,
      }),
    );
  });

  it("getKnowledgeFiles without a folderId", async () => {
    await expect(getKnowledgeFiles({} as never)).rejects.toMatchObject({
      code: "invalid_argument",
      message: `getKnowledgeFiles: pass { folderId: "<uuid>" } with the knowledge base's id, got {}.`,
    });
  });
});
