import { randomUUID } from "node:crypto";
import * as path from "node:path";
import { z } from "zod";
import { nowIso } from "./children";
import { EmulatorHttpError, badRequest, conflict, notFound } from "./httpError";
import { validate } from "./validation";
import { readZip, type ZipEntry } from "../base/zip";
import { skillSlug } from "../common/slug";
import { parseSkillMd } from "../skill/skillMd";
import { skillMdOf } from "../skill/source";

/**
 * Langdock's Skills (skills.md): unique slugs, a real delete, and an import of a SKILL.md or a zipped
 * skill folder (create or upsert by slug). The limits are the emulator's own transcription of the API
 * reference (see docs/ARCHITECTURE.md, "Limits"), deliberately not the provider's table.
 */
const NAME_MAX = 64;
const SLUG_MAX = 100;
const DESCRIPTION_MAX = 1024;
const INSTRUCTIONS_MAX = 50_000;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** UTF-16 units, as Langdock counts. */
const units = (max: number, min = 0) =>
  z.string().superRefine((value, ctx) => {
    if (value.length < min) ctx.addIssue({ code: "custom", message: `String must contain at least ${min} character(s)` });
    if (value.length > max) ctx.addIssue({ code: "custom", message: `String must contain at most ${max} character(s)` });
  });
const slug = units(SLUG_MAX, 1).regex(/^[a-z0-9-]+$/, "Slug may contain only lowercase letters, digits and dashes");
const integrationIds = z.array(z.string().regex(UUID_RE, "Invalid UUID"));

export const createSkillBody = z.strictObject({
  name: units(NAME_MAX, 1),
  slug: slug.optional(),
  description: units(DESCRIPTION_MAX).optional(),
  instructions: units(INSTRUCTIONS_MAX, 1),
  integrationIds: integrationIds.optional(),
});
export const updateSkillBody = createSkillBody
  .partial()
  .refine((body) => Object.keys(body).length > 0, { message: "At least one field must be provided" });
export const listSkillsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(250).default(50),
  cursor: z.string().optional(),
  query: z.string().optional(),
  slug: z.string().optional(),
});
const importFields = z.object({
  fileType: z.enum(["md", "zip"]),
  mode: z.enum(["create", "upsert"]).default("create"),
  integrationIds: z.string().optional(),
});

type SkillInput = z.output<typeof createSkillBody>;

export interface ImportedSkillFile {
  path: string;
  sizeBytes: number;
  extension: string;
  hasScript: boolean;
}

interface SkillRecord {
  id: string;
  name: string;
  slug: string;
  description: string;
  instructions: string;
  integrationIds: string[];
  createdAt: string;
  updatedAt: string;
  /** The files of the last import (metadata only). */
  files: ImportedSkillFile[];
}

const SCRIPT = /\.(js|mjs|cjs|ts|py|sh|bash|rb|ps1)$/i;

/** The emulator's assumption (Langdock documents only a 413): skill imports up to 10 MB. */
export const DEFAULT_SKILL_IMPORT_MAX_BYTES = 10 * 1024 * 1024;

export class SkillStore {
  private readonly skills = new Map<string, SkillRecord>();
  /** Largest import accepted before answering 413 (the emulator's `skillImportMaxBytes` option). */
  importMaxBytes = DEFAULT_SKILL_IMPORT_MAX_BYTES;

  constructor(
    /** Whether an integration exists (and so is enabled) in the workspace. */
    private readonly integrationExists: (id: string) => boolean,
  ) {}

  list(query: unknown): { skills: SkillRecord[]; nextCursor?: string } {
    const { limit, cursor, query: text, slug: wanted } = validate(listSkillsQuery, query);
    const needle = text?.toLowerCase();
    const all = [...this.skills.values()]
      .filter((s) => wanted === undefined || s.slug === wanted)
      .filter((s) => !needle || s.name.toLowerCase().includes(needle) || s.description.toLowerCase().includes(needle));
    const start = cursor ? all.findIndex((s) => s.id === cursor) + 1 : 0;
    const page = all.slice(start, start + limit);
    const more = start + limit < all.length;
    return more ? { skills: page, nextCursor: page[page.length - 1].id } : { skills: page };
  }

  get(id: string): SkillRecord {
    const record = this.skills.get(id);
    if (!record) throw notFound("Skill");
    return record;
  }

  create(body: unknown): SkillRecord {
    return this.insert(validate(createSkillBody, body), []);
  }

  update(id: string, body: unknown): SkillRecord {
    const patch = validate(updateSkillBody, body);
    return this.apply(this.get(id), patch);
  }

  delete(id: string): void {
    this.get(id);
    this.skills.delete(id);
  }

  /** `POST /skills/v1/import`: the form's fields and its one file (with its bytes). */
  import(fields: Record<string, string>, file: { name: string; bytes: Buffer } | undefined): { status: number; body: unknown } {
    if (!file) throw badRequest("Expected a multipart/form-data body with a file field");
    if (file.bytes.length > this.importMaxBytes) throw new EmulatorHttpError(413, "Skill file is too large");
    const form = validate(importFields, fields);
    const ids = parseIds(form.integrationIds);
    const { skill, files } = readSkillFile(form.fileType, file);
    const input: SkillInput = { ...skill, integrationIds: ids };
    const existing = [...this.skills.values()].find((s) => s.slug === skillSlug(skill.name));
    if (form.mode === "upsert" && existing) {
      const record = this.apply(existing, input);
      record.files = files;
      return { status: 200, body: { skill: wire(record), files } };
    }
    const record = this.insert(input, files);
    return { status: 201, body: { skill: wire(record), files } };
  }

  /** Out-of-band edit (what a user does in Langdock's UI): request names, merged. */
  edit(id: string, patch: Record<string, unknown>): void {
    this.update(id, patch);
  }

  snapshot(): unknown[] {
    return [...this.skills.values()].map((r) => ({ ...wire(r), files: r.files }));
  }

  wire(record: SkillRecord) {
    return wire(record);
  }

  private insert(input: SkillInput, files: ImportedSkillFile[]): SkillRecord {
    const slugValue = input.slug ?? skillSlug(input.name);
    this.assertSlugFree(slugValue);
    this.assertIntegrations(input.integrationIds ?? []);
    const now = nowIso();
    const record: SkillRecord = {
      id: randomUUID(),
      name: input.name,
      slug: slugValue,
      description: input.description ?? "",
      instructions: input.instructions,
      integrationIds: [...(input.integrationIds ?? [])],
      createdAt: now,
      updatedAt: now,
      files,
    };
    this.skills.set(record.id, record);
    return record;
  }

  private apply(record: SkillRecord, patch: Partial<SkillInput>): SkillRecord {
    if (patch.slug !== undefined && patch.slug !== record.slug) this.assertSlugFree(patch.slug);
    if (patch.integrationIds) this.assertIntegrations(patch.integrationIds);
    if (patch.name !== undefined) record.name = patch.name;
    if (patch.slug !== undefined) record.slug = patch.slug;
    if (patch.description !== undefined) record.description = patch.description;
    if (patch.instructions !== undefined) record.instructions = patch.instructions;
    if (patch.integrationIds !== undefined) record.integrationIds = [...patch.integrationIds];
    record.updatedAt = nowIso();
    return record;
  }

  private assertSlugFree(value: string): void {
    if ([...this.skills.values()].some((s) => s.slug === value)) throw conflict(`A skill with slug "${value}" already exists`);
  }

  private assertIntegrations(ids: readonly string[]): void {
    const missing = ids.find((id) => !this.integrationExists(id));
    if (missing) throw badRequest(`Integration ${missing} not found or not enabled in this workspace`);
  }
}

function wire(r: SkillRecord) {
  const { files: _files, ...skill } = r;
  return { ...skill, integrationIds: [...r.integrationIds] };
}

function parseIds(raw: string | undefined): string[] {
  if (raw === undefined || raw === "") return [];
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw badRequest("integrationIds must be a JSON-encoded array of UUIDs");
  }
  return validate(integrationIds, value);
}

/** The SKILL.md (frontmatter and instructions) and the file list of an uploaded skill. */
function readSkillFile(fileType: "md" | "zip", file: { name: string; bytes: Buffer }) {
  let entries: ZipEntry[];
  let skillMd: ZipEntry | undefined;
  if (fileType === "md") {
    skillMd = { path: "SKILL.md", bytes: file.bytes };
    entries = [skillMd];
  } else {
    try {
      entries = readZip(file.bytes);
    } catch (err) {
      throw badRequest(`Invalid zip archive: ${(err as Error).message}`);
    }
    skillMd = skillMdOf(entries);
    if (!skillMd) throw badRequest("The archive contains no SKILL.md");
  }
  const parsed = parseSkillMd(Buffer.from(skillMd.bytes).toString("utf8"));
  if (!parsed.skill) throw badRequest(`SKILL.md ${parsed.problem}`);
  const files = entries.map((e) => ({
    path: e.path,
    sizeBytes: e.bytes.length,
    extension: path.extname(e.path).slice(1).toLowerCase(),
    hasScript: SCRIPT.test(e.path),
  }));
  return { skill: parsed.skill, files };
}
