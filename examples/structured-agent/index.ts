import { structuredAgent } from "./program";

export const { crmId, ticketsId, agentId } = structuredAgent();
