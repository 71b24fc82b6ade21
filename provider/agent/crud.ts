import type { AgentWire } from "../client/wire";
import type { CreateAgentRequest } from "../client/requests";
import {
  AdoptionNotFoundError,
  BadRequestError,
  ConflictError,
  CreateUnconfirmedError,
  DefaultModelMissingError,
  ExtendedThinkingUnsupportedError,
  InternalServerError,
  ModelUnavailableError,
  PartialStateError,
} from "../errors";
import { attemptCreate, keepKnownId } from "../common/createOutcome";
import { holderOf, take } from "../common/claims";
import { GONE, orIfGone, unlessGone, type Context, type Props, type AdoptableCrud } from "../common/crud";
import { requestFields } from "../common/properties";
import { AGENT_PROPERTIES } from "./properties";
import { diffInputs } from "../common/schema";
import { adoptionChanges } from "../common/adoption";
import { removeAgent } from "./removal";
import { agentSchema, type AgentInputs } from "./schema";
import { agentOutputs, toBody } from "./wire";

const REQUEST_FIELDS = requestFields(AGENT_PROPERTIES);

/**
 * Turns Langdock's 400 about the model into an error that says what to use: an unknown model lists the
 * valid ones, extended thinking on a model without it lists those that have it. Decided by the model
 * list, never by the 400's wording: any 400 while a model is declared (or extended thinking enabled) asks
 * for the list, and only what the list confirms is blamed (an unknown action or attachment is a 400 too).
 * `model`: the declared model, else the one the agent has.
 */
async function explainModel(ctx: Context, inputs: AgentInputs, err: unknown, model = inputs.model): Promise<never> {
  if (err instanceof BadRequestError && (typeof inputs.model === "string" || inputs.extendedThinking)) {
    const models = await ctx.client.listModelDetails().catch(() => undefined);
    const ids = models?.map((m) => m.id);
    if (ids && typeof inputs.model === "string" && !ids.includes(inputs.model)) throw new ModelUnavailableError(inputs.model, ids, err);
    const known = models?.find((m) => m.id === model);
    if (models && inputs.extendedThinking && typeof model === "string" && known?.supportsExtendedThinking === false) {
      const supported = models.filter((m) => m.supportsExtendedThinking === true).map((m) => m.id);
      throw new ExtendedThinkingUnsupportedError(model, supported, err);
    }
  }
  throw err;
}

/** Langdock's 500 "Workspace default model not configured" (a create without `model`): an error that says what to set. */
function explainDefaultModel(inputs: AgentInputs, err: unknown): unknown {
  const missing = err instanceof InternalServerError && inputs.model === undefined && /default model not configured/i.test(err.apiMessage);
  return missing ? new DefaultModelMissingError(err) : err;
}

/** Applies changed inputs to the draft, publishes it, and re-enables a disabled agent. */
async function converge(ctx: Context, id: string, olds: Props, news: AgentInputs): Promise<Props> {
  const { diffs } = diffInputs(agentSchema, olds, news);
  const fields = diffs.filter((k) => REQUEST_FIELDS.includes(k));
  let live = olds;
  if (fields.length > 0) {
    const body = toBody(news, fields);
    // Sent only when the program sets it (docs/langdock-api.md); once it did, removing it clears the list.
    if (fields.includes("knowledgeFolderIds")) body.knowledgeFolderIds = news.knowledgeFolderIds ?? [];
    const draft = await ctx.client
      .updateAgent(id, body)
      .catch((err) => explainModel(ctx, news, err, news.model ?? (olds.model as string | undefined)));
    let published: AgentWire | undefined;
    try {
      published = await ctx.client.publishAgent(id).catch((err) => {
        // A publish repeated after a lost answer finds nothing left to publish: that is success.
        if (!(err instanceof ConflictError)) throw err;
        return undefined;
      });
    } catch (err) {
      // The draft holds the change but the live agent does not: keep the live state so the next up retries.
      throw new PartialStateError(id, olds, err);
    }
    // The published version (when the answer carries it) has the timestamps a later read returns.
    live = agentOutputs(published ?? draft, { ...olds, ...news });
  }
  if (olds.disabled === true) {
    try {
      await ctx.client.setAgentDisabled(id, false);
    } catch (err) {
      throw new PartialStateError(id, live, err);
    }
  }
  return { ...live, disabled: false, adoptId: news.adoptId };
}

export const agentCrud: AdoptableCrud<AgentInputs> = {
  noun: "agent",

  async adopt(ctx, inputs) {
    const existing = await orIfGone(ctx.client.getAgent(inputs.adoptId), (err) =>
      AdoptionNotFoundError.object("agent", inputs.adoptId, err),
    );
    // Langdock's GET omits input fields' slug, options and fileTypes: where it does, the program's are taken as Langdock's.
    const current = agentOutputs(existing, { inputFields: inputs.inputFields });
    const changes = adoptionChanges(agentSchema, current, { ...inputs, disabled: false });
    return { id: existing.id, current, changes, wire: existing };
  },

  async create(ctx, inputs) {
    const { adoptId } = inputs;
    const holder = holderOf("agent", inputs);
    if (adoptId !== undefined) {
      // converge writes only what differs: an agent that already matches is taken over without a write.
      const plan = await agentCrud.adopt(ctx, { ...inputs, adoptId });
      take(holder, plan.id, "adopt");
      return { id: plan.id, outs: await converge(ctx, plan.id, plan.current, inputs) };
    }
    // A created agent is live at once: no publish needed. Langdock has no way to list agents, so a create
    // whose outcome is uncertain cannot be looked up; it is never repeated blindly.
    // name is among REQUEST_FIELDS; spelled out so the type shows a create always carries it.
    const body: CreateAgentRequest = { ...toBody(inputs, REQUEST_FIELDS), name: inputs.name };
    // The missing-default-model 500 is a definite answer, not an uncertain create: it is explained before attemptCreate sees it.
    const send = () => ctx.client.createAgent(body).catch((err) => Promise.reject(explainDefaultModel(inputs, err)));
    const outcome = await attemptCreate(send).catch((err) => explainModel(ctx, inputs, err));
    if (outcome.kind === "done") {
      take(holder, outcome.wire.id, "created");
      return { id: outcome.wire.id, outs: agentOutputs(outcome.wire, inputs) };
    }
    if (outcome.kind === "conflict") throw outcome.error;
    if (outcome.id) {
      take(holder, outcome.id, "found");
      throw keepKnownId("agent", inputs.name, outcome.id, agentOutputs({ id: outcome.id, name: inputs.name }, inputs), outcome.error);
    }
    throw new CreateUnconfirmedError("agent", inputs.name, { kind: "unlistable" }, outcome.error);
  },

  async read(ctx, id, props) {
    const wire = await unlessGone(ctx.client.getAgent(id));
    return wire ? { id, props: agentOutputs(wire, props) } : GONE;
  },

  async update(ctx, id, olds, news) {
    return { outs: await converge(ctx, id, olds, news) };
  },

  async delete(ctx, id, props) {
    await removeAgent(ctx, id, props);
  },
};
