import { knowledgeAgent } from "./program";

export const { agentId, handbookId, docIds } = knowledgeAgent();
