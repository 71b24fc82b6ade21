import type { LangdockClient } from "../client";
import type { ActionWire, IntegrationWire, TriggerWire } from "../client/wire";
import {
  AdoptionNotFoundError,
  CreateUnconfirmedError,
  NameClaimedError,
  NotFoundError,
  NameDiffersError,
  NameUnverifiableError,
  PartialStateError,
  UnmanagedRefusalError,
} from "../errors";
import { GONE, orIfGone, unlessGone, type Adopting, type Context, type Props, type AdoptableCrud } from "../common/crud";
import { inputKeys, isUnmanaged, unmanagedOf, type ResourceSchema } from "../common/schema";
import { bodyOf, requestFields, type PropertyRules } from "../common/properties";
import type { ActionRequest, TriggerRequest } from "../client/requests";
import type { ChildResourceSpec } from "./spec";
import { movedInputs } from "./move";
import { adoptionChanges, type AdoptionPlan } from "../common/adoption";
import { sanitize } from "../base/props";
import { differingFields, keepKnownId, verify } from "../common/createOutcome";
import { holderOf, holderOfId, take, type Holder } from "../common/claims";
import { appeared, idsBefore, sendCreate, type Lookup } from "../common/uncertain";

/**
 * Actions and triggers are both children of an integration, with the same endpoint family, replace
 * semantics, 409-on-duplicate-name and no GET of their own; this is their shared CRUD.
 */
/** Both kinds' endpoints (docs/langdock-api.md: `/integrations/v1/{id}/actions…`, `…/triggers…`). */
interface Endpoints<W, B> {
  create(client: LangdockClient, integrationId: string, body: B): Promise<W>;
  replace(client: LangdockClient, integrationId: string, id: string, body: B): Promise<W>;
  remove(client: LangdockClient, integrationId: string, id: string): Promise<unknown>;
}
const ENDPOINTS: { action: Endpoints<ActionWire, ActionRequest>; trigger: Endpoints<TriggerWire, TriggerRequest> } = {
  action: {
    create: (client, integrationId, body) => client.createAction(integrationId, body),
    replace: (client, integrationId, id, body) => client.updateAction(integrationId, id, body),
    remove: (client, integrationId, id) => client.deleteAction(integrationId, id),
  },
  trigger: {
    create: (client, integrationId, body) => client.createTrigger(integrationId, body),
    replace: (client, integrationId, id, body) => client.updateTrigger(integrationId, id, body),
    remove: (client, integrationId, id) => client.deleteTrigger(integrationId, id),
  },
};

/** What the checked inputs of both kinds have. */
export interface ChildInputs extends Props {
  integrationId: string;
  name: string;
  description?: string;
  adoptId?: string;
  inputFields?: unknown[];
}

/** How many times a create is sent when each earlier one provably did not happen (a fresh look found nothing). */
const CREATE_ATTEMPTS = 3;

/** `toOutputs`: outputs in the inputs' names, values from the response where it has them, else from `fallback`. */
export function childCrud<W extends ActionWire | TriggerWire, B extends ActionRequest | TriggerRequest, I extends ChildInputs>(
  spec: ChildResourceSpec<I>,
  schema: ResourceSchema<I>,
  properties: PropertyRules,
  toOutputs: (wire: W, integrationId: string, fallback: Props) => Props,
): AdoptableCrud<I> {
  // The spec's noun picks its endpoints; TypeScript cannot tie that pair to W and B by itself.
  const api = ENDPOINTS[spec.noun] as unknown as Endpoints<W, B>;
  const listKey = `${spec.noun}s` as const;
  const fields = requestFields(properties);
  /**
   * The request body for create and for PUT. A PUT replaces the whole object, so what the program leaves out
   * goes with its cleared value (properties.ts), except what it leaves as it is in Langdock (unmanaged).
   */
  function toBody(inputs: I, forReplace: boolean): B {
    const keys = forReplace ? fields.filter((k) => inputs[k] !== undefined || !isUnmanaged(inputs, k)) : fields;
    return bodyOf<B>(properties, inputs, keys, forReplace);
  }

  /** `fresh`: after a create, a read of its own (never one in flight that may have started before the create). */
  async function find(ctx: Context, integrationId: string, match: (item: W) => boolean, fresh = false): Promise<W | undefined> {
    const integration = await ctx.client.getIntegration(integrationId, { fresh });
    return ((integration[listKey] ?? []) as W[]).find(match);
  }

  /**
   * The PUT body. A PUT replaces every property but code, so unmanaged properties other than code are
   * resent as Langdock reports them now; when its answer does not show them, nothing is sent at all.
   */
  async function replaceBody(ctx: Context, integrationId: string, id: string, inputs: I, known?: W): Promise<B> {
    const resend = unmanagedOf(inputs).filter((p) => p !== spec.keptWhenOmitted);
    if (resend.length === 0) return toBody(inputs, true);
    const wire = known ?? (await find(ctx, integrationId, (item) => item.id === id, true));
    const live = wire ? toOutputs(wire, integrationId, {}) : {};
    const missing = resend.filter((p) => live[p] === undefined);
    if (missing.length > 0) throw new UnmanagedRefusalError(spec.noun, inputs.name, id, missing);
    return toBody({ ...inputs, ...Object.fromEntries(resend.map((p) => [p, live[p]])) }, true);
  }

  /** Makes an existing object match the program with one PUT (only for adoptId: the user asked to take it over). */
  async function takeOver(ctx: Context, integrationId: string, existing: W, inputs: I) {
    const body = await replaceBody(ctx, integrationId, existing.id, inputs, existing);
    try {
      const wire = await api.replace(ctx.client, integrationId, existing.id, body);
      return { id: wire.id, outs: toOutputs(wire, integrationId, inputs) };
    } catch (err) {
      throw new PartialStateError(existing.id, toOutputs(existing, integrationId, {}), err);
    }
  }

  /**
   * After a 409 (or an uncertain create, when the name was taken before it), an object of that name exists: adopted only when every declared input is verifiably
   * equal and no other resource of this run holds it; otherwise the create fails naming the object and
   * how to adopt it. Nothing is ever overwritten here.
   */
  function settle(ctx: Context, holder: Holder, integrationId: string, existing: W, inputs: I, after: "conflict" | "uncertain") {
    const name = JSON.stringify(inputs.name);
    const taken = { noun: spec.noun, name: inputs.name, id: existing.id, integrationId, after };
    const found = toOutputs(existing, integrationId, {});
    const verdict = verify(schema, found, inputs);
    if (verdict === "equal") {
      if (holderOfId(spec.noun, existing.id)) throw new NameClaimedError(taken);
      take(holder, existing.id, "found");
      ctx.warn(
        `${spec.noun} ${name} was found in Langdock after HTTP 409, identical to this program; adopting ${existing.id} instead of creating a duplicate.`,
      );
      return { id: existing.id, outs: toOutputs(existing, integrationId, inputs) };
    }
    if (verdict === "unverifiable") throw new NameUnverifiableError(taken, spec.verifiedOnlyInFull);
    throw new NameDiffersError(taken, differingFields(schema, found, inputs));
  }

  /**
   * After an uncertain create, the one object of that name that appeared since the POST (and no other
   * resource holds) is this create's: adopted when every declared input is verifiably the program's,
   * otherwise kept as partial state (its summary, without code) so the next up makes it match.
   */
  function keepAppeared(ctx: Context, holder: Holder, integrationId: string, landed: W, inputs: I, cause: Error) {
    take(holder, landed.id, "found");
    const found = toOutputs(landed, integrationId, {});
    if (verify(schema, found, inputs) === "equal") {
      ctx.warn(
        `${spec.noun} ${JSON.stringify(inputs.name)} was found in Langdock after an interrupted create, identical to this program; adopting ${landed.id} instead of creating a duplicate.`,
      );
      return { id: landed.id, outs: toOutputs(landed, integrationId, inputs) };
    }
    const fields = differingFields(schema, found, inputs);
    const unread = inputKeys(schema).filter(
      (k) => inputs[k] !== undefined && found[k] === undefined && k !== "adoptId" && k !== "unmanaged",
    );
    const known = { kind: "kept", id: landed.id, fields: [...new Set([...fields, ...unread])] } as const;
    throw new PartialStateError(landed.id, found, new CreateUnconfirmedError(spec.noun, inputs.name, known, cause));
  }

  async function adopt(ctx: Context, inputs: Adopting<I>): Promise<AdoptionPlan<W>> {
    const { integrationId } = inputs;
    const existing = await orIfGone(
      find(ctx, integrationId, (item) => item.id === inputs.adoptId, true),
      (err) => AdoptionNotFoundError.parent(spec.noun, integrationId, err),
    );
    if (!existing) throw AdoptionNotFoundError.child(spec.noun, inputs.adoptId, integrationId);
    const current = toOutputs(existing, integrationId, {});
    // Properties the integration's response leaves out (its documented summary has no code or input
    // fields) cannot be compared, so they count as changes: the take-over writes them.
    const unreadable = inputKeys(schema).filter(
      (k) => !["integrationId", "adoptId", "name", "description"].includes(k) && !(k in existing),
    );
    return { id: existing.id, current, changes: adoptionChanges(schema, current, inputs, unreadable), wire: existing };
  }

  return {
    noun: spec.noun,
    adopt,
    async create(ctx, inputs) {
      const { integrationId, adoptId } = inputs;
      const holder = holderOf(spec.noun, inputs);
      if (adoptId !== undefined) {
        const plan = await adopt(ctx, { ...inputs, adoptId });
        take(holder, plan.id, "adopt");
        // Already what the program declares (as far as Langdock's response shows): taken over without a write.
        if (plan.changes.length === 0) return { id: plan.id, outs: toOutputs(plan.wire, integrationId, inputs) };
        return takeOver(ctx, integrationId, plan.wire, inputs);
      }
      // The new half of a move to another integration carries what the program leaves to Langdock.
      const readOld = (from: string, id: string) => find(ctx, from, (item) => item.id === id, true);
      const body = toBody(await movedInputs(ctx, spec, holder, inputs, readOld, toOutputs), false);
      const named = (integration: IntegrationWire) =>
        ((integration[listKey] as W[] | undefined) ?? []).filter((item) => item.name === inputs.name);
      const lookup: Lookup<W> = {
        noun: spec.noun,
        scope: integrationId,
        key: inputs.name,
        list: async () => named(await ctx.client.getIntegration(integrationId, { fresh: true })),
        idOf: (item) => item.id,
      };
      // The one extra read of a child's create: what has this name before the POST. Any answer that arrived
      // before the POST is sent shows the state before it, so this read may share one in flight (creates of
      // one integration's actions then cost one read together). An integration that does not exist is
      // reported by the create's own 404.
      const before = await ctx.client
        .getIntegration(integrationId)
        .then((integration) => idsBefore(lookup, named(integration)))
        .catch((err) => {
          if (err instanceof NotFoundError) return new Set<string>();
          throw err;
        });
      for (let attempt = 1; ; attempt++) {
        const outcome = await sendCreate(lookup, holder, () => api.create(ctx.client, integrationId, body));
        if (outcome.kind === "done") return { id: outcome.wire.id, outs: toOutputs(outcome.wire, integrationId, inputs) };
        if (outcome.kind === "uncertain" && outcome.id) {
          take(holder, outcome.id, "found");
          throw keepKnownId(spec.noun, inputs.name, outcome.id, sanitize({ ...inputs, __provider: undefined }), outcome.error);
        }
        if (outcome.kind === "conflict") {
          // The name was taken before: look with a read of its own.
          const existing = await find(ctx, integrationId, (item) => item.name === inputs.name, true);
          if (existing) return settle(ctx, holder, integrationId, existing, inputs, "conflict");
        } else {
          const { appeared: found, listed } = await appeared(lookup, before);
          // Names are unique in an integration: one that existed before the POST made it fail (Langdock's 409).
          if (found.length === 0 && listed.length > 0) return settle(ctx, holder, integrationId, listed[0] as W, inputs, "uncertain");
          if (found.length === 1) return keepAppeared(ctx, holder, integrationId, found[0] as W, inputs, outcome.error);
          if (found.length > 1) {
            throw new CreateUnconfirmedError(spec.noun, inputs.name, { kind: "candidates", ids: found.map((w) => w.id) }, outcome.error);
          }
        }
        // Nothing new of that name: the uncertain create did not happen (or the 409's object was renamed meanwhile).
        if (attempt >= CREATE_ATTEMPTS) {
          throw outcome.kind === "uncertain"
            ? new CreateUnconfirmedError(
                spec.noun,
                inputs.name,
                { kind: "absent", attempts: attempt, where: `in integration ${integrationId}` },
                outcome.error,
              )
            : outcome.error;
        }
      }
    },

    async read(ctx, id, props) {
      const integrationId = String(props.integrationId);
      const existing = await unlessGone(find(ctx, integrationId, (item) => item.id === id));
      return existing ? { id, props: { ...toOutputs(existing, integrationId, props) } } : GONE;
    },

    async update(ctx, id, _olds, news) {
      const { integrationId } = news;
      const wire = await api.replace(ctx.client, integrationId, id, await replaceBody(ctx, integrationId, id, news));
      return { outs: toOutputs(wire, integrationId, news) };
    },

    async delete(ctx, id, props) {
      await unlessGone(api.remove(ctx.client, String(props.integrationId), id)); // already gone is what delete wants
    },
  };
}
