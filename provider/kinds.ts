import type { ResourceCrud } from "./common/crud";
import type { ResourceSchema } from "./common/schema";
import type { ResourceSpec } from "./common/spec";
import { actionSpec } from "./action/spec";
import { agentSpec } from "./agent/spec";
import { integrationSpec } from "./integration/spec";
import { triggerSpec } from "./trigger/spec";
import { attachmentSpec } from "./attachment/spec";
import { knowledgeFileSpec } from "./knowledgeFile/spec";
import { skillSpec } from "./skill/spec";

/**
 * One kind: its declaration, and loaders of its check/diff half (no HTTP code), its CRUD and its class.
 * Not exported, so the public declarations (the classes name ResourceKind) never reference zod or the client.
 */
interface KindEntry {
  spec: ResourceSpec;
  schema(): ResourceSchema;
  crud(): ResourceCrud;
  resource(): unknown;
}

/**
 * Every Langdock object this package manages, one line each. The key is the dynamic resource type name
 * (`pulumi-nodejs:dynamic/langdock:<kind>`) and what the serialized shells pass to the runtime, so it never
 * changes. Modules load on first use: check and diff must not load the CRUD (and with it the HTTP client).
 */
export const KINDS = {
  Integration: {
    spec: integrationSpec,
    schema: () => require("./integration/schema").integrationSchema,
    crud: () => require("./integration/crud").integrationCrud,
    resource: () => require("./integration/resource").Integration,
  },
  Action: {
    spec: actionSpec,
    schema: () => require("./action/schema").actionSchema,
    crud: () => require("./action/crud").actionCrud,
    resource: () => require("./action/resource").Action,
  },
  Trigger: {
    spec: triggerSpec,
    schema: () => require("./trigger/schema").triggerSchema,
    crud: () => require("./trigger/crud").triggerCrud,
    resource: () => require("./trigger/resource").Trigger,
  },
  Agent: {
    spec: agentSpec,
    schema: () => require("./agent/schema").agentSchema,
    crud: () => require("./agent/crud").agentCrud,
    resource: () => require("./agent/resource").Agent,
  },
  Attachment: {
    spec: attachmentSpec,
    schema: () => require("./attachment/schema").attachmentSchema,
    crud: () => require("./attachment/crud").attachmentCrud,
    resource: () => require("./attachment/resource").Attachment,
  },
  KnowledgeFile: {
    spec: knowledgeFileSpec,
    schema: () => require("./knowledgeFile/schema").knowledgeFileSchema,
    crud: () => require("./knowledgeFile/crud").knowledgeFileCrud,
    resource: () => require("./knowledgeFile/resource").KnowledgeFile,
  },
  Skill: {
    spec: skillSpec,
    schema: () => require("./skill/schema").skillSchema,
    crud: () => require("./skill/crud").skillCrud,
    resource: () => require("./skill/resource").Skill,
  },
} as const satisfies Record<string, KindEntry>;

export type ResourceKind = keyof typeof KINDS;
/** The kinds in declaration order. */
export const RESOURCE_KINDS = Object.keys(KINDS) as ResourceKind[];
