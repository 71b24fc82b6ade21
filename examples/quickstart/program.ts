import * as path from "path";
import { Action, Agent, Integration, Trigger, codeFromFile } from "pulumi-langdock";

/**
 * The quick start: an internal CRM integration with API-key auth, two actions (one with input
 * fields), a polling trigger, and a support agent that uses both actions by id.
 * `index.ts` runs it as a Pulumi program; `npm run demo` runs the same function offline.
 */
export function quickstart() {
  const crm = new Integration("crm", {
    name: "Acme CRM",
    description: "Users and tickets from the internal CRM",
    authType: "API_KEY",
    authFields: [{ slug: "apiKey", label: "CRM API key", type: "PASSWORD", required: true }],
  });

  const getUser = new Action("get-user", {
    integrationId: crm.id,
    name: "Get user",
    description: "Looks up a CRM user by id and returns their profile",
    code: codeFromFile(path.join(__dirname, "actions", "get-user.js")),
    inputFields: [{ label: "User", type: "TEXT", description: "The CRM user id, e.g. u_123", required: true }],
  });

  const createTicket = new Action("create-ticket", {
    integrationId: crm.id,
    name: "Create ticket",
    description: "Opens a support ticket in the CRM",
    code: codeFromFile(path.join(__dirname, "actions", "create-ticket.js")),
    requiresConfirmation: true,
    inputFields: [
      { label: "Title", type: "TEXT", required: true },
      {
        label: "Priority",
        type: "SELECT",
        options: [
          { label: "Low", value: "low" },
          { label: "Medium", value: "medium" },
          { label: "High", value: "high" },
        ],
      },
    ],
  });

  const newTickets = new Trigger("new-tickets", {
    integrationId: crm.id,
    name: "New ticket",
    description: "Starts a workflow for each new ticket",
    pollingCode: codeFromFile(path.join(__dirname, "triggers", "new-tickets.js"), { kind: "trigger" }),
  });

  const support = new Agent("support", {
    name: "Support helper",
    description: "Answers questions about CRM users and files tickets",
    emoji: "🛟",
    instruction: "You help the support team. Look users up before answering; file a ticket when asked.",
    creativity: 0.2,
    conversationStarters: ["Who is user u_123?", "Open a ticket for a login problem"],
    actions: [{ actionId: getUser.id, requiresConfirmation: false }, { actionId: createTicket.id }],
  });

  return {
    integrationId: crm.id,
    getUserActionId: getUser.id,
    createTicketActionId: createTicket.id,
    triggerId: newTickets.id,
    agentId: support.id,
  };
}
