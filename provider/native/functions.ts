import type { LangdockClient } from "../client";

/**
 * The lookups a native-plugin program can call (`langdock:index:<name>`), each with its arguments and the
 * one property its answer is returned under when the lookup gives a list (an invoke returns an object).
 * They run the package's own lookups (lookups.ts) with the provider instance's client.
 */
export interface FunctionEntry {
  description: string;
  /** Required string arguments, with their descriptions. */
  args: Record<string, string>;
  /** The property holding a list answer; absent when the answer is itself an object. */
  listProperty?: string;
  /** The answer's type in the package schema (`#/types/…`) or, for a list, its items' type. */
  resultType: string;
  call(args: Record<string, string>, client: LangdockClient): Promise<unknown>;
}

const lookups = () => require("../lookups") as typeof import("../lookups");
const knowledge = () => require("../knowledgeFile/lookups") as typeof import("../knowledgeFile/lookups");

export const FUNCTIONS: Record<string, FunctionEntry> = {
  getModels: {
    description: "The model names the workspace offers, i.e. the valid values of an Agent's `model`.",
    args: {},
    listProperty: "models",
    resultType: "string",
    call: (_args, client) => lookups().getModels({ client } as object),
  },
  getIntegrations: {
    description: "Every integration of the workspace (id, name, description).",
    args: {},
    listProperty: "integrations",
    resultType: "IntegrationSummary",
    call: (_args, client) => lookups().getIntegrations({ client } as object),
  },
  getIntegration: {
    description: "One integration with the ids and names of its actions and triggers.",
    args: { id: "The integration's id." },
    resultType: "IntegrationDetails",
    call: (args, client) => lookups().getIntegration({ id: args.id }, { client } as object),
  },
  getAgent: {
    description: "The published version of one agent, with the Agent resource's property names.",
    args: { id: "The agent's id; the agent must be shared with the API key." },
    resultType: "AgentDetails",
    call: (args, client) => lookups().getAgent({ id: args.id }, { client } as object),
  },
  getKnowledgeBases: {
    description: "The knowledge bases (folders) shared with the API key.",
    args: {},
    listProperty: "knowledgeBases",
    resultType: "KnowledgeBase",
    call: (_args, client) => knowledge().getKnowledgeBases({ client } as object),
  },
  getKnowledgeFiles: {
    description: "The files of one knowledge base.",
    args: { folderId: "The knowledge base's id (see getKnowledgeBases)." },
    listProperty: "files",
    resultType: "KnowledgeFileSummary",
    call: (args, client) => knowledge().getKnowledgeFiles({ folderId: args.folderId }, { client } as object),
  },
};
