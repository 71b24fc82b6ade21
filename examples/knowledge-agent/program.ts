import * as pulumi from "@pulumi/pulumi";
import { Agent, Attachment, KnowledgeDirectory } from "pulumi-langdock";

/**
 * An agent that answers from an attached handbook and from a knowledge base kept in step with the
 * `docs/` folder: a new, changed or deleted doc becomes one upload, replacement or delete at the next
 * `pulumi up`. The knowledge base must exist and be shared with the API key with the Editor role
 * (`pulumi config set knowledgeBaseId <id>`; `getKnowledgeBases()` lists the ids).
 */
export function knowledgeAgent(config = new pulumi.Config()) {
  const knowledgeBaseId = config.get("knowledgeBaseId") ?? "00000000-0000-4000-8000-000000000000";

  const handbook = new Attachment("handbook", { file: "handbook.md" });
  const docs = new KnowledgeDirectory("docs", { folderId: knowledgeBaseId, path: "docs", include: ["**/*.md"] });

  const agent = new Agent(
    "support",
    {
      name: "Support assistant",
      instruction: "Answer from the handbook and the team docs; say so when they do not cover a question.",
      attachments: [handbook.id],
      knowledgeFolderIds: [knowledgeBaseId],
    },
    // Ask only once every doc is processed, so the agent never answers from a half-synced base.
    { dependsOn: [docs] },
  );
  return { agentId: agent.id, handbookId: handbook.id, docIds: docs.fileIds };
}
