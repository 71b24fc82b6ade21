/**
 * Read-only lookups of existing Langdock objects from inside a Pulumi program (or a script), with the
 * provider's own configuration. They return plain data, not resources: nothing is created or adopted.
 */
import type { AgentWire } from "./client/wire";
import { lookupClient as client } from "./lookupClient";
import { InvalidArgumentError } from "./errors/invalidArgumentError";

/**
 * Connection settings for a lookup. Each one left out is read from the stack configuration
 * (`langdock:apiKey`, `langdock:baseUrl`, like the provider), then from the environment
 * (`LANGDOCK_API_KEY`, `LANGDOCK_BASE_URL`).
 */
export interface LookupOptions {
  /** Langdock API key (`sk-ld-…`). Integration lookups need the INTEGRATION_API scope, agent and model lookups AGENT_API, knowledge lookups KNOWLEDGE_FOLDER_API, skill lookups SKILL_API. */
  apiKey?: string;
  /** Base URL of Langdock's public API; default `https://api.langdock.com`, dedicated deployments `https://<host>/api/public`. */
  baseUrl?: string;
}

/** An integration as listed by Langdock. */
export interface LangdockIntegrationSummary {
  id: string;
  name: string;
  description?: string;
}

/** An action or trigger of an integration, as Langdock summarises it. */
export interface LangdockIntegrationChild {
  id: string;
  name: string;
  /** Server-generated identifier derived from the name. */
  slug?: string;
}

/** An integration with its actions and triggers. */
export interface LangdockIntegration extends LangdockIntegrationSummary {
  /** `NONE`, `API_KEY`, `OAUTH`, `OAUTH_DCR` (older workspaces: `SERVICE_ACCOUNT`). */
  authType?: string;
  actions: LangdockIntegrationChild[];
  triggers: LangdockIntegrationChild[];
}

/** A form field of a STRUCTURED agent (the Agent resource's `inputFields` shape). */
export interface LangdockAgentInputField {
  /** Absent in current answers (Langdock's GET omits it), as are `options` and `fileTypes`. */
  slug?: string;
  /** TEXT, MULTI_LINE_TEXT, NUMBER, CHECKBOX, FILE, SELECT, MULTI_SELECT, DATE or EMAIL. */
  type: string;
  label: string;
  description?: string;
  required?: boolean;
  order?: number;
  options?: string[];
  fileTypes?: string[];
  emailDomain?: string;
}

/**
 * The published version of an agent, named like the Agent resource's inputs (`emoji`, `creativity`,
 * `webSearch`, `imageGeneration`, `dataAnalyst`, `canvas`), not like Langdock's response
 * (`emojiIcon`, `temperature`, `…Enabled`, `codeInterpreterEnabled`).
 */
export interface LangdockAgent {
  id: string;
  name: string;
  description?: string;
  emoji?: string;
  instruction?: string;
  /** `PROMPT` or `STRUCTURED`. */
  inputType?: string;
  /** Model deployment name (see {@link getModels}). */
  model?: string;
  /** Temperature, 0–1. */
  creativity?: number;
  conversationStarters: string[];
  actions: Array<{ actionId: string; requiresConfirmation: boolean }>;
  inputFields: LangdockAgentInputField[];
  /** Attachment UUIDs. */
  attachments: string[];
  webSearch: boolean;
  imageGeneration: boolean;
  /** What Langdock reports in `codeInterpreterEnabled`; current answers omit it (Langdock ignores the setting): then `false`. */
  dataAnalyst: boolean;
  canvas: boolean;
  extendedThinking: boolean;
  /** Present when Langdock reports it. */
  disabled?: boolean;
  createdAt?: string;
  updatedAt?: string;
}

/**
 * The model names the workspace offers, i.e. the valid values of an Agent's `model`.
 * @throws The client's error (already redacted) when no API key is configured, the key lacks the
 * AGENT_API scope, or Langdock cannot be reached.
 */
export async function getModels(options: LookupOptions = {}): Promise<string[]> {
  return client(options).listModels();
}

/**
 * Every integration of the workspace (id, name, description). Langdock has no filter: filter the result.
 * @throws The client's error (already redacted), e.g. for a key without INTEGRATION_API or ASSISTANT_API scope.
 */
export async function getIntegrations(options: LookupOptions = {}): Promise<LangdockIntegrationSummary[]> {
  const integrations = await client(options).listIntegrations();
  return integrations.map((i) => withoutEmpty({ id: i.id, name: i.name, description: i.description }));
}

/**
 * One integration with the ids and names of its actions and triggers, e.g. to give an Agent an action
 * that was built in the Langdock UI.
 * @throws The client's error (already redacted): a 404 for an unknown id, a 400 for a malformed one.
 */
export async function getIntegration(
  args: {
    /** The integration's id (from its URL in Langdock, or `getIntegrations()`). */
    id: string;
  },
  options: LookupOptions = {},
): Promise<LangdockIntegration> {
  const id = requireId("getIntegration", args);
  const wire = await client(options).getIntegration(id);
  const child = (c: { id: string; name: string; slug?: string | null }) => withoutEmpty({ id: c.id, name: c.name, slug: c.slug });
  return withoutEmpty({
    id: wire.id,
    name: wire.name,
    description: wire.description,
    authType: wire.authType,
    actions: (wire.actions ?? []).map(child),
    triggers: (wire.triggers ?? []).map(child),
  });
}

/**
 * The published version of one agent, with the Agent resource's field names (see {@link LangdockAgent}).
 * The agent must be shared with the API key.
 * @throws The client's error (already redacted): unknown ids, agents not shared with the key, keys without AGENT_API.
 */
export async function getAgent(
  args: {
    /** The agent's id (from its URL in Langdock). */
    id: string;
  },
  options: LookupOptions = {},
): Promise<LangdockAgent> {
  const id = requireId("getAgent", args);
  return toAgent(await client(options).getAgent(id));
}

function toAgent(wire: AgentWire): LangdockAgent {
  // The same translation from Langdock's response names as the Agent resource's outputs.
  const { agentOutputs } = require("./agent/wire") as typeof import("./agent/wire");
  const { disabled: _stateOnly, ...agent } = agentOutputs(wire, {});
  return withoutEmpty({
    id: wire.id,
    ...agent,
    conversationStarters: agent.conversationStarters ?? [],
    actions: agent.actions ?? [],
    inputFields: agent.inputFields ?? [],
    attachments: agent.attachments ?? [],
    disabled: wire.disabled,
  }) as unknown as LangdockAgent;
}

function requireId(fn: string, args: { id: string } | undefined): string {
  const id = args?.id;
  if (typeof id !== "string" || id.trim() === "") {
    throw new InvalidArgumentError(fn, `pass { id: "<uuid>" } with the object's id, got ${JSON.stringify(args)}`);
  }
  return id;
}

/** Drops `null` and `undefined` fields (Langdock sends `null` for absent values), keeping plain data. */
function withoutEmpty<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], null>;
  };
}
