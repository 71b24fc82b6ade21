import { createHash, randomUUID } from "node:crypto";
import { nowIso } from "./children";
import { EmulatorHttpError, badRequest, notFound } from "./httpError";
import type { KnowledgeRole } from "./types";

/** A file part of a multipart request, as the emulator keeps it: metadata and a hash, not the bytes. */
export interface UploadedPart {
  name: string;
  type: string;
  size: number;
  sha256: string;
}

/** A parsed multipart/form-data body. */
export class MultipartBody {
  constructor(
    readonly fields: Record<string, string>,
    readonly files: Record<string, UploadedPart>,
    /** The bytes of each file part, for routes that read them (skill imports); never logged. */
    readonly contents: Record<string, Buffer> = {},
  ) {}

  /** The request-log form: field values and file metadata. */
  toLog(): Record<string, unknown> {
    return { fields: this.fields, files: this.files };
  }
}

/** Parses multipart/form-data with the platform's own parser (undici's Response.formData). */
export async function parseMultipart(raw: Buffer, contentType: string): Promise<MultipartBody> {
  const form = await new Response(raw, { headers: { "content-type": contentType } }).formData();
  const fields: Record<string, string> = {};
  const files: Record<string, UploadedPart> = {};
  const contents: Record<string, Buffer> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === "string") fields[key] = value;
    else {
      const bytes = Buffer.from(await value.arrayBuffer());
      contents[key] = bytes;
      files[key] = { name: value.name, type: value.type, size: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") };
    }
  }
  return new MultipartBody(fields, files, contents);
}

export const PROCESSING_STAGES = ["UPLOADING", "UPLOADED", "EXTRACTING", "EMBEDDING", "SYNCED"] as const;
export type ProcessingFailure = "ACTION_FAILED" | "EXTRACTION_FAILED" | "EMBEDDING_FAILED" | "TIMEOUT";
/** The stage at which each failure shows (extraction fails after EXTRACTING, the rest after EMBEDDING). */
const FAILS_AT: Record<ProcessingFailure, number> = { ACTION_FAILED: 1, EXTRACTION_FAILED: 3, EMBEDDING_FAILED: 4, TIMEOUT: 4 };
const TABULAR = /\.(csv|tsv|xlsx?|xlsm|ods)$/i;
const OFFICE = /\.(docx?|dotx|pptx?|potx)$/i;

interface KnowledgeBase {
  id: string;
  name: string;
  description: string | null;
  role: KnowledgeRole;
  createdAt: string;
}

interface KnowledgeFileRecord {
  id: string;
  folderId: string;
  name: string;
  mimeType: string;
  url: string | null;
  createdAt: string;
  updatedAt: string;
  /** When processing started (ms); the status advances one stage every `stageMs`. */
  startedAt: number;
  failWith: ProcessingFailure | null;
  sizeInBytes: number;
  sha256: string;
}

interface AttachmentRecord {
  id: string;
  name: string;
  mimeType: string;
  sizeInBytes: number;
  sha256: string;
}

/** Knowledge bases with their files (processed asynchronously, like Langdock's), and agent attachments. */
export class KnowledgeStore {
  private readonly bases = new Map<string, KnowledgeBase>();
  private readonly files = new Map<string, KnowledgeFileRecord>();
  private readonly attachments = new Map<string, AttachmentRecord>();
  private failures: ProcessingFailure[] = [];

  constructor(
    private readonly stageMs: number,
    /** Whether PATCH gives the replaced file a new id (undocumented in Langdock). */
    private readonly replaceGivesNewId: boolean,
  ) {}

  createBase(input: { name: string; description?: string; role?: KnowledgeRole }): string {
    const base: KnowledgeBase = {
      id: randomUUID(),
      name: input.name,
      description: input.description ?? null,
      role: input.role ?? "EDITOR",
      createdAt: nowIso(),
    };
    this.bases.set(base.id, base);
    return base.id;
  }

  /** The next `count` uploads end in `status` instead of SYNCED. */
  failProcessing(status: ProcessingFailure, count: number): void {
    for (let i = 0; i < count; i++) this.failures.push(status);
  }

  /** Newest first, then by id, as Langdock orders them; `cursor` is the id of the last base of the previous page. */
  listBases(limit: number, cursor: string | undefined): { result: unknown[]; nextCursor: string | null } {
    const all = [...this.bases.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
    let start = 0;
    if (cursor !== undefined) {
      start = all.findIndex((b) => b.id === cursor) + 1;
      if (start === 0) throw badRequest("Invalid cursor");
    }
    const page = all.slice(start, start + limit);
    const more = start + limit < all.length;
    return {
      result: page.map((b) => ({ ...b, fileCount: this.filesOf(b.id).length })),
      nextCursor: more ? page[page.length - 1].id : null,
    };
  }

  base(folderId: string, write: boolean): KnowledgeBase {
    const base = this.bases.get(folderId);
    if (!base) throw notFound("Knowledge folder");
    if (write && base.role !== "EDITOR") throw new EmulatorHttpError(403, "This API key needs the Editor role on this knowledge folder");
    return base;
  }

  upload(folderId: string, part: UploadedPart | undefined, url: string | undefined): KnowledgeFileRecord {
    this.base(folderId, true);
    const checked = this.checkPart(part);
    if (this.filesOf(folderId).length >= 1000) throw badRequest("Knowledge folder is full (1000 files)");
    const now = nowIso();
    const record: KnowledgeFileRecord = {
      id: randomUUID(),
      folderId,
      name: checked.name,
      mimeType: checked.type,
      url: url ?? null,
      createdAt: now,
      updatedAt: now,
      startedAt: Date.now(),
      failWith: this.failures.shift() ?? null,
      sizeInBytes: checked.size,
      sha256: checked.sha256,
    };
    this.files.set(record.id, record);
    return record;
  }

  replace(
    folderId: string,
    attachmentId: string | undefined,
    part: UploadedPart | undefined,
    url: string | undefined,
  ): KnowledgeFileRecord {
    this.base(folderId, true);
    const old = this.file(folderId, attachmentId ?? "");
    const next = this.upload(folderId, part, url ?? old.url ?? undefined);
    this.files.delete(next.id);
    const record = { ...next, id: this.replaceGivesNewId ? next.id : old.id, createdAt: old.createdAt };
    this.files.delete(old.id);
    this.files.set(record.id, record);
    return record;
  }

  file(folderId: string, id: string): KnowledgeFileRecord {
    const record = this.files.get(id);
    if (!record || record.folderId !== folderId) throw notFound("Attachment");
    return record;
  }

  filesOf(folderId: string): KnowledgeFileRecord[] {
    return [...this.files.values()].filter((f) => f.folderId === folderId);
  }

  deleteFile(folderId: string, id: string): void {
    this.base(folderId, true);
    this.file(folderId, id);
    this.files.delete(id);
  }

  /** Out of band (the UI): throws when the id is unknown. */
  deleteFileAnywhere(id: string): void {
    if (!this.files.delete(id)) throw new Error(`no knowledge file ${id}`);
  }

  uploadAttachment(part: UploadedPart | undefined): AttachmentRecord {
    const { name, type, size, sha256 } = this.checkPart(part, true);
    const record: AttachmentRecord = { id: randomUUID(), name, mimeType: type, sizeInBytes: size, sha256 };
    this.attachments.set(record.id, record);
    return record;
  }

  deleteAttachment(id: string): void {
    if (!this.attachments.delete(id)) throw notFound("Attachment");
  }

  hasAttachment(id: string): boolean {
    return this.attachments.has(id);
  }

  /** A file in response shape, with the status its age gives it. */
  fileWire(record: KnowledgeFileRecord): Record<string, unknown> {
    return {
      id: record.id,
      name: record.name,
      mimeType: record.mimeType,
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
      url: record.url,
      syncStatus: this.statusOf(record),
    };
  }

  snapshot(): { knowledgeBases: unknown[]; knowledgeFiles: unknown[]; attachments: unknown[] } {
    return {
      knowledgeBases: [...this.bases.values()].map((b) => ({ ...b })),
      knowledgeFiles: [...this.files.values()].map((f) => ({
        ...this.fileWire(f),
        folderId: f.folderId,
        sizeInBytes: f.sizeInBytes,
        sha256: f.sha256,
      })),
      attachments: [...this.attachments.values()].map((a) => ({ ...a })),
    };
  }

  private statusOf(record: KnowledgeFileRecord): string {
    const stage = Math.floor((Date.now() - record.startedAt) / Math.max(1, this.stageMs));
    if (record.failWith && stage >= FAILS_AT[record.failWith]) return record.failWith;
    return PROCESSING_STAGES[Math.min(stage, PROCESSING_STAGES.length - 1)];
  }

  private checkPart(part: UploadedPart | undefined, attachment = false): UploadedPart {
    if (!part) throw badRequest("No file provided");
    if (!attachment && TABULAR.test(part.name)) throw badRequest("Tabular files (CSV, Excel) are not supported in knowledge folders");
    // Content sniffing calls Office files zip; Langdock rejects them unless the part names the real type.
    if (OFFICE.test(part.name) && /zip|octet-stream/.test(part.type)) throw badRequest(`Unsupported file type ${part.type}`);
    return part;
  }
}
