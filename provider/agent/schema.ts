import { z } from "zod";
import { bool, strictObject, list, oneOf, optionalText, text, uuid, withDefault, type ResourceSchema } from "../common/schema";
import { sanitize } from "../common/props";

export const INPUT_TYPES = ["PROMPT", "STRUCTURED"] as const;
export const AGENT_FIELD_TYPES = ["TEXT", "MULTI_LINE_TEXT", "NUMBER", "CHECKBOX", "FILE", "SELECT", "DATE"] as const;
export const DEFAULT_CREATIVITY = 0.3;
/** Capabilities: input name → Langdock's response name (REFERENCE.md, Agents). */
export const CAPABILITIES = {
  webSearch: "webSearchEnabled",
  imageGeneration: "imageGenerationEnabled",
  dataAnalyst: "codeInterpreterEnabled",
  canvas: "canvasEnabled",
} as const;

const agentField = strictObject({
  slug: text(100, 1),
  type: oneOf(AGENT_FIELD_TYPES),
  label: text(100, 1),
  description: text(500).optional(),
  required: bool().default(false),
  order: z
    .number({ error: "must be a whole number (the 0-based display position)" })
    .int({ error: "must be a whole number" })
    .min(0, { error: "must be 0 or more" })
    .optional(),
  options: list(text(255, 1)).optional(),
  fileTypes: list(text(100, 1)).optional(),
});

const agentAction = strictObject({
  actionId: uuid("id of an Action (e.g. action.id)"),
  requiresConfirmation: bool().default(true),
});

export const agentSchema: ResourceSchema = {
  inputs: strictObject({
    name: text(80, 1),
    description: text(500).optional(),
    emoji: text(16).optional(),
    instruction: text(40_000).optional(),
    inputType: oneOf(INPUT_TYPES).default("PROMPT"),
    model: text(64, 1).optional(),
    creativity: z
      .number({ error: "must be a number from 0 to 1" })
      .min(0, { error: "must be from 0 to 1" })
      .max(1, { error: "must be from 0 to 1" })
      .default(DEFAULT_CREATIVITY),
    conversationStarters: list(text(255, 1), 20).optional(),
    actions: list(agentAction).optional(),
    inputFields: list(agentField).optional(),
    attachments: list(uuid("id of an uploaded attachment")).optional(),
    knowledgeFolderIds: list(uuid("id of a knowledge base (see getKnowledgeBases())")).optional(),
    webSearch: bool().default(false),
    imageGeneration: bool().default(false),
    dataAnalyst: bool().default(false),
    canvas: bool().default(false),
    adoptId: uuid("id of an existing agent to take over").optional(),
  })
    .transform((inputs) => ({ ...inputs, inputFields: inputs.inputFields?.map((f, i) => ({ ...f, order: f.order ?? i })) }))
    .superRefine((inputs, ctx) => {
      if (inputs.inputFields?.length && inputs.inputType !== "STRUCTURED") {
        ctx.addIssue({
          code: "custom",
          path: ["inputFields"],
          message: 'are only used when inputType is "STRUCTURED"; set inputType or remove inputFields',
        });
      }
      const slugs = new Set<string>();
      inputs.inputFields?.forEach((field, i) => {
        if (slugs.has(field.slug))
          ctx.addIssue({
            code: "custom",
            path: ["inputFields", i, "slug"],
            message: `"${field.slug}" is used by an earlier field; slugs must be unique`,
          });
        slugs.add(field.slug);
        if (field.options !== undefined && field.type !== "SELECT")
          ctx.addIssue({
            code: "custom",
            path: ["inputFields", i, "options"],
            message: 'is only used by SELECT fields: set type to "SELECT" or remove options',
          });
        if (field.fileTypes !== undefined && field.type !== "FILE")
          ctx.addIssue({
            code: "custom",
            path: ["inputFields", i, "fileTypes"],
            message: 'is only used by FILE fields: set type to "FILE" or remove fileTypes',
          });
      });
      const actionIds = new Set<string>();
      inputs.actions?.forEach((action, i) => {
        if (actionIds.has(action.actionId))
          ctx.addIssue({ code: "custom", path: ["actions", i, "actionId"], message: "is listed twice; list each action once" });
        actionIds.add(action.actionId);
      });
    }) as unknown as z.ZodType<Record<string, unknown>>,
  comparable: {
    description: optionalText,
    emoji: optionalText,
    instruction: optionalText,
    inputType: withDefault("PROMPT"),
    creativity: withDefault(DEFAULT_CREATIVITY),
    conversationStarters: emptyAsAbsent,
    actions: (v) =>
      Array.isArray(v) && v.length > 0
        ? v.map((a: Record<string, unknown>) => ({ actionId: a.actionId, requiresConfirmation: a.requiresConfirmation ?? true }))
        : undefined,
    inputFields: (v) =>
      Array.isArray(v) && v.length > 0
        ? v.map((f: Record<string, unknown>, i) =>
            sanitize({
              ...f,
              description: optionalText(f.description),
              required: f.required ?? false,
              order: f.order ?? i,
              options: emptyAsAbsent(f.options),
              fileTypes: emptyAsAbsent(f.fileTypes),
            }),
          )
        : undefined,
    attachments: emptyAsAbsent,
    knowledgeFolderIds: emptyAsAbsent,
    webSearch: (v) => v === true,
    imageGeneration: (v) => v === true,
    dataAnalyst: (v) => v === true,
    canvas: (v) => v === true,
    // A disabled agent (destroyed earlier or disabled in the UI) differs from a declared one: up re-enables it.
    disabled: (v) => v === true,
    adoptId: () => undefined,
  },
  replaceOnChanges: [],
  serverDefaulted: ["model"],
};

function emptyAsAbsent(value: unknown): unknown {
  return Array.isArray(value) && value.length === 0 ? undefined : value;
}
