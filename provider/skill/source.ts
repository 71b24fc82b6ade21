import * as fs from "node:fs";
import * as path from "node:path";
import { sha256 } from "../files/localFile";
import { readZip, writeZip, type ZipEntry } from "../base/zip";
import { LocalFileError } from "../errors";
import { parseSkillMd, type SkillMd } from "./skillMd";

/**
 * A skill's `source`: a folder holding a SKILL.md and the files it uses, a SKILL.md file, or a `.zip` /
 * `.skill` archive of such a folder. Check reads it (no HTTP) for the frontmatter and a content hash; the
 * upload reads it again and refuses content that changed since check. The state never holds the bytes.
 * Paths are relative to the program's folder, the provider host's working directory.
 */
export type FileType = "md" | "zip";

export interface SourceFacts extends SkillMd {
  /** sha256 of the folder's files (each path, size and bytes, in path order) or of the file. */
  contentHash: string;
  fileType: FileType;
}

const SKILL_MD = "SKILL.md";
const ARCHIVES = [".zip", ".skill"];

/** Reads and judges `source`; `problem` is worded after `"<source>" ` (the caller adds the property path). */
export function inspectSource(source: string): { facts?: SourceFacts; problem?: string } {
  const read = readSource(source);
  if (!read.content) return { problem: read.problem };
  const { skillMd, where, contentHash, fileType } = read.content;
  const parsed = parseSkillMd(skillMd);
  if (!parsed.skill) return { problem: `${JSON.stringify(where)} ${parsed.problem}` };
  return { facts: { ...parsed.skill, contentHash, fileType } };
}

interface SourceContent {
  skillMd: string;
  /** Where the SKILL.md was found, for messages. */
  where: string;
  contentHash: string;
  fileType: FileType;
  /** The bytes to upload: the SKILL.md or the archive (a folder is zipped only for the upload, never at check). */
  upload: () => Buffer;
}

function readSource(source: string): { content?: SourceContent; problem?: string } {
  const absolute = path.resolve(source);
  try {
    const stat = fs.statSync(absolute);
    if (stat.isDirectory()) return readFolder(source, absolute);
    const ext = path.extname(absolute).toLowerCase();
    const bytes = fs.readFileSync(absolute);
    if (ext === ".md") {
      return {
        content: {
          skillMd: bytes.toString("utf8"),
          where: source,
          contentHash: sha256(asCompared(bytes)),
          fileType: "md",
          upload: () => bytes,
        },
      };
    }
    if (ARCHIVES.includes(ext)) return readArchive(source, bytes);
    return {
      problem: `${JSON.stringify(source)} is not a skill: pass a folder holding a SKILL.md, a SKILL.md file, or a .zip or .skill archive`,
    };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return {
      problem:
        code === "ENOENT"
          ? `${JSON.stringify(source)} does not exist (looked for ${absolute}; relative paths start at the program's folder)`
          : `${JSON.stringify(source)} cannot be read (${code ?? String(err)})`,
    };
  }
}

/** Every file below the folder, hidden ones (`.git`, `.DS_Store`) left out, in path order. */
export function folderEntries(absolute: string): ZipEntry[] {
  const entries: ZipEntry[] = [];
  // Symbolic links are followed, each folder once (a link back up would otherwise never end).
  const seen = new Set<string>();
  const walk = (dir: string, prefix: string) => {
    const real = fs.realpathSync(dir);
    if (seen.has(real)) return;
    seen.add(real);
    for (const name of fs.readdirSync(dir).sort()) {
      if (name.startsWith(".")) continue;
      const full = path.join(dir, name);
      const rel = prefix ? `${prefix}/${name}` : name;
      if (fs.statSync(full).isDirectory()) walk(full, rel);
      else entries.push({ path: rel, bytes: fs.readFileSync(full) });
    }
  };
  walk(absolute, "");
  return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * The hash of a set of files: each path, size and bytes, so a rename or a moved byte is a change. Text
 * files count with LF line ends, so a checkout with CRLF (git's autocrlf on Windows) is no change.
 */
export function hashEntries(entries: readonly ZipEntry[]): string {
  const parts = entries.flatMap((e) => {
    const bytes = asCompared(e.bytes);
    return [Buffer.from(`${e.path}\0${bytes.length}\0`, "utf8"), bytes];
  });
  return sha256(Buffer.concat(parts));
}

/** A text file (no NUL in its first 8,000 bytes, git's test) with CRLF as LF; any other file as it is. */
function asCompared(bytes: Uint8Array): Buffer {
  const buffer = Buffer.from(bytes);
  if (buffer.subarray(0, 8000).includes(0) || !buffer.includes(13)) return buffer;
  // latin1 maps bytes 1:1, and no UTF-8 sequence contains CR or LF bytes, so this touches line ends only.
  return Buffer.from(buffer.toString("latin1").replace(/\r\n/g, "\n"), "latin1");
}

function readFolder(source: string, absolute: string): { content?: SourceContent; problem?: string } {
  const entries = folderEntries(absolute);
  const skillMd = entries.find((e) => e.path === SKILL_MD);
  if (!skillMd) {
    return {
      problem: `${JSON.stringify(source)} has no ${SKILL_MD}: a skill folder holds a ${SKILL_MD} (YAML frontmatter with name and description, then the instructions) and the files it uses`,
    };
  }
  return {
    content: {
      skillMd: Buffer.from(skillMd.bytes).toString("utf8"),
      where: `${source.replace(/[/\\]+$/, "")}/${SKILL_MD}`,
      contentHash: hashEntries(entries),
      fileType: "zip",
      upload: () => writeZip(entries),
    },
  };
}

/** The SKILL.md of an archive: at its root, or in its one top-level folder (as `.skill` files have it). */
export function skillMdOf(entries: readonly ZipEntry[]): ZipEntry | undefined {
  const atRoot = entries.find((e) => e.path === SKILL_MD);
  if (atRoot) return atRoot;
  const tops = new Set(entries.map((e) => e.path.split("/")[0]));
  return tops.size === 1 ? entries.find((e) => e.path === `${[...tops][0]}/${SKILL_MD}`) : undefined;
}

function readArchive(source: string, bytes: Buffer): { content?: SourceContent; problem?: string } {
  let entries: ZipEntry[];
  try {
    entries = readZip(bytes);
  } catch (err) {
    return { problem: `${JSON.stringify(source)} cannot be read as a zip archive (${(err as Error).message})` };
  }
  const skillMd = skillMdOf(entries);
  if (!skillMd) {
    return { problem: `${JSON.stringify(source)} holds no ${SKILL_MD} at its root or in its one top-level folder` };
  }
  const content = Buffer.from(skillMd.bytes).toString("utf8");
  return {
    content: { skillMd: content, where: `${source}:${skillMd.path}`, contentHash: sha256(bytes), fileType: "zip", upload: () => bytes },
  };
}

/**
 * The upload for `source`: a SKILL.md as it is, an archive as it is, a folder zipped. Fails when the
 * content changed since check hashed it, so a run never imports content that its preview did not show.
 */
export function packSource(source: string, expectedHash: unknown): { blob: Blob; fileName: string; fileType: FileType } {
  const read = readSource(source);
  if (!read.content)
    throw new LocalFileError(source, `is no longer usable (${read.problem}); fix it and run pulumi up again.`, undefined, "source");
  const { contentHash, upload, fileType } = read.content;
  if (typeof expectedHash === "string" && contentHash !== expectedHash) {
    throw new LocalFileError(
      source,
      "changed while pulumi up was running; run pulumi up again to import the current version.",
      undefined,
      "source",
    );
  }
  const base = path.basename(path.resolve(source));
  const fileName = fileType === "md" || !fs.statSync(path.resolve(source)).isDirectory() ? base : `${base}.zip`;
  const type = fileType === "md" ? "text/markdown" : "application/zip";
  return { blob: new Blob([upload()], { type }), fileName, fileType };
}
