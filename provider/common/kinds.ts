/** The Langdock objects this package manages; also the dynamic resource type names (`pulumi-nodejs:dynamic/langdock:<kind>`). */
export const RESOURCE_KINDS = ["Integration", "Action", "Trigger", "Agent", "Attachment", "KnowledgeFile"] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];
