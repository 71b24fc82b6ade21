import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { LocalFileError } from "../errors";

/**
 * The local files `Attachment` and `KnowledgeFile` upload. Check inspects a file (type from its
 * extension, Langdock's per-type size limit, a sha256 of its bytes) without any HTTP call; only the
 * path, name and hash ever reach the state, never the bytes. Paths are relative to the program's
 * folder, which is the provider host's working directory.
 */
const MB = 1024 * 1024;

export type FilePurpose = "attachment" | "knowledge" | "icon";

/** An integration's icon: PNG, JPEG or WebP (at most 20 MB, FILE_TYPES), told by extension and by content. */
const ICON_SIGNATURES: Record<string, (bytes: Buffer) => boolean> = {
  png: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  jpg: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  jpeg: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  webp: (b) => b.toString("latin1", 0, 4) === "RIFF" && b.toString("latin1", 8, 12) === "WEBP",
};

/** Whether a file type may be uploaded for `purpose`. */
function allowedFor(ext: string, purpose: FilePurpose): boolean {
  if (purpose === "icon") return ext in ICON_SIGNATURES;
  return FILE_TYPES[ext] !== undefined && (purpose === "attachment" || !FILE_TYPES[ext].tabular);
}

interface FileType {
  mimeType: string;
  maxBytes: number;
  /** Langdock accepts tabular files in chats and agents, not in knowledge bases. */
  tabular?: boolean;
  /** A text-based file: in a knowledge base it may hold at most KNOWLEDGE_TEXT_MAX_CHARACTERS. */
  text?: boolean;
}

/** Langdock's cap per text-based file, on top of the byte limit (knowledge-and-attachments.md §7). */
export const KNOWLEDGE_TEXT_MAX_CHARACTERS = 8_000_000;

/** Per-type limits from Langdock's file-type table (knowledge-and-attachments.md §7); 256 MB is the per-file maximum. */
export const FILE_TYPES: Record<string, FileType> = {
  pdf: { mimeType: "application/pdf", maxBytes: 256 * MB },
  doc: { mimeType: "application/msword", maxBytes: 256 * MB },
  docx: { mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", maxBytes: 256 * MB },
  dotx: { mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.template", maxBytes: 256 * MB },
  ppt: { mimeType: "application/vnd.ms-powerpoint", maxBytes: 256 * MB },
  pptx: { mimeType: "application/vnd.openxmlformats-officedocument.presentationml.presentation", maxBytes: 256 * MB },
  potx: { mimeType: "application/vnd.openxmlformats-officedocument.presentationml.template", maxBytes: 256 * MB },
  aspx: { mimeType: "text/html", maxBytes: 256 * MB, text: true },
  msg: { mimeType: "application/vnd.ms-outlook", maxBytes: 256 * MB },
  html: { mimeType: "text/html", maxBytes: 256 * MB, text: true },
  htm: { mimeType: "text/html", maxBytes: 256 * MB, text: true },
  md: { mimeType: "text/markdown", maxBytes: 10 * MB, text: true },
  txt: { mimeType: "text/plain", maxBytes: 10 * MB, text: true },
  json: { mimeType: "application/json", maxBytes: 10 * MB, text: true },
  vtt: { mimeType: "text/vtt", maxBytes: 10 * MB, text: true },
  xml: { mimeType: "application/xml", maxBytes: 30 * MB, text: true },
  csv: { mimeType: "text/csv", maxBytes: 30 * MB, tabular: true },
  tsv: { mimeType: "text/tab-separated-values", maxBytes: 30 * MB, tabular: true },
  xls: { mimeType: "application/vnd.ms-excel", maxBytes: 30 * MB, tabular: true },
  xlsx: { mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", maxBytes: 30 * MB, tabular: true },
  xlsm: { mimeType: "application/vnd.ms-excel.sheet.macroEnabled.12", maxBytes: 30 * MB, tabular: true },
  png: { mimeType: "image/png", maxBytes: 20 * MB },
  jpg: { mimeType: "image/jpeg", maxBytes: 20 * MB },
  jpeg: { mimeType: "image/jpeg", maxBytes: 20 * MB },
  gif: { mimeType: "image/gif", maxBytes: 20 * MB },
  webp: { mimeType: "image/webp", maxBytes: 20 * MB },
};

/** What check learns about a file: all of it may be stored; none of it is the content. */
export interface FileFacts {
  fileName: string;
  contentHash: string;
  sizeInBytes: number;
  mimeType: string;
}

export function extensionOf(file: string): string {
  return path.extname(file).slice(1).toLowerCase();
}

export function mimeTypeOf(file: string): string {
  return FILE_TYPES[extensionOf(file)]?.mimeType ?? "application/octet-stream";
}

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function describeSize(bytes: number): string {
  return bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${bytes} bytes`;
}

/** The reason a file cannot be uploaded for `purpose`, judged by extension and size alone. */
export function typeProblem(file: string, sizeInBytes: number, purpose: FilePurpose): string | undefined {
  const ext = extensionOf(file);
  const type = FILE_TYPES[ext];
  if (!type || (purpose === "icon" && !allowedFor(ext, purpose))) {
    const allowed = Object.keys(purpose === "icon" ? ICON_SIGNATURES : FILE_TYPES).filter((e) => allowedFor(e, purpose));
    const what = ext ? `.${ext} files` : "files without an extension";
    const as = purpose === "icon" ? " as an icon" : "";
    return `"${file}": Langdock does not accept ${what}${as}; supported: ${allowed.map((e) => `.${e}`).join(", ")}`;
  }
  if (type.tabular && purpose === "knowledge") {
    return `"${file}" is a tabular file (.${ext}); Langdock accepts those in chats and agents (use an Attachment), not in knowledge bases`;
  }
  if (sizeInBytes > type.maxBytes) {
    return `"${file}" is ${describeSize(sizeInBytes)}; Langdock accepts .${ext} files up to ${describeSize(type.maxBytes)}`;
  }
  return undefined;
}

/**
 * A text file over Langdock's character cap for knowledge bases. Characters are counted as Langdock
 * (JavaScript) counts them, in UTF-16 units of the UTF-8 text, so a file of multi-byte characters can
 * pass the byte limit and still be refused here.
 */
export function textProblem(file: string, bytes: Buffer, purpose: FilePurpose): string | undefined {
  if (purpose !== "knowledge" || !FILE_TYPES[extensionOf(file)]?.text) return undefined;
  if (bytes.length <= KNOWLEDGE_TEXT_MAX_CHARACTERS) return undefined; // a UTF-8 character is at least one byte
  const characters = bytes.toString("utf8").length;
  if (characters <= KNOWLEDGE_TEXT_MAX_CHARACTERS) return undefined;
  const n = (count: number) => count.toLocaleString("en-US");
  return `"${file}" has ${n(characters)} characters; Langdock accepts text files of up to ${n(KNOWLEDGE_TEXT_MAX_CHARACTERS)} characters in a knowledge base: split it into smaller files`;
}

/** Reads and judges a file; `problem` says what is wrong (missing, a folder, wrong type, too large). */
export function inspectFile(file: string, purpose: FilePurpose): { facts?: FileFacts; problem?: string } {
  const absolute = path.resolve(file);
  let bytes: Buffer;
  try {
    const stat = fs.statSync(absolute);
    if (!stat.isFile()) return { problem: `"${file}" (${absolute}) is not a file` };
    if (stat.size === 0)
      return { problem: `"${file}" is empty (0 bytes); Langdock does not accept empty files: give it content or remove this resource` };
    const problem = typeProblem(file, stat.size, purpose);
    if (problem) return { problem };
    bytes = fs.readFileSync(absolute);
    const tooLong = textProblem(file, bytes, purpose);
    if (tooLong) return { problem: tooLong };
    const ext = extensionOf(file);
    if (purpose === "icon" && !ICON_SIGNATURES[ext](bytes)) {
      return {
        problem: `"${file}" is not a ${ext === "jpg" ? "JPEG" : ext.toUpperCase()} image (its content does not match its extension); Langdock accepts PNG, JPEG and WebP icons`,
      };
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return {
      problem:
        code === "ENOENT"
          ? `"${file}" does not exist (looked for ${absolute}; relative paths start at the program's folder)`
          : `"${file}" cannot be read (${code ?? String(err)})`,
    };
  }
  return {
    facts: { fileName: path.basename(absolute), contentHash: sha256(bytes), sizeInBytes: bytes.length, mimeType: mimeTypeOf(file) },
  };
}

/**
 * The bytes to upload, as a Blob with the MIME type of the extension (content sniffing would call an
 * Office file a zip, which Langdock rejects). Fails when the file changed since check hashed it, so a
 * run never uploads content that its preview did not show.
 */
export function readForUpload(file: string, expectedHash: unknown): { blob: Blob; fileName: string } {
  const absolute = path.resolve(file);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(absolute);
  } catch (err) {
    throw new LocalFileError(
      file,
      `cannot be read for the upload (${(err as NodeJS.ErrnoException).code ?? String(err)}); restore it and run pulumi up again.`,
      err,
    );
  }
  if (typeof expectedHash === "string" && sha256(bytes) !== expectedHash) {
    throw new LocalFileError(file, "changed while pulumi up was running; run pulumi up again to upload the current version.");
  }
  return { blob: new Blob([bytes], { type: mimeTypeOf(file) }), fileName: path.basename(absolute) };
}
