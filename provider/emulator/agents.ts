import { randomUUID } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import { nowIso } from "./children";
import { badRequest, conflict, EmulatorHttpError, notFound } from "./httpError";
import type { AgentInput, AgentInputField } from "./validation";
import type { InputType } from "../base/enums";
import { AGENT_RESPONSE_NAMES } from "../agent/properties";

/** One version (published or draft) of an agent, in response field names. */
export interface AgentVersion {
  name: string;
  description: string;
  instruction: string;
  emojiIcon: string | null;
  model: string;
  temperature: number;
  conversationStarters: string[];
  inputType: InputType;
  webSearchEnabled: boolean;
  imageGenerationEnabled: boolean;
  canvasEnabled: boolean;
  extendedThinking: boolean;
  actions: { actionId: string; requiresConfirmation: boolean }[];
  inputFields: AgentInputField[];
  attachments: string[];
  knowledgeFolderIds: string[];
  updatedAt: string;
}

interface AgentRecord {
  id: string;
  createdAt: string;
  published: AgentVersion;
  /** Unpublished changes; null when the draft would equal the published version. */
  draft: AgentVersion | null;
  disabled: boolean;
  /** Number of the live version: 1 at create, +1 per publish. */
  version: number;
  /** Workflows attached in Langdock's UI: the API never shows them, and a PATCH with `actions` removes them. */
  workflows: string[];
}

/** What the workspace's models are like (EmulatorOptions). */
export interface ModelSettings {
  models: readonly string[];
  /** The models whose `supportsExtendedThinking` is true. */
  extendedThinking: ReadonlySet<string>;
  /** The workspace default model; null: none configured (a create without `model` answers 500). */
  defaultModel: string | null;
}

/** Request names that differ from response names (the provider's table); every other field keeps its name. */
const { dataAnalyst: _ignored, ...RESPONSE_NAMES_KEPT } = AGENT_RESPONSE_NAMES;
const RESPONSE_NAMES: Partial<Record<keyof AgentInput, keyof AgentVersion>> = RESPONSE_NAMES_KEPT;

/** Agents with a published version, an optional draft and a disabled flag. */
export class AgentStore {
  private readonly agents = new Map<string, AgentRecord>();

  constructor(
    private readonly settings: ModelSettings,
    private readonly actionExists: (id: string) => boolean,
  ) {}

  get models(): readonly string[] {
    return this.settings.models;
  }

  /** Items of `GET /agent/v1/models`. */
  modelList(): Record<string, unknown>[] {
    return this.settings.models.map((id) => ({
      id,
      object: "model",
      created: 1_735_689_600,
      owned_by: "langdock",
      supportsExtendedThinking: this.settings.extendedThinking.has(id),
    }));
  }

  /** A created agent is live immediately: the input becomes the published version. */
  create(input: AgentInput & { name: string }): AgentRecord {
    const model = input.model ?? this.settings.defaultModel;
    if (model === null) throw new EmulatorHttpError(500, "Workspace default model not configured");
    this.checkReferences(input, model);
    const now = nowIso();
    const defaults: AgentVersion = {
      name: input.name,
      description: "",
      instruction: "",
      emojiIcon: null,
      model,
      temperature: 0.3,
      conversationStarters: [],
      inputType: "PROMPT",
      webSearchEnabled: false,
      imageGenerationEnabled: false,
      canvasEnabled: false,
      extendedThinking: false,
      actions: [],
      inputFields: [],
      attachments: [],
      knowledgeFolderIds: [],
      updatedAt: now,
    };
    const record: AgentRecord = {
      id: randomUUID(),
      createdAt: now,
      published: applyPatch(defaults, input, now),
      draft: null,
      disabled: false,
      version: 1,
      workflows: [],
    };
    this.agents.set(record.id, record);
    return record;
  }

  get(id: string): AgentRecord {
    const record = this.agents.get(id);
    if (!record) throw notFound("Agent");
    return record;
  }

  /** PATCH /agent/v1/update: changes land in the draft; returns the draft. */
  update(id: string, patch: AgentInput): AgentVersion {
    const record = this.get(id);
    const base = record.draft ?? record.published;
    this.checkReferences(patch, patch.model ?? base.model, patch.extendedThinking ?? base.extendedThinking);
    const next = applyPatch(base, patch);
    record.draft = sameContent(next, record.published) ? null : next;
    // Late 2026: an update that sends actions also drops the workflows attached in the UI.
    if (patch.actions !== undefined) record.workflows = [];
    return next;
  }

  /** Out-of-band (UI): attaches a workflow, which GET never shows. */
  attachWorkflow(id: string, workflow: string): void {
    this.get(id).workflows.push(workflow);
  }

  /** The publish answer's `version`. */
  publish(id: string): { id: string; version: number; createdAt: string } {
    const record = this.get(id);
    if (!record.draft) throw conflict("No draft changes to publish");
    // The version goes live as it is, timestamps included.
    record.published = record.draft;
    record.draft = null;
    record.version += 1;
    return { id: randomUUID(), version: record.version, createdAt: nowIso() };
  }

  setDisabled(id: string, disabled: boolean): void {
    this.get(id).disabled = disabled;
  }

  /** Out-of-band (UI) edit of the published version; an existing draft is left alone. */
  editPublished(id: string, patch: AgentInput): void {
    const record = this.get(id);
    this.checkReferences(patch, patch.model ?? record.published.model, patch.extendedThinking ?? record.published.extendedThinking);
    record.published = applyPatch(record.published, patch);
    if (record.draft && sameContent(record.draft, record.published)) record.draft = null;
  }

  delete(id: string): void {
    this.get(id);
    this.agents.delete(id);
  }

  /** A deleted action disappears from every agent (Langdock's database cascades the link). */
  detachAction(actionId: string): void {
    for (const record of this.agents.values()) {
      for (const version of [record.published, record.draft]) {
        if (version) version.actions = version.actions.filter((a) => a.actionId !== actionId);
      }
    }
  }

  /**
   * The agent as create, update and GET answer (late 2026): actions with `connectionId` (null when set
   * through the API), input fields without slug, options and fileTypes (`seedFields` keeps them, as the
   * seed pages had it), no codeInterpreterEnabled.
   */
  toWire(record: AgentRecord, version: AgentVersion, seedFields = false): Record<string, unknown> {
    // Whether Langdock returns knowledgeFolderIds is undocumented: the emulator takes the cautious side and does not.
    const { updatedAt, knowledgeFolderIds: _notReturned, actions, inputFields, ...content } = version;
    return {
      id: record.id,
      ...content,
      actions: actions.map((a) => ({ ...a, connectionId: null })),
      inputFields: seedFields ? inputFields : inputFields.map(({ slug: _s, options: _o, fileTypes: _f, ...field }) => field),
      createdAt: record.createdAt,
      updatedAt,
    };
  }

  snapshot(): Record<string, unknown>[] {
    return [...this.agents.values()].map((record) => ({
      ...this.toWire(record, record.published, true),
      // As stored (answers add connectionId).
      actions: record.published.actions,
      knowledgeFolderIds: record.published.knowledgeFolderIds,
      disabled: record.disabled,
      workflows: record.workflows,
      hasDraft: record.draft !== null,
      draft: record.draft && this.toWire(record, record.draft, true),
    }));
  }

  /**
   * Unknown models and actions are 400s ("resource not found" is a validation error for agents), as is
   * extended thinking on a model without it. `model`, `thinking`: what the version will have.
   */
  private checkReferences(input: AgentInput, model: string, thinking = input.extendedThinking ?? false): void {
    if (input.model !== undefined && !this.models.includes(input.model)) {
      throw badRequest(`Model '${input.model}' is not available in this workspace`);
    }
    if (thinking && !this.settings.extendedThinking.has(model)) {
      throw badRequest(`Model '${model}' does not support extended thinking`);
    }
    const missing = input.actions?.find((a) => !this.actionExists(a.actionId));
    if (missing) throw badRequest(`Action ${missing.actionId} not found`);
  }
}

function applyPatch(base: AgentVersion, patch: AgentInput, now = nowIso()): AgentVersion {
  const next: Record<string, unknown> = { ...structuredClone(base) };
  for (const [key, value] of Object.entries(patch)) {
    // dataAnalyst: "accepted for compatibility and ignored".
    if (value === undefined || key === "dataAnalyst") continue;
    next[RESPONSE_NAMES[key as keyof AgentInput] ?? key] = value;
  }
  next.updatedAt = now;
  return next as unknown as AgentVersion;
}

function sameContent(a: AgentVersion, b: AgentVersion): boolean {
  return isDeepStrictEqual({ ...a, updatedAt: "" }, { ...b, updatedAt: "" });
}
