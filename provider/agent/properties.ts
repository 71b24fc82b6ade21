import { optionalText, withDefault } from "../common/schema";
import { sanitize } from "../base/props";
import type { Props } from "../common/crud";
import { PROVIDER_OWN, neverCompared, responseNames, type PropertyRules } from "../common/properties";

export const DEFAULT_CREATIVITY = 0.3;

const isTrue = (v: unknown) => v === true;
const withConfirmation = (actions: unknown[]) =>
  actions.map((a) => ({ actionId: (a as Props).actionId, requiresConfirmation: (a as Props).requiresConfirmation ?? true }));
const emptyAsAbsent = (value: unknown): unknown => (Array.isArray(value) && value.length === 0 ? undefined : value);

/**
 * Input fields in comparable form, sorted by their `order` (never by list position: answers need not be
 * sorted). Langdock's GET omits slug, options and fileTypes; the outputs carry them from the state
 * (agent/wire.ts), so they are compared as the program states them.
 */
function comparableAgentFields(value: unknown): unknown {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  return value
    .map((f: Record<string, unknown>, i) =>
      sanitize({
        ...f,
        description: optionalText(f.description),
        required: f.required ?? false,
        order: f.order ?? i,
        options: emptyAsAbsent(f.options),
        fileTypes: emptyAsAbsent(f.fileTypes),
        emailDomain: optionalText(f.emailDomain),
      }),
    )
    .sort((a, b) => Number(a.order) - Number(b.order));
}

/**
 * Every property of an agent, each once: its comparable form, the value an update sends to clear it when
 * the program leaves it out, and its name in Langdock's responses where that differs (docs/langdock-api.md, Agents:
 * requests use the input names).
 */
export const AGENT_PROPERTIES = {
  name: {},
  description: { compare: optionalText, cleared: "" },
  emoji: { compare: optionalText, cleared: null, response: "emojiIcon" }, // docs/langdock-api.md: null clears emoji
  instruction: { compare: optionalText, cleared: "" },
  inputType: { compare: withDefault("PROMPT"), cleared: "PROMPT" },
  // No cleared value: Langdock keeps its workspace default when it is not sent.
  model: {},
  creativity: { compare: withDefault(DEFAULT_CREATIVITY), cleared: DEFAULT_CREATIVITY, response: "temperature" },
  conversationStarters: { compare: emptyAsAbsent, cleared: [] },
  actions: {
    compare: (v) => (Array.isArray(v) && v.length > 0 ? withConfirmation(v) : undefined),
    cleared: [],
    // The two doc versions disagree on the default (true vs false), so it is always sent explicitly.
    request: (v) => withConfirmation(v as unknown[]),
  },
  inputFields: { compare: comparableAgentFields, cleared: [] },
  attachments: { compare: emptyAsAbsent, cleared: [] },
  // No cleared value: sent only when the program sets it (the update sends `[]` once it is removed again).
  knowledgeFolderIds: { compare: emptyAsAbsent },
  webSearch: { compare: isTrue, cleared: false, response: "webSearchEnabled" },
  imageGeneration: { compare: isTrue, cleared: false, response: "imageGenerationEnabled" },
  // Langdock ignores it ("accepted for compatibility and ignored", late 2026): kept for old programs (check warns),
  // never compared, never sent; seed-era answers still name it codeInterpreterEnabled.
  dataAnalyst: { compare: neverCompared, notSent: true, response: "codeInterpreterEnabled" },
  canvas: { compare: isTrue, cleared: false, response: "canvasEnabled" },
  // Only some models support it (GET /agent/v1/models: supportsExtendedThinking); Langdock answers 400 otherwise.
  extendedThinking: { compare: isTrue, cleared: false },
  // A disabled agent (destroyed earlier or disabled in the UI) differs from a declared one: up re-enables it.
  disabled: { compare: isTrue, notSent: true },
  // Only consulted at create; changing it later changes nothing in Langdock.
  adoptId: PROVIDER_OWN,
} as const satisfies PropertyRules;

/** Input (and request) name → Langdock's response name, where they differ. */
export const AGENT_RESPONSE_NAMES = responseNames(AGENT_PROPERTIES);

/** Capabilities: the boolean switches, input name → response name. */
export const CAPABILITIES = {
  webSearch: AGENT_RESPONSE_NAMES.webSearch,
  imageGeneration: AGENT_RESPONSE_NAMES.imageGeneration,
  dataAnalyst: AGENT_RESPONSE_NAMES.dataAnalyst,
  canvas: AGENT_RESPONSE_NAMES.canvas,
  extendedThinking: "extendedThinking",
} as const;
