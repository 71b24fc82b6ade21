import type { LangdockClient } from "./client";
import { NotFoundError } from "./client/errors";
import type { ActionWire, TriggerWire } from "./client/wire";
import { GONE, PartialStateError, type Context, type Props, type AdoptableCrud } from "./common/crud";
import { inputKeys, unmanagedOf, type ResourceSchema } from "./common/schema";
import { AdoptionNotFoundError, adoptionChanges, type AdoptionPlan } from "./common/adoption";
import { sanitize } from "./common/props";
import { attemptCreate, causeOf, claim, differingFields, keepKnownId, verify } from "./common/createOutcome";

/**
 * Actions and triggers are both children of an integration, with the same endpoint family, replace
 * semantics, 409-on-duplicate-name and no GET of their own; this is their shared CRUD.
 */
export interface ChildSpec<W extends ActionWire | TriggerWire> {
  noun: "action" | "trigger";
  listKey: "actions" | "triggers";
  schema: ResourceSchema;
  create(client: LangdockClient, integrationId: string, body: Props): Promise<W>;
  replace(client: LangdockClient, integrationId: string, id: string, body: Props): Promise<W>;
  remove(client: LangdockClient, integrationId: string, id: string): Promise<unknown>;
  /** The request body for create and for PUT (which replaces the whole object). */
  toBody(inputs: Props, forReplace: boolean): Props;
  /** What a summary read (the documented GET) lacks, for messages: e.g. "code and input fields". */
  verifiedOnlyInFull: string;
  /** Outputs: inputs' names, values from the response where it has them, else from `fallback`. */
  toOutputs(wire: W, integrationId: string, fallback: Props): Props;
  /** The code property, which a PUT keeps when it is omitted (every other property is replaced). */
  keptWhenOmitted: string;
}

/** How many times a create is sent when each earlier one provably did not happen (a fresh look found nothing). */
const CREATE_ATTEMPTS = 3;

export function childCrud<W extends ActionWire | TriggerWire>(spec: ChildSpec<W>): AdoptableCrud {
  /** `fresh`: after a create, a read of its own (never one in flight that may have started before the create). */
  async function find(ctx: Context, integrationId: string, match: (item: W) => boolean, fresh = false): Promise<W | undefined> {
    const integration = await ctx.client.getIntegration(integrationId, { fresh });
    return ((integration[spec.listKey] ?? []) as W[]).find(match);
  }

  /**
   * The PUT body. A PUT replaces every property but code, so unmanaged properties other than code are
   * resent as Langdock reports them now; when its answer does not show them, nothing is sent at all.
   */
  async function replaceBody(ctx: Context, integrationId: string, id: string, inputs: Props, known?: W): Promise<Props> {
    const resend = unmanagedOf(inputs).filter((p) => p !== spec.keptWhenOmitted);
    if (resend.length === 0) return spec.toBody(inputs, true);
    const wire = known ?? (await find(ctx, integrationId, (item) => item.id === id, true));
    const live = wire ? spec.toOutputs(wire, integrationId, {}) : {};
    const missing = resend.filter((p) => live[p] === undefined);
    if (missing.length > 0) {
      const what = missing.join(" and ");
      throw new Error(
        `unmanaged: ${spec.noun} "${String(inputs.name)}" (${id}) needs an update, which replaces its ${what}, but Langdock's answer does not include them, so the provider will not send it and clear them; declare ${what} in the program as they are in Langdock and remove them from unmanaged.`,
      );
    }
    return spec.toBody({ ...inputs, ...Object.fromEntries(resend.map((p) => [p, live[p]])) }, true);
  }

  /** Makes an existing object match the program with one PUT (only for adoptId: the user asked to take it over). */
  async function takeOver(ctx: Context, integrationId: string, existing: W, inputs: Props) {
    const body = await replaceBody(ctx, integrationId, existing.id, inputs, existing);
    try {
      const wire = await spec.replace(ctx.client, integrationId, existing.id, body);
      return { id: wire.id, outs: spec.toOutputs(wire, integrationId, inputs) };
    } catch (err) {
      throw new PartialStateError(existing.id, spec.toOutputs(existing, integrationId, {}), err);
    }
  }

  /**
   * After a 409 or an uncertain create, an object of that name exists: adopted only when every declared
   * input is verifiably equal and no other resource of this run holds it; otherwise the create fails
   * naming the object and how to adopt it. Nothing is ever overwritten here.
   */
  function settle(ctx: Context, integrationId: string, existing: W, inputs: Props, after: "conflict" | "uncertain") {
    const name = JSON.stringify(String(inputs.name));
    const where = `${spec.noun} ${name} already exists in integration ${integrationId} (id ${existing.id})`;
    const found = spec.toOutputs(existing, integrationId, {});
    const verdict = verify(spec.schema, found, inputs);
    const why = after === "conflict" ? "HTTP 409" : "after an interrupted create";
    if (verdict === "equal") {
      if (!claim(spec.noun, existing.id)) {
        throw new Error(
          `name: another ${spec.noun} of this program already manages ${spec.noun} ${name} (id ${existing.id}) in integration ${integrationId}; give each ${spec.noun} its own name (${why}).`,
        );
      }
      ctx.warn(
        `${spec.noun} ${name} was found in Langdock ${after === "conflict" ? "after HTTP 409" : "after an interrupted create"}, identical to this program; adopting ${existing.id} instead of creating a duplicate.`,
      );
      return { id: existing.id, outs: spec.toOutputs(existing, integrationId, inputs) };
    }
    if (verdict === "unverifiable") {
      throw new Error(
        `name: ${where}, and Langdock's answer does not include its ${spec.verifiedOnlyInFull}, so the provider cannot tell whether it is the one this program declares (${why}); rename this ${spec.noun}, or set adoptId: "${existing.id}" to take it over (its ${spec.verifiedOnlyInFull} are then replaced by the program's).`,
      );
    }
    throw new Error(
      `name: ${where} and differs from this program in ${differingFields(spec.schema, found, inputs).join(", ")} (${why}); rename this ${spec.noun}, delete the existing one in Langdock, or set adoptId: "${existing.id}" to take it over.`,
    );
  }

  async function adopt(ctx: Context, inputs: Props): Promise<AdoptionPlan<W>> {
    const integrationId = String(inputs.integrationId);
    const existing = await find(ctx, integrationId, (item) => item.id === inputs.adoptId, true).catch((err) => {
      if (err instanceof NotFoundError) {
        throw new AdoptionNotFoundError(
          `integration ${integrationId} (the ${spec.noun}'s integrationId) does not exist in this Langdock workspace (HTTP 404); check integrationId and adoptId.`,
        );
      }
      throw err;
    });
    if (!existing) {
      throw new AdoptionNotFoundError(
        `${spec.noun} ${String(inputs.adoptId)} does not exist in integration ${integrationId}; check the id in Langdock or remove adoptId to create a new ${spec.noun}.`,
      );
    }
    const current = spec.toOutputs(existing, integrationId, {});
    // Properties the integration's response leaves out (its documented summary has no code or input
    // fields) cannot be compared, so they count as changes: the take-over writes them.
    const unreadable = inputKeys(spec.schema).filter(
      (k) => !["integrationId", "adoptId", "name", "description"].includes(k) && !(k in existing),
    );
    return { id: existing.id, current, changes: adoptionChanges(spec.schema, current, inputs, unreadable), wire: existing };
  }

  return {
    noun: spec.noun,
    adopt,
    async create(ctx, inputs) {
      const integrationId = String(inputs.integrationId);
      if (typeof inputs.adoptId === "string") {
        const plan = await adopt(ctx, inputs);
        claim(spec.noun, plan.id);
        // Already what the program declares (as far as Langdock's response shows): taken over without a write.
        if (plan.changes.length === 0) return { id: plan.id, outs: spec.toOutputs(plan.wire, integrationId, inputs) };
        return takeOver(ctx, integrationId, plan.wire, inputs);
      }
      for (let attempt = 1; ; attempt++) {
        const outcome = await attemptCreate(() => spec.create(ctx.client, integrationId, spec.toBody(inputs, false)));
        if (outcome.kind === "done") {
          claim(spec.noun, outcome.wire.id);
          return { id: outcome.wire.id, outs: spec.toOutputs(outcome.wire, integrationId, inputs) };
        }
        if (outcome.kind === "uncertain" && outcome.id) {
          throw keepKnownId(spec.noun, inputs.name, outcome.id, sanitize({ ...inputs, __provider: undefined }), outcome.error);
        }
        // The create may have happened (or the name was taken before): look with a read of its own.
        const existing = await find(ctx, integrationId, (item) => item.name === inputs.name, true);
        if (existing) return settle(ctx, integrationId, existing, inputs, outcome.kind);
        // Nothing of that name: the uncertain create did not happen (or the 409's object was renamed meanwhile).
        if (attempt >= CREATE_ATTEMPTS) {
          throw outcome.kind === "uncertain"
            ? new Error(
                `Langdock did not confirm the create of ${spec.noun} ${JSON.stringify(String(inputs.name))} ${attempt} times (${causeOf(outcome.error)}); none exists in integration ${integrationId}, so nothing was created: run pulumi up again later.`,
              )
            : outcome.error;
        }
      }
    },

    async read(ctx, id, props) {
      const integrationId = String(props.integrationId);
      try {
        const existing = await find(ctx, integrationId, (item) => item.id === id);
        return existing ? { id, props: { ...spec.toOutputs(existing, integrationId, props) } } : GONE;
      } catch (err) {
        if (err instanceof NotFoundError) return GONE;
        throw err;
      }
    },

    async update(ctx, id, _olds, news) {
      const integrationId = String(news.integrationId);
      const wire = await spec.replace(ctx.client, integrationId, id, await replaceBody(ctx, integrationId, id, news));
      return { outs: spec.toOutputs(wire, integrationId, news) };
    },

    async delete(ctx, id, props) {
      try {
        await spec.remove(ctx.client, String(props.integrationId), id);
      } catch (err) {
        if (!(err instanceof NotFoundError)) throw err; // already gone is what delete wants
      }
    },
  };
}

/** Common output fields of actions and triggers. */
export function childOutputs(wire: ActionWire | TriggerWire, integrationId: string, fallback: Props): Props {
  return sanitize({
    integrationId,
    adoptId: fallback.adoptId,
    unmanaged: fallback.unmanaged,
    name: wire.name,
    description: wire.description === undefined ? fallback.description : wire.description || undefined,
    slug: wire.slug ?? fallback.slug,
  });
}
