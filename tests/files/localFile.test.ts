import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { checkInputs, diffInputs } from "../../provider/common/schema";
import { attachmentSchema } from "../../provider/attachment/schema";
import { knowledgeFileSchema } from "../../provider/knowledgeFile/schema";
import { integrationSchema } from "../../provider/integration/schema";
import { UNKNOWN } from "../../provider/common/unknown";
import { globToRegExp, matchingFiles } from "../../provider/knowledgeDirectory/match";
import { readForUpload, typeProblem } from "../../provider/files/localFile";

/** Check of file resources: type, size and hash from the local file, with no HTTP call. */
const FOLDER = "11111111-2222-4333-8444-555555555555";
let dir: string;
let cwd: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ld-files-"));
  cwd = process.cwd();
  process.chdir(dir);
  fs.writeFileSync("guide.md", "# Guide\n");
  fs.writeFileSync("table.csv", "a,b\n");
  fs.mkdirSync("sub");
});
afterAll(() => {
  process.chdir(cwd);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("check of a local file", () => {
  it("adds the file's name, sha256 and size to the inputs; the path is not significant", () => {
    const { inputs, failures } = checkInputs(attachmentSchema, { file: "guide.md" });
    expect(failures).toEqual([]);
    expect(inputs).toEqual({
      file: "guide.md",
      fileName: "guide.md",
      contentHash: createHash("sha256").update("# Guide\n").digest("hex"),
      sizeInBytes: 8,
    });
    const moved = checkInputs(attachmentSchema, { file: path.join(dir, "guide.md") }).inputs;
    expect(diffInputs(attachmentSchema, inputs, moved).changes).toBe(false);
    fs.writeFileSync("other.md", "# Other\n");
    const renamed = checkInputs(attachmentSchema, { file: "other.md" }).inputs;
    expect(diffInputs(attachmentSchema, inputs, renamed)).toMatchObject({ changes: true, replaces: ["fileName", "contentHash"] });
  });

  it("fails with the path when the file is missing or a folder", () => {
    expect(checkInputs(attachmentSchema, { file: "nope.md" }).failures).toEqual([
      {
        property: "file",
        reason: `"nope.md" does not exist (looked for ${path.join(fs.realpathSync(dir), "nope.md")}; relative paths start at the program's folder)`,
      },
    ]);
    expect(checkInputs(attachmentSchema, { file: "sub" }).failures[0].reason).toContain('"sub" (');
  });

  it("refuses tabular files for knowledge bases but not for attachments, and unknown types for both", () => {
    expect(checkInputs(knowledgeFileSchema, { folderId: FOLDER, file: "table.csv" }).failures).toEqual([
      {
        property: "file",
        reason:
          '"table.csv" is a tabular file (.csv); Langdock accepts those in chats and agents (use an Attachment), not in knowledge bases',
      },
    ]);
    expect(checkInputs(attachmentSchema, { file: "table.csv" }).failures).toEqual([]);
    expect(typeProblem("tool.exe", 1, "attachment")).toMatch(/^"tool.exe": Langdock does not accept .exe files; supported: .pdf, .doc, /);
    expect(typeProblem("README", 1, "knowledge")).toMatch(
      /^"README": Langdock does not accept files without an extension; supported: .*\.md, .*\.xml, \.png/,
    );
    expect(typeProblem("README", 1, "knowledge")).not.toContain(".csv");
  });

  it("applies the per-type size limits", () => {
    expect(typeProblem("notes.md", 10 * 1024 * 1024, "knowledge")).toBeUndefined();
    expect(typeProblem("notes.md", 10 * 1024 * 1024 + 1, "knowledge")).toBe(
      '"notes.md" is 10.0 MB; Langdock accepts .md files up to 10.0 MB',
    );
    expect(typeProblem("deck.pptx", 200 * 1024 * 1024, "knowledge")).toBeUndefined();
    expect(typeProblem("photo.png", 21 * 1024 * 1024, "attachment")).toBe(
      '"photo.png" is 21.0 MB; Langdock accepts .png files up to 20.0 MB',
    );
  });

  it("refuses a text file over 8 million characters for a knowledge base (counted as characters, not bytes)", () => {
    fs.writeFileSync("long.md", "a".repeat(8_000_001));
    fs.writeFileSync("limit.md", "a".repeat(8_000_000));
    fs.writeFileSync("accents.html", "é".repeat(7_999_999)); // ~16 MB: under html's byte limit and the character cap
    expect(checkInputs(knowledgeFileSchema, { folderId: FOLDER, file: "long.md" }).failures).toEqual([
      {
        property: "file",
        reason:
          '"long.md" has 8,000,001 characters; Langdock accepts text files of up to 8,000,000 characters in a knowledge base: split it into smaller files',
      },
    ]);
    expect(checkInputs(knowledgeFileSchema, { folderId: FOLDER, file: "limit.md" }).failures).toEqual([]);
    expect(checkInputs(knowledgeFileSchema, { folderId: FOLDER, file: "accents.html" }).failures).toEqual([]);
    expect(checkInputs(attachmentSchema, { file: "long.md" }).failures).toEqual([]); // the cap is the knowledge base's
    for (const f of ["long.md", "limit.md", "accents.html"]) fs.rmSync(f);
  });

  it("passes an unknown file through at preview, and validates the other inputs", () => {
    expect(checkInputs(knowledgeFileSchema, { folderId: FOLDER, file: UNKNOWN })).toMatchObject({ failures: [] });
    expect(checkInputs(knowledgeFileSchema, { folderId: "x", file: "guide.md", url: "ftp://x", syncTimeoutSeconds: 0 }).failures).toEqual([
      { property: "folderId", reason: 'must be the id of a knowledge base (see getKnowledgeBases()), a UUID (got "x")' },
      { property: "url", reason: 'must be an http(s) URL (got "ftp://x")' },
      { property: "syncTimeoutSeconds", reason: "must be a whole number of seconds from 1 to 3600 (got 0)" },
    ]);
  });

  it("changing only how to wait is no change", () => {
    const a = checkInputs(knowledgeFileSchema, { folderId: FOLDER, file: "guide.md" }).inputs;
    const b = checkInputs(knowledgeFileSchema, { folderId: FOLDER, file: "guide.md", waitForSync: false, syncTimeoutSeconds: 5 }).inputs;
    expect(diffInputs(knowledgeFileSchema, a, b).changes).toBe(false);
  });

  it("uploads the bytes with the extension's MIME type, and refuses a file that changed since check", () => {
    const { inputs } = checkInputs(knowledgeFileSchema, { folderId: FOLDER, file: "guide.md" });
    const { blob, fileName } = readForUpload("guide.md", inputs.contentHash);
    expect([blob.type, blob.size, fileName]).toEqual(["text/markdown", 8, "guide.md"]);
    fs.writeFileSync("guide.md", "# Guide, edited\n");
    expect(() => readForUpload("guide.md", inputs.contentHash)).toThrow(
      'file: "guide.md" changed while pulumi up was running; run pulumi up again to upload the current version.',
    );
    fs.writeFileSync("guide.md", "# Guide\n");
  });
});

describe("KnowledgeDirectory file matching", () => {
  it("matches globs over relative paths", () => {
    expect(globToRegExp("**/*.md").test("a.md")).toBe(true);
    expect(globToRegExp("**/*.md").test("x/y/a.md")).toBe(true);
    expect(globToRegExp("drafts/**").test("drafts/a/b.md")).toBe(true);
    expect(globToRegExp("*.md").test("x/a.md")).toBe(false);
  });

  it("lists matching files sorted, skipping hidden ones and excluded globs; a missing folder fails with its path", () => {
    fs.mkdirSync("docs/drafts", { recursive: true });
    fs.mkdirSync("docs/.git", { recursive: true });
    for (const f of ["docs/b.md", "docs/a.txt", "docs/drafts/c.md", "docs/.git/x.md", "docs/.env"]) fs.writeFileSync(f, "x");
    expect(matchingFiles("docs")).toEqual(["a.txt", "b.md", "drafts/c.md"]);
    expect(matchingFiles("docs", ["**/*.md"], ["drafts/**"])).toEqual(["b.md"]);
    expect(() => matchingFiles("missing")).toThrow('KnowledgeDirectory: path "missing" is not a folder');
  });
});

describe("an integration's icon file", () => {
  const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 1]);
  const WEBP = Buffer.concat([Buffer.from("RIFF"), Buffer.from([0, 0, 0, 0]), Buffer.from("WEBPVP8 ")]);

  it("takes JPEG and WebP by extension and content, and adds the sha256 as iconHash", () => {
    fs.writeFileSync("icon.jpg", JPEG);
    fs.writeFileSync("icon.webp", WEBP);
    for (const [file, bytes] of [
      ["icon.jpg", JPEG],
      ["icon.webp", WEBP],
    ] as const) {
      const { inputs, failures } = checkInputs(integrationSchema, { name: "CRM", icon: file });
      expect(failures).toEqual([]);
      expect(inputs.iconHash).toBe(createHash("sha256").update(bytes).digest("hex"));
    }
  });

  it("refuses a file over 20 MB by its size alone, and a missing file naming where it looked", () => {
    expect(typeProblem("big.png", 21 * 1024 * 1024, "icon")).toBe('"big.png" is 21.0 MB; Langdock accepts .png files up to 20.0 MB');
    expect(checkInputs(integrationSchema, { name: "CRM", icon: "nope.png" }).failures).toEqual([
      {
        property: "icon",
        reason: `"nope.png" does not exist (looked for ${path.join(fs.realpathSync(dir), "nope.png")}; relative paths start at the program's folder)`,
      },
    ]);
  });

  it("an icon unknown at preview is a change, and is not read", () => {
    const { inputs, failures } = checkInputs(integrationSchema, { name: "CRM", icon: UNKNOWN });
    expect(failures).toEqual([]);
    expect(inputs.iconHash).toBeUndefined();
    expect(diffInputs(integrationSchema, { name: "CRM", icon: "a.png", iconHash: "abc" }, inputs).diffs).toEqual(["icon"]);
  });
});
