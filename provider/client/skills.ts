import { z } from "zod";
import type { LangdockClient } from "./index";
import type { CreateSkillRequest, UpdateSkillRequest } from "./requests";

/**
 * The Skills API (`/skills/v1…`, scope SKILL_API; docs/langdock-api.md and skills.md). Every answer is
 * validated; unknown fields are tolerated.
 */
export const SkillWireSchema = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  description: z.string().nullish(),
  instructions: z.string(),
  integrationIds: z.array(z.string()).nullish(),
  createdAt: z.string().nullish(),
  updatedAt: z.string().nullish(),
});
export type SkillWire = z.infer<typeof SkillWireSchema>;

const SkillEnvelope = z.object({ skill: SkillWireSchema });
const SkillListEnvelope = z.object({ skills: z.array(SkillWireSchema), nextCursor: z.string().nullish() });
const ImportedFileSchema = z.object({ path: z.string(), sizeBytes: z.number().nullish(), extension: z.string().nullish() });
const ImportEnvelope = z.object({ skill: SkillWireSchema, files: z.array(ImportedFileSchema).nullish() });
export type SkillImportWire = z.infer<typeof ImportEnvelope>;
const Any = z.unknown();

const PAGE_SIZE = 250;
const MAX_PAGES = 100;

/** Every skill the key can see (following `nextCursor`), optionally only those with `slug` or matching `query`. */
export async function listSkills(client: LangdockClient, filter: { slug?: string; query?: string } = {}): Promise<SkillWire[]> {
  const all: SkillWire[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const query: Record<string, string> = { limit: String(PAGE_SIZE) };
    if (filter.slug !== undefined) query.slug = filter.slug;
    if (filter.query !== undefined) query.query = filter.query;
    if (cursor) query.cursor = cursor;
    const body = await client.request("GET", "/skills/v1", {}, SkillListEnvelope, { query });
    all.push(...body.skills);
    if (!body.nextCursor || body.nextCursor === cursor || body.skills.length === 0) break;
    cursor = body.nextCursor;
  }
  return all;
}

export function createSkill(client: LangdockClient, body: CreateSkillRequest): Promise<SkillWire> {
  return client.request("POST", "/skills/v1", {}, SkillEnvelope, { body }).then((r) => r.skill);
}

export function getSkill(client: LangdockClient, skillId: string): Promise<SkillWire> {
  return client.request("GET", "/skills/v1/{skillId}", { skillId }, SkillEnvelope).then((r) => r.skill);
}

export function updateSkill(client: LangdockClient, skillId: string, body: UpdateSkillRequest): Promise<SkillWire> {
  return client.request("PATCH", "/skills/v1/{skillId}", { skillId }, SkillEnvelope, { body }).then((r) => r.skill);
}

export function deleteSkill(client: LangdockClient, skillId: string): Promise<unknown> {
  return client.request("DELETE", "/skills/v1/{skillId}", { skillId }, Any);
}

/** `POST /skills/v1/import` (multipart). `integrationIds` travels as a JSON-encoded array in the form. */
export function importSkill(
  client: LangdockClient,
  upload: { blob: Blob; fileName: string; fileType: "md" | "zip"; mode: "create" | "upsert"; integrationIds: readonly string[] },
): Promise<SkillImportWire> {
  const form = new FormData();
  form.append("fileType", upload.fileType);
  form.append("mode", upload.mode);
  form.append("integrationIds", JSON.stringify(upload.integrationIds));
  form.append("file", upload.blob, upload.fileName);
  return client.request("POST", "/skills/v1/import", {}, ImportEnvelope, { body: form });
}
