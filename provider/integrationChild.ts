import type { LangdockClient } from "./client";
import { ConflictError, NotFoundError, isOutcomeUnknown } from "./client/errors";
import type { ActionWire, TriggerWire } from "./client/wire";
import { GONE, PartialStateError, type Context, type Props, type ResourceCrud } from "./common/crud";
import { diffInputs, inputKeys, unmanagedOf, type ResourceSchema } from "./common/schema";
import { AdoptionNotFoundError, adoptionChanges, type AdoptionPlan } from "./common/adoption";
import { sanitize } from "./common/props";

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
  /** Outputs: inputs' names, values from the response where it has them, else from `fallback`. */
  toOutputs(wire: W, integrationId: string, fallback: Props): Props;
  /** The code property, which a PUT keeps when it is omitted (every other property is replaced). */
  keptWhenOmitted: string;
}

/** How many times a create whose outcome was unknown is looked up and tried again. */
const CREATE_ATTEMPTS = 3;

export function childCrud<W extends ActionWire | TriggerWire>(spec: ChildSpec<W>): ResourceCrud {
  async function find(ctx: Context, integrationId: string, match: (item: W) => boolean): Promise<W | undefined> {
    const integration = await ctx.client.getIntegration(integrationId);
    return ((integration[spec.listKey] ?? []) as W[]).find(match);
  }

  /**
   * The PUT body. A PUT replaces every property but code, so unmanaged properties other than code are
   * resent as Langdock reports them now; when its answer does not show them, nothing is sent at all.
   */
  async function replaceBody(ctx: Context, integrationId: string, id: string, inputs: Props, known?: W): Promise<Props> {
    const resend = unmanagedOf(inputs).filter((p) => p !== spec.keptWhenOmitted);
    if (resend.length === 0) return spec.toBody(inputs, true);
    const wire = known ?? (await find(ctx, integrationId, (item) => item.id === id));
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

  /** Makes an existing object match the program with one PUT; a failure keeps the adopted id in state. */
  async function takeOver(ctx: Context, integrationId: string, existing: W, inputs: Props) {
    const body = await replaceBody(ctx, integrationId, existing.id, inputs, existing);
    try {
      const wire = await spec.replace(ctx.client, integrationId, existing.id, body);
      return { id: wire.id, outs: spec.toOutputs(wire, integrationId, inputs) };
    } catch (err) {
      throw new PartialStateError(existing.id, spec.toOutputs(existing, integrationId, {}), err);
    }
  }

  /** Whether an object found by name is what the program declares (compared where the response says). */
  function matchesProgram(existing: W, integrationId: string, inputs: Props): boolean {
    const found = spec.toOutputs(existing, integrationId, inputs);
    return !diffInputs(spec.schema, found, inputs).changes;
  }

  async function adopt(ctx: Context, inputs: Props): Promise<AdoptionPlan<W>> {
    const integrationId = String(inputs.integrationId);
    const existing = await find(ctx, integrationId, (item) => item.id === inputs.adoptId).catch((err) => {
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
        // Already what the program declares (as far as Langdock's response shows): taken over without a write.
        if (plan.changes.length === 0) return { id: plan.id, outs: spec.toOutputs(plan.wire, integrationId, inputs) };
        return takeOver(ctx, integrationId, plan.wire, inputs);
      }
      for (let attempt = 1; ; attempt++) {
        try {
          const wire = await spec.create(ctx.client, integrationId, spec.toBody(inputs, false));
          return { id: wire.id, outs: spec.toOutputs(wire, integrationId, inputs) };
        } catch (err) {
          const unknownOutcome = isOutcomeUnknown(err);
          if (!unknownOutcome && !(err instanceof ConflictError)) throw err;
          // The create may have happened (or happened in an earlier, interrupted run): look before retrying.
          const existing = await find(ctx, integrationId, (item) => item.name === inputs.name);
          if (existing) {
            if (!matchesProgram(existing, integrationId, inputs) && !unknownOutcome) {
              throw new Error(
                `name: ${spec.noun} "${String(inputs.name)}" already exists in integration ${integrationId} (id ${existing.id}) and differs from this program; rename this ${spec.noun}, delete the existing one in Langdock, or set adoptId: "${existing.id}" to take it over (HTTP 409).`,
              );
            }
            ctx.warn(
              `${spec.noun} "${String(inputs.name)}" was found in Langdock after ${unknownOutcome ? "an interrupted create" : "HTTP 409"}; adopting ${existing.id} instead of creating a duplicate.`,
            );
            return takeOver(ctx, integrationId, existing, inputs);
          }
          if (!unknownOutcome || attempt >= CREATE_ATTEMPTS) throw err;
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
