/** The agent's translation to and from Langdock's wire shapes, shared by its CRUD, the lookups and export. */
import type { AgentInputFieldWire, AgentWire } from "../client/wire";
import type { Outputs, Props } from "../common/crud";
import { sanitize } from "../base/props";
import { bodyOf } from "../common/properties";
import type { AgentRequest } from "../client/requests";
import type { AgentInputs } from "./schema";
import { AGENT_PROPERTIES, AGENT_RESPONSE_NAMES as RESPONSE, CAPABILITIES } from "./properties";

export type AgentOutputs = Outputs<
  | "name"
  | "description"
  | "emoji"
  | "instruction"
  | "inputType"
  | "model"
  | "creativity"
  | "conversationStarters"
  | "actions"
  | "inputFields"
  | "attachments"
  | "knowledgeFolderIds"
  | keyof typeof CAPABILITIES
  | "disabled"
  | "adoptId"
  | "createdAt"
  | "updatedAt"
>;

/**
 * Outputs use the input names (emoji, creativity, dataAnalyst …), not Langdock's response names; where
 * the response lacks a field, `fallback` (state or inputs) provides it. Also the shape `getAgent` returns.
 */
export function agentOutputs(wire: AgentWire, fallback: Props): AgentOutputs {
  const capabilities = Object.fromEntries(
    Object.entries(CAPABILITIES).map(([input, response]) => [input, wire[response] ?? fallback[input] ?? false]),
  ) as Record<keyof typeof CAPABILITIES, unknown>;
  return sanitize<AgentOutputs>({
    name: wire.name,
    // null is Langdock's "no description": it clears the state's value instead of keeping it.
    description: wire.description === undefined ? fallback.description : wire.description || undefined,
    emoji: wire[RESPONSE.emoji] === undefined ? fallback.emoji : wire[RESPONSE.emoji],
    instruction: wire.instruction === undefined ? fallback.instruction : wire.instruction || undefined,
    inputType: wire.inputType ?? fallback.inputType,
    model: wire.model ?? fallback.model,
    creativity: wire[RESPONSE.creativity] ?? fallback.creativity,
    conversationStarters: wire.conversationStarters ?? fallback.conversationStarters,
    actions: wire.actions
      ? wire.actions.map((a) => ({ actionId: a.actionId, requiresConfirmation: a.requiresConfirmation ?? true }))
      : fallback.actions,
    inputFields: wire.inputFields ? inputFieldsOf(wire.inputFields, fallback.inputFields) : fallback.inputFields,
    attachments: wire.attachments ?? fallback.attachments,
    knowledgeFolderIds: wire.knowledgeFolderIds ?? fallback.knowledgeFolderIds,
    ...capabilities,
    disabled: wire.disabled ?? fallback.disabled ?? false,
    adoptId: fallback.adoptId,
    createdAt: wire.createdAt ?? fallback.createdAt,
    updatedAt: wire.updatedAt ?? fallback.updatedAt,
  });
}

/**
 * Input fields as the program states them, sorted by `order`. Langdock's GET omits slug, options and
 * fileTypes (late 2026): those come from the known field at the same `order` (the state's), so their
 * absence is never drift.
 */
function inputFieldsOf(fields: AgentInputFieldWire[], fallback: unknown): Props[] {
  const known = new Map<unknown, Props>();
  if (Array.isArray(fallback)) (fallback as Props[]).forEach((f, i) => known.set(f.order ?? i, f));
  return fields
    .map((f, i) => {
      const order = f.order ?? i;
      const kept = known.get(order) ?? {};
      const options = f.options && f.options.length > 0 ? f.options : kept.options;
      return sanitize({
        slug: f.slug ?? kept.slug,
        type: f.type,
        label: f.label,
        description: f.description || undefined,
        required: f.required ?? false,
        order,
        options,
        fileTypes: fileTypeList(f.fileTypes) ?? kept.fileTypes,
        emailDomain: f.emailDomain ?? kept.emailDomain,
      });
    })
    .sort((a, b) => Number(a.order) - Number(b.order));
}

/** File types as the resource takes them: a list (some responses send one comma-separated string). */
function fileTypeList(value: string | string[] | null | undefined): string[] | undefined {
  const list = typeof value === "string" ? value.split(",").map((t) => t.trim()) : (value ?? []);
  const types = list.filter(Boolean);
  return types.length > 0 ? types : undefined;
}

/** Request fields for the given inputs; absent optional inputs are sent as their cleared value (AGENT_PROPERTIES). */
export function toBody(inputs: AgentInputs, keys: readonly string[]): AgentRequest {
  return bodyOf<AgentRequest>(AGENT_PROPERTIES, inputs, keys);
}
