import { AdoptionNotFoundError, CreateUnconfirmedError, PartialStateError } from "../errors";
import { differingFields, keepKnownId } from "../common/createOutcome";
import { holderOf, take, type Holder } from "../common/claims";
import { appeared, idsBefore, sendCreate, type Lookup } from "../common/uncertain";
import type { IntegrationSummaryWire } from "../client/wire";
import { GONE, orIfGone, unlessGone, type Context, type Props, type AdoptableCrud } from "../common/crud";
import { secretOutputsOf, valueAt } from "../common/spec";
import { integrationSpec } from "./spec";
import { diffInputs, isUnmanaged } from "../common/schema";
import { sanitize } from "../base/props";
import { trimPeriod } from "../base/text";
import { adoptionChanges } from "../common/adoption";
import { reviveRemovedIntegration, markIntegrationRemoved } from "./revive";
import { readForUpload } from "../files/localFile";
import { integrationSchema, type PreparedIntegrationInputs as IntegrationInputs } from "./schema";
import { INTEGRATION_CALLS } from "./properties";
import { authBody, detailsBody, integrationOutputs } from "./wire";

/** Applies the auth and detail inputs that differ from `current`; a failure keeps what already landed. */
async function converge(ctx: Context, id: string, current: Props, inputs: IntegrationInputs): Promise<Props> {
  const { diffs } = diffInputs(integrationSchema, current, inputs);
  let applied = current;
  try {
    if (diffs.some((k) => INTEGRATION_CALLS.details.includes(k))) {
      await ctx.client.updateIntegration(id, detailsBody(current, inputs));
      applied = { ...applied, ...pickKeys(inputs, INTEGRATION_CALLS.details) };
    }
    if (diffs.some((k) => INTEGRATION_CALLS.auth.includes(k))) {
      // Changing authType deletes users' connections: the diff warned about it, before any write.
      await ctx.client.updateIntegrationAuth(id, authBody(inputs));
      applied = { ...applied, ...pickKeys(inputs, INTEGRATION_CALLS.auth) };
    }
    if (diffs.includes("iconHash") && typeof inputs.icon === "string") {
      // Fails without uploading when the file changed since check hashed it.
      const { blob, fileName } = readForUpload(inputs.icon, inputs.iconHash);
      await ctx.client.putIntegrationIcon(id, blob, fileName);
      applied = { ...applied, iconHash: inputs.iconHash };
    }
  } catch (err) {
    throw new PartialStateError(id, applied, err);
  }
  return sanitize({ ...applied, icon: inputs.icon, adoptId: inputs.adoptId, unmanaged: inputs.unmanaged });
}

function pickKeys(inputs: IntegrationInputs, keys: readonly string[]): Props {
  const given: Props = inputs;
  return Object.fromEntries(keys.map((k) => [k, given[k]]));
}

/** How many times a create is sent when each earlier one provably did not happen (no integration of that name appeared). */
const CREATE_ATTEMPTS = 3;

/** Integrations of one name, freshly listed: where an uncertain create looks (common/uncertain.ts). */
function lookupOf(ctx: Context, name: string): Lookup<IntegrationSummaryWire> {
  // Langdock's own (catalog) integrations, which the list may include, are never what a create made.
  const list = async () => (await ctx.client.listIntegrations()).filter((i) => i.name === name && i.buildByLangdock !== true);
  return { noun: "integration", scope: "workspace", key: name, list, idOf: (i) => i.id };
}

/**
 * Creates the integration without ever making a duplicate. After an uncertain create, the integration of
 * that name that appeared since the list taken before the POST (and that no other resource of this run
 * holds) is this create's: adopted when its name and description are the program's, otherwise kept as
 * partial state. None appeared: nothing was created, so the create is sent again. Several: undecidable,
 * the create fails naming them.
 */
async function createOnce(
  ctx: Context,
  inputs: IntegrationInputs,
  holder: Holder,
  lookup: Lookup<IntegrationSummaryWire>,
  before: Set<string>,
) {
  const body = sanitize({ name: inputs.name, description: inputs.description });
  for (let attempt = 1; ; attempt++) {
    const outcome = await sendCreate(lookup, holder, () => ctx.client.createIntegration(body));
    if (outcome.kind === "done") return outcome.wire;
    if (outcome.kind === "conflict") throw outcome.error;
    if (outcome.id) {
      take(holder, outcome.id, "found");
      throw keepKnownId("integration", inputs.name, outcome.id, body, outcome.error);
    }
    const { appeared: found } = await appeared(lookup, before);
    if (found.length > 1) {
      throw new CreateUnconfirmedError("integration", inputs.name, { kind: "candidates", ids: found.map((c) => c.id) }, outcome.error);
    }
    if (found.length === 1) {
      const [landed] = found as [IntegrationSummaryWire];
      take(holder, landed.id, "found");
      const current = integrationOutputs(landed, {});
      const differing = differingFields(integrationSchema, current, body);
      if (differing.length > 0) {
        const known = { kind: "kept", id: landed.id, fields: differing } as const;
        throw new PartialStateError(landed.id, current, new CreateUnconfirmedError("integration", inputs.name, known, outcome.error));
      }
      ctx.warn(
        `integration ${JSON.stringify(inputs.name)}: ${landed.id} appeared in Langdock after an interrupted create (${trimPeriod(outcome.error.message)}) and matches the program; adopting it instead of creating another.`,
      );
      return landed;
    }
    if (attempt >= CREATE_ATTEMPTS) {
      throw new CreateUnconfirmedError(
        "integration",
        inputs.name,
        { kind: "absent", attempts: attempt, where: "in the workspace" },
        outcome.error,
      );
    }
  }
}

export const integrationCrud: AdoptableCrud<IntegrationInputs> = {
  noun: "integration",

  async adopt(ctx, inputs) {
    const existing = await orIfGone(ctx.client.getIntegration(inputs.adoptId), (err) =>
      AdoptionNotFoundError.object("integration", inputs.adoptId, err),
    );
    const current = integrationOutputs(existing, {});
    // Secret inputs (the OAuth client secret) are write-only: Langdock never returns them, so they cannot be
    // compared (unless the program leaves them as they are: unmanaged, what `pulumi-langdock export` writes).
    const secretInputs = integrationSpec.secretInputs.filter((path) => valueAt(inputs, path) !== undefined && !isUnmanaged(inputs, path));
    const unreadable = secretOutputsOf({ secretInputs });
    return { id: existing.id, current, changes: adoptionChanges(integrationSchema, current, inputs, unreadable), wire: existing };
  },

  async create(ctx, inputs) {
    const { adoptId } = inputs;
    const holder = holderOf("integration", inputs);
    if (adoptId !== undefined) {
      // converge writes only what differs: an object that already matches is taken over without a write.
      const plan = await integrationCrud.adopt(ctx, { ...inputs, adoptId });
      take(holder, plan.id, "adopt");
      return { id: plan.id, outs: await converge(ctx, plan.id, plan.current, inputs) };
    }
    // One list serves both the revival and, should the create be uncertain, what existed before it.
    const lookup = lookupOf(ctx, inputs.name);
    const named = await lookup.list();
    const revived = await reviveRemovedIntegration(ctx, holder, named);
    if (revived) {
      const current = integrationOutputs(revived, {});
      for (const message of integrationSchema.destructive?.(current, inputs) ?? []) ctx.warn(message);
      return { id: revived.id, outs: await converge(ctx, revived.id, current, inputs) };
    }
    const created = await createOnce(ctx, inputs, holder, lookup, await idsBefore(lookup, named));
    // The create body takes only name and description; icon, color and auth need their own calls.
    const current = integrationOutputs(created, { name: inputs.name, description: inputs.description });
    return { id: created.id, outs: await converge(ctx, created.id, current, inputs) };
  },

  async read(ctx, id, props) {
    const wire = await unlessGone(ctx.client.getIntegration(id));
    return wire ? { id, props: integrationOutputs(wire, props) } : GONE;
  },

  async update(ctx, id, olds, news) {
    return { outs: { ...(await converge(ctx, id, olds, news)), createdAt: olds.createdAt } };
  },

  async delete(ctx, id, props) {
    await markIntegrationRemoved(ctx, id, props);
  },
};
