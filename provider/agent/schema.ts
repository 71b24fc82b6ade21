import { z } from "zod";
import { bool, got, strictObject, list, oneOf, text, uuid, type ResourceSchema } from "../common/schema";
import { items, onlyForType, uniqueSlugs } from "../common/crossField";
import { containsUnknown } from "../common/unknown";
import type { CheckFailure } from "../common/schema";
import { LIMITS } from "../base/limits";
import { deepEqual } from "../base/props";
import { agentSpec } from "./spec";
import { AGENT_PROPERTIES, DEFAULT_CREATIVITY } from "./properties";
import { comparableOf } from "../common/properties";
import { INPUT_TYPES, AGENT_FIELD_TYPES } from "./spec";
export { INPUT_TYPES, AGENT_FIELD_TYPES };
export type { InputType, AgentFieldType } from "./spec";

export { CAPABILITIES, DEFAULT_CREATIVITY } from "./properties";

const agentField = strictObject({
  slug: text(LIMITS.agentField.slug, 1),
  type: oneOf(AGENT_FIELD_TYPES),
  label: text(LIMITS.agentField.label, 1),
  description: text(LIMITS.agentField.description).optional(),
  required: bool().default(false),
  order: z
    .number(got("must be a whole number (the 0-based display position)"))
    .int(got("must be a whole number"))
    .min(0, got("must be 0 or more"))
    .optional(),
  options: list(text(LIMITS.agentField.option, 1)).optional(),
  fileTypes: list(text(LIMITS.agentField.fileType, 1)).optional(),
  emailDomain: text(LIMITS.agentField.emailDomain, 1).optional(),
});

const agentAction = strictObject({
  actionId: uuid("id of an Action (e.g. action.id)"),
  requiresConfirmation: bool().default(true),
});

export const AgentInputsSchema = strictObject({
  name: text(LIMITS.agent.name, 1),
  description: text(LIMITS.agent.description).optional(),
  emoji: text(LIMITS.agent.emoji).optional(),
  instruction: text(LIMITS.agent.instruction).optional(),
  inputType: oneOf(INPUT_TYPES).default("PROMPT"),
  model: text(LIMITS.agent.model, 1).optional(),
  creativity: z
    .number(got("must be a number from 0 to 1"))
    .min(0, got("must be from 0 to 1"))
    .max(1, got("must be from 0 to 1"))
    .default(DEFAULT_CREATIVITY),
  conversationStarters: list(text(LIMITS.agent.conversationStarter, 1), LIMITS.agent.conversationStarters).optional(),
  actions: list(agentAction).optional(),
  inputFields: list(agentField).optional(),
  attachments: list(uuid("id of an uploaded attachment")).optional(),
  knowledgeFolderIds: list(uuid("id of a knowledge base (see getKnowledgeBases())")).optional(),
  webSearch: bool().default(false),
  imageGeneration: bool().default(false),
  dataAnalyst: bool().default(false),
  canvas: bool().default(false),
  extendedThinking: bool().default(false),
  adoptId: uuid("id of an existing agent to take over").optional(),
}).transform((inputs) => ({
  ...inputs,
  inputFields: inputs.inputFields?.map((f, i) => ({ ...f, order: f.order ?? i })),
}));
export type AgentInputs = z.output<typeof AgentInputsSchema>;

export const agentSchema: ResourceSchema<AgentInputs> = {
  inputs: AgentInputsSchema,
  crossField: (given) => {
    const failures: CheckFailure[] = [];
    const inputType = given.inputType ?? "PROMPT";
    if (items(given.inputFields).length > 0 && !containsUnknown(inputType) && inputType !== "STRUCTURED") {
      failures.push({
        property: "inputFields",
        reason: 'are only used when inputType is "STRUCTURED"; set inputType or remove inputFields',
      });
    }
    failures.push(...uniqueSlugs(given.inputFields, "inputFields", "field"));
    failures.push(...onlyForType(given.inputFields, "inputFields", ["SELECT", "MULTI_SELECT"], ["options"]));
    failures.push(...onlyForType(given.inputFields, "inputFields", "EMAIL", ["emailDomain"]));
    failures.push(...onlyForType(given.inputFields, "inputFields", "FILE", ["fileTypes"]));
    const actionIds = new Set<unknown>();
    items(given.actions).forEach((action, i) => {
      if (action.actionId === undefined || containsUnknown(action.actionId)) return;
      if (actionIds.has(action.actionId))
        failures.push({ property: `actions[${i}].actionId`, reason: "is listed twice; list each action once" });
      actionIds.add(action.actionId);
    });
    return failures;
  },
  comparable: comparableOf(AGENT_PROPERTIES),
  replaceOnChanges: agentSpec.replaceOnChanges,
  serverDefaulted: ["model"],
  advisories: (given) =>
    given.dataAnalyst === undefined
      ? []
      : [
          `agent ${JSON.stringify(String(given.name ?? ""))}: Langdock now ignores dataAnalyst (it is accepted only for compatibility and no longer switches the data analyst on or off), so remove it from the program.`,
        ],
  destructive: (olds, news) => {
    const actions = AGENT_PROPERTIES.actions.compare;
    if (deepEqual(actions(olds.actions), actions(news.actions))) return [];
    return [
      `agent ${JSON.stringify(String(news.name ?? olds.name ?? ""))}: this update sends its actions, and Langdock then also removes every workflow attached to the agent in its web app (the API cannot show them), so re-attach those workflows in Langdock after pulumi up.`,
    ];
  },
};
