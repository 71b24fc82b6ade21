/**
 * pulumi-langdock: Langdock integrations, actions, triggers and agents as Pulumi resources.
 * Configure with `langdock:apiKey` (secret) and optionally `langdock:baseUrl`.
 */
export * from "./resources";
export { codeFromFile, CODE_LIMITS } from "./code";
export type { CodeFromFileOptions, CodeKind } from "./code";
export { getModels, getIntegrations, getIntegration, getAgent } from "./lookups";
export type {
  LookupOptions,
  LangdockIntegrationSummary,
  LangdockIntegration,
  LangdockIntegrationChild,
  LangdockAgent,
  LangdockAgentInputField,
} from "./lookups";
export { Attachment } from "./attachment";
export type { AttachmentArgs } from "./attachment";
export { KnowledgeFile } from "./knowledgeFile";
export type { KnowledgeFileArgs, SyncStatus } from "./knowledgeFile";
export { KnowledgeDirectory } from "./knowledgeDirectory";
export type { KnowledgeDirectoryArgs } from "./knowledgeDirectory";
export { getKnowledgeBases, getKnowledgeFiles } from "./knowledgeFile/lookups";
export type { LangdockKnowledgeBase, LangdockKnowledgeFile } from "./knowledgeFile/lookups";
