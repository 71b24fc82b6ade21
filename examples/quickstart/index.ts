import { quickstart } from "./program";

// Stack outputs: `pulumi stack output agentId`.
export const { integrationId, getUserActionId, createTicketActionId, triggerId, agentId } = quickstart();
