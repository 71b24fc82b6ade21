import {
  AdoptionNotFoundError,
  CreateUnconfirmedError,
  ImportTargetError,
  PartialStateError,
  SlugClaimedError,
  SlugDiffersError,
} from "../errors";
import type { TakenSlug } from "../errors";
import { createSkill, deleteSkill, getSkill, importSkill, listSkills, updateSkill, type SkillWire } from "../client/skills";
import { keepKnownId, verify } from "../common/createOutcome";
import { holderOf, holderOfId, take, type Holder } from "../common/claims";
import { appeared, idsBefore, sendCreate, type Lookup } from "../common/uncertain";
import { GONE, orIfGone, unlessGone, type AdoptableCrud, type Context, type Props } from "../common/crud";
import { adoptionChanges } from "../common/adoption";
import { diffInputs } from "../common/schema";
import { skillSlug } from "../common/slug";
import { sanitize } from "../base/props";
import { IMPORTED } from "./properties";
import { skillSchema, type PreparedSkillInputs } from "./schema";
import { packSource } from "./source";
import { createBody, patchBody, skillOutputs } from "./wire";

/** Langdock cannot return a skill's source or its other files: never part of a verdict. */
const NOT_READ_BACK = ["source", "contentHash"];
/** How many times a create is sent when each earlier one provably did not happen (a fresh look found nothing). */
const CREATE_ATTEMPTS = 3;

/** The slug Langdock gives the skill: the program's, else derived from the name (the SKILL.md's with source). */
const slugOf = (inputs: PreparedSkillInputs) => inputs.slug ?? skillSlug(String(inputs.name));

/** The create call: the fields (`POST /skills/v1`), or the source imported in create mode. */
async function send(ctx: Context, inputs: PreparedSkillInputs): Promise<SkillWire> {
  if (inputs.source === undefined) return createSkill(ctx.client, createBody(inputs));
  const upload = packSource(inputs.source, inputs.contentHash);
  return (await importSkill(ctx.client, { ...upload, mode: "create", integrationIds: inputs.integrationIds ?? [] })).skill;
}

/** A fresh look for the skill holding `slug` (after a 409, or a create whose outcome is unknown). */
async function findBySlug(ctx: Context, slug: string): Promise<SkillWire | undefined> {
  return (await listSkills(ctx.client, { slug })).find((s) => s.slug === slug);
}

/**
 * Makes skill `id` match the program, from `olds` (its outputs). With a source, a content change is one
 * import in upsert mode, which Langdock matches by slug: the skill is first given the slug the SKILL.md's
 * name derives, so the import can only land on it. Otherwise one PATCH of what changed; nothing when
 * nothing did. A failure after a write keeps what landed as partial state.
 */
async function converge(ctx: Context, id: string, olds: Props, news: PreparedSkillInputs): Promise<Props> {
  const { diffs } = diffInputs(skillSchema, olds, news);
  const own = { source: news.source, contentHash: news.contentHash, adoptId: news.adoptId };
  let applied: Props = olds;
  try {
    if (news.source !== undefined && diffs.some((k) => (IMPORTED as readonly string[]).includes(k))) {
      const slug = slugOf(news);
      if (olds.slug !== slug) applied = skillOutputs(await updateSkill(ctx.client, id, { slug }), olds);
      const upload = packSource(news.source, news.contentHash);
      const { skill } = await importSkill(ctx.client, { ...upload, mode: "upsert", integrationIds: news.integrationIds ?? [] });
      if (skill.id !== id) throw new ImportTargetError(id, skill.id, slug);
      return skillOutputs(skill, news);
    }
    const body = patchBody(news, diffs);
    if (Object.keys(body).length === 0) return sanitize({ ...olds, ...own });
    return skillOutputs(await updateSkill(ctx.client, id, body), news);
  } catch (err) {
    throw new PartialStateError(id, applied, err);
  }
}

/**
 * After a 409 or an unconfirmed create, a skill holds the slug: adopted only when its name, description,
 * instructions and integrations are the program's and no other resource of this run holds it (with a
 * source, its files are then imported, since Langdock cannot show them); otherwise the create fails
 * naming it and adoptId. Nothing that differs is ever overwritten.
 */
async function settle(ctx: Context, existing: SkillWire, inputs: PreparedSkillInputs, after: TakenSlug["after"]) {
  const taken: TakenSlug = { slug: existing.slug, id: existing.id, after, from: inputs.source ? "source" : inputs.slug ? "slug" : "name" };
  const found = skillOutputs(existing, {});
  if (verify(skillSchema, found, inputs, NOT_READ_BACK) !== "equal") {
    // Langdock's answer has every field, so an absent one (no description) is a difference too.
    const fields = diffInputs(skillSchema, found, inputs).diffs.filter((k) => k !== "adoptId" && !NOT_READ_BACK.includes(k));
    throw new SlugDiffersError(taken, fields);
  }
  if (holderOfId("skill", existing.id)) throw new SlugClaimedError(taken);
  take(holderOf("skill", inputs), existing.id, "found");
  const files = inputs.source ? "; its files are imported from source, which Langdock cannot show" : "";
  ctx.warn(
    `skill ${JSON.stringify(inputs.name)} was found in Langdock ${after === "conflict" ? "after HTTP 409" : "after an interrupted create"} (slug ${JSON.stringify(existing.slug)}), identical to this program; adopting ${existing.id} instead of creating a duplicate${files}.`,
  );
  return { id: existing.id, outs: await converge(ctx, existing.id, found, inputs) };
}

/**
 * After an uncertain create, the skill that took the slug since the POST is this create's: adopted when
 * its fields are the program's (with a source, its files are then imported), otherwise kept as partial
 * state so the next up makes it match.
 */
async function keepAppeared(ctx: Context, holder: Holder, landed: SkillWire, inputs: PreparedSkillInputs, cause: Error) {
  const found = skillOutputs(landed, {});
  if (verify(skillSchema, found, inputs, NOT_READ_BACK) === "equal") return settle(ctx, landed, inputs, "uncertain");
  take(holder, landed.id, "found");
  const fields = diffInputs(skillSchema, found, inputs).diffs.filter((k) => k !== "adoptId" && !NOT_READ_BACK.includes(k));
  const known = { kind: "kept", id: landed.id, fields } as const;
  throw new PartialStateError(landed.id, found, new CreateUnconfirmedError("skill", String(inputs.name), known, cause));
}

export const skillCrud: AdoptableCrud<PreparedSkillInputs> = {
  noun: "skill",

  async adopt(ctx, inputs) {
    const existing = await orIfGone(getSkill(ctx.client, inputs.adoptId), (err) =>
      AdoptionNotFoundError.object("skill", inputs.adoptId, err),
    );
    const current = skillOutputs(existing, {});
    // A source's files are not in Langdock's answer: the take-over imports them (shown as the source, not its hash).
    const unreadable = inputs.source !== undefined ? ["source"] : [];
    const changes = adoptionChanges(skillSchema, current, inputs, unreadable).filter((c) => c.property !== "contentHash");
    return { id: existing.id, current, changes, wire: existing };
  },

  async create(ctx, inputs) {
    const { adoptId } = inputs;
    if (adoptId !== undefined) {
      const plan = await skillCrud.adopt(ctx, { ...inputs, adoptId });
      take(holderOf("skill", inputs), plan.id, "adopt");
      return { id: plan.id, outs: await converge(ctx, plan.id, plan.current, inputs) };
    }
    const holder = holderOf("skill", inputs);
    const slug = slugOf(inputs);
    const lookup: Lookup<SkillWire> = {
      noun: "skill",
      scope: "workspace",
      key: slug,
      list: async () => (await listSkills(ctx.client, { slug })).filter((s) => s.slug === slug),
      idOf: (s) => s.id,
    };
    // The one extra read of a create: which skill holds the slug before the POST (common/uncertain.ts).
    const before = await idsBefore(lookup);
    for (let attempt = 1; ; attempt++) {
      const outcome = await sendCreate(lookup, holder, () => send(ctx, inputs));
      if (outcome.kind === "done") return { id: outcome.wire.id, outs: skillOutputs(outcome.wire, inputs) };
      if (outcome.kind === "uncertain" && outcome.id) {
        take(holder, outcome.id, "found");
        throw keepKnownId("skill", inputs.name, outcome.id, sanitize({ ...inputs, __provider: undefined }), outcome.error);
      }
      if (outcome.kind === "conflict") {
        // The slug was taken before: look with a read of its own.
        const existing = await findBySlug(ctx, slug);
        if (existing) return settle(ctx, existing, inputs, "conflict");
        throw outcome.error;
      }
      const { appeared: found, listed } = await appeared(lookup, before);
      if (found.length === 1) return keepAppeared(ctx, holder, found[0] as SkillWire, inputs, outcome.error);
      if (found.length > 1) {
        throw new CreateUnconfirmedError("skill", String(inputs.name), { kind: "candidates", ids: found.map((w) => w.id) }, outcome.error);
      }
      // Slugs are unique: one that held it before the POST made it fail (Langdock's 409).
      if (listed.length > 0) return settle(ctx, listed[0] as SkillWire, inputs, "uncertain");
      if (attempt >= CREATE_ATTEMPTS) {
        throw new CreateUnconfirmedError(
          "skill",
          String(inputs.name),
          { kind: "absent", attempts: attempt, where: "in the workspace" },
          outcome.error,
        );
      }
    }
  },

  async read(ctx, id, props) {
    const wire = await unlessGone(getSkill(ctx.client, id));
    return wire ? { id, props: skillOutputs(wire, props) } : GONE;
  },

  async update(ctx, id, olds, news) {
    return { outs: await converge(ctx, id, olds, news) };
  },

  async delete(ctx, id) {
    await unlessGone(deleteSkill(ctx.client, id)); // already gone is what delete wants
  },
};
