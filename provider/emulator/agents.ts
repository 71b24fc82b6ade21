import { randomUUID } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import { nowIso } from "./children";
import { badRequest, conflict, notFound } from "./httpError";
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
  codeInterpreterEnabled: boolean;
  canvasEnabled: boolean;
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
}

/** Request names that differ from response names (the provider's table); every other field keeps its name. */
const RESPONSE_NAMES: Partial<Record<keyof AgentInput, keyof AgentVersion>> = AGENT_RESPONSE_NAMES;

/** Agents with a published version, an optional draft and a disabled flag. */
export class AgentStore {
  private readonly agents = new Map<string, AgentRecord>();

  constructor(
    readonly models: readonly string[],
    private readonly actionExists: (id: string) => boolean,
  ) {}

  /** A created agent is live immediately: the input becomes the published version. */
  create(input: AgentInput & { name: string }): AgentRecord {
    this.checkReferences(input);
    const now = nowIso();
    const defaults: AgentVersion = {
      name: input.name,
      description: "",
      instruction: "",
      emojiIcon: null,
      model: this.models[0],
      temperature: 0.3,
      conversationStarters: [],
      inputType: "PROMPT",
      webSearchEnabled: false,
      imageGenerationEnabled: false,
      codeInterpreterEnabled: false,
      canvasEnabled: false,
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
    this.checkReferences(patch);
    const next = applyPatch(record.draft ?? record.published, patch);
    record.draft = sameContent(next, record.published) ? null : next;
    return next;
  }

  publish(id: string): AgentVersion {
    const record = this.get(id);
    if (!record.draft) throw conflict("No draft changes to publish");
    record.published = { ...record.draft, updatedAt: nowIso() };
    record.draft = null;
    return record.published;
  }

  setDisabled(id: string, disabled: boolean): void {
    this.get(id).disabled = disabled;
  }

  /** Out-of-band (UI) edit of the published version; an existing draft is left alone. */
  editPublished(id: string, patch: AgentInput): void {
    const record = this.get(id);
    this.checkReferences(patch);
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

  toWire(record: AgentRecord, version: AgentVersion): Record<string, unknown> {
    // Whether Langdock returns knowledgeFolderIds is undocumented: the emulator takes the cautious side and does not.
    const { updatedAt, knowledgeFolderIds: _notReturned, ...content } = version;
    return { id: record.id, ...content, createdAt: record.createdAt, updatedAt };
  }

  snapshot(): Record<string, unknown>[] {
    return [...this.agents.values()].map((record) => ({
      ...this.toWire(record, record.published),
      knowledgeFolderIds: record.published.knowledgeFolderIds,
      disabled: record.disabled,
      hasDraft: record.draft !== null,
      draft: record.draft && this.toWire(record, record.draft),
    }));
  }

  /** Unknown models and actions are 400s ("resource not found" is a validation error for agents). */
  private checkReferences(input: AgentInput): void {
    if (input.model !== undefined && !this.models.includes(input.model)) {
      throw badRequest(`Model '${input.model}' is not available in this workspace`);
    }
    const missing = input.actions?.find((a) => !this.actionExists(a.actionId));
    if (missing) throw badRequest(`Action ${missing.actionId} not found`);
  }
}

function applyPatch(base: AgentVersion, patch: AgentInput, now = nowIso()): AgentVersion {
  const next: Record<string, unknown> = { ...structuredClone(base) };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    next[RESPONSE_NAMES[key as keyof AgentInput] ?? key] = value;
  }
  next.updatedAt = now;
  return next as unknown as AgentVersion;
}

function sameContent(a: AgentVersion, b: AgentVersion): boolean {
  return isDeepStrictEqual({ ...a, updatedAt: "" }, { ...b, updatedAt: "" });
}
