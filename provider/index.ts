/**
 * pulumi-langdock: Langdock integrations, actions, triggers and agents as Pulumi resources.
 * Configure with `langdock:apiKey` (secret) and optionally `langdock:baseUrl`.
 */
export { Integration, type IntegrationArgs, type AuthFieldArgs, type OAuthClientArgs } from "./integration/resource";
export { Action, type ActionArgs } from "./action/resource";
export { Trigger, type TriggerArgs } from "./trigger/resource";
export { Agent, type AgentArgs, type AgentActionArgs, type AgentInputFieldArgs } from "./agent/resource";
export type { ChildArgs, InputFieldArgs, TriggerInputFieldArgs, SelectOption } from "./child/args";
export type { AuthType, AuthFieldType } from "./integration/spec";
export type { ActionFieldType, TriggerFieldType } from "./child/fieldTypes";
export type { InputType, AgentFieldType } from "./agent/spec";
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
export { Attachment, type AttachmentArgs } from "./attachment/resource";
export { KnowledgeFile, type KnowledgeFileArgs } from "./knowledgeFile/resource";
export type { SyncStatus } from "./knowledgeFile/spec";
export { KnowledgeDirectory, type KnowledgeDirectoryArgs } from "./knowledgeDirectory/resource";
export { getKnowledgeBases, getKnowledgeFiles } from "./knowledgeFile/lookups";
export type { LangdockKnowledgeBase, LangdockKnowledgeFile } from "./knowledgeFile/lookups";
export { Skill, type SkillArgs } from "./skill/resource";
export { getSkills } from "./skill/lookups";
export type { LangdockSkill } from "./skill/lookups";
