import { AdoptionNotFoundError, CreateUnconfirmedError, PartialStateError } from "../errors";
import { attemptCreate, claim, keepKnownId } from "../common/createOutcome";
import { GONE, orIfGone, unlessGone, type Context, type Props, type AdoptableCrud } from "../common/crud";
import { secretOutputsOf, valueAt } from "../common/spec";
import { integrationSpec } from "./spec";
import { diffInputs, isUnmanaged } from "../common/schema";
import { sanitize } from "../base/props";
import { adoptionChanges } from "../common/adoption";
import { findRemovedIntegration, markIntegrationRemoved } from "./revive";
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

/** How many times a create is sent when each earlier one provably did not happen (no integration of that name). */
const CREATE_ATTEMPTS = 3;

/**
 * Creates the integration without ever making a duplicate. Integration names are not unique in
 * Langdock and the list holds only names and descriptions, so a lookup cannot prove that an object is
 * ours: after an uncertain create the provider retries only if no integration of that name exists,
 * and otherwise stops and names the candidates so the user can adopt the right one.
 */
async function createOnce(ctx: Context, inputs: IntegrationInputs) {
  const body = sanitize({ name: inputs.name, description: inputs.description });
  for (let attempt = 1; ; attempt++) {
    const outcome = await attemptCreate(() => ctx.client.createIntegration(body));
    if (outcome.kind === "done") return outcome.wire;
    if (outcome.kind === "conflict") throw outcome.error;
    if (outcome.id) throw keepKnownId("integration", inputs.name, outcome.id, body, outcome.error);
    // Langdock's own (catalog) integrations are never what a create made.
    const candidates = (await ctx.client.listIntegrations()).filter((i) => i.name === inputs.name && i.buildByLangdock !== true);
    if (candidates.length > 0) {
      const ids = candidates.map((c) => c.id);
      throw new CreateUnconfirmedError("integration", inputs.name, { kind: "candidates", ids }, outcome.error);
    }
    if (attempt >= CREATE_ATTEMPTS) throw outcome.error;
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
    if (adoptId !== undefined) {
      // converge writes only what differs: an object that already matches is taken over without a write.
      const plan = await integrationCrud.adopt(ctx, { ...inputs, adoptId });
      claim("integration", plan.id);
      return { id: plan.id, outs: await converge(ctx, plan.id, plan.current, inputs) };
    }
    const revived = await findRemovedIntegration(ctx, inputs.name);
    if (revived) {
      claim("integration", revived.id);
      const current = integrationOutputs(revived, {});
      for (const message of integrationSchema.destructive?.(current, inputs) ?? []) ctx.warn(message);
      return { id: revived.id, outs: await converge(ctx, revived.id, current, inputs) };
    }
    const created = await createOnce(ctx, inputs);
    claim("integration", created.id);
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
