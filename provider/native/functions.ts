import type { LangdockClient } from "../client";

/**
 * The lookups a native-plugin program calls (`langdock:index:<name>`): the package's own lookups
 * (lookups.ts), run with the provider instance's client. Their arguments, descriptions and result types are
 * in the package schema (generated from the lookups' declarations); an invoke answers with an object, so a
 * lookup that gives a list answers under `listProperty`.
 */
export interface FunctionEntry {
  listProperty?: string;
  call(args: Record<string, string>, client: LangdockClient): Promise<unknown>;
}

const lookups = () => require("../lookups") as typeof import("../lookups");
const knowledge = () => require("../knowledgeFile/lookups") as typeof import("../knowledgeFile/lookups");
const skills = () => require("../skill/lookups") as typeof import("../skill/lookups");
/** The instance's client in place of the public connection options (lookupClient.ts takes it). */
const using = (client: LangdockClient) => ({ client }) as object;

export const FUNCTIONS: Record<string, FunctionEntry> = {
  getModels: { listProperty: "models", call: (_args, client) => lookups().getModels(using(client)) },
  getIntegrations: { listProperty: "integrations", call: (_args, client) => lookups().getIntegrations(using(client)) },
  getIntegration: { call: (args, client) => lookups().getIntegration({ id: args.id }, using(client)) },
  getAgent: { call: (args, client) => lookups().getAgent({ id: args.id }, using(client)) },
  getKnowledgeBases: { listProperty: "knowledgeBases", call: (_args, client) => knowledge().getKnowledgeBases(using(client)) },
  getKnowledgeFiles: {
    listProperty: "files",
    call: (args, client) => knowledge().getKnowledgeFiles({ folderId: args.folderId }, using(client)),
  },
  getSkills: {
    listProperty: "skills",
    call: (args, client) => skills().getSkills({ slug: args.slug, query: args.query }, using(client)),
  },
};
