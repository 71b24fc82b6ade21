import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { Action, Agent, Integration, codeFromFile } from "pulumi-langdock";

/**
 * A structured-input agent (a form instead of a chat prompt) using actions from two integrations:
 * one with API-key auth, one with OAuth whose client secret comes from Pulumi secret config
 * (`pulumi config set --secret ticketsClientSecret …`).
 */
export function structuredAgent(config = new pulumi.Config()) {
  const clientSecret = config.requireSecret("ticketsClientSecret");

  const crm = new Integration("crm", {
    name: "Acme CRM",
    authType: "API_KEY",
    authFields: [{ slug: "apiKey", label: "CRM API key", type: "PASSWORD", required: true }],
  });
  const tickets = new Integration("tickets", {
    name: "Ticket desk",
    description: "The OAuth-protected ticket desk",
    authType: "OAUTH",
    oauthClient: {
      clientId: config.get("ticketsClientId") ?? "langdock-tickets",
      clientSecret,
      authUrl: "https://tickets.example.com/oauth/authorize",
      tokenUrl: "https://tickets.example.com/oauth/token",
      scopes: "tickets:read tickets:write",
    },
  });

  const lookupCustomer = new Action("lookup-customer", {
    integrationId: crm.id,
    name: "Look up customer",
    code: codeFromFile(path.join(__dirname, "actions", "lookup-customer.js")),
    inputFields: [{ label: "Email", required: true }],
  });
  const escalate = new Action("escalate", {
    integrationId: tickets.id,
    name: "Escalate ticket",
    code: codeFromFile(path.join(__dirname, "actions", "escalate.js")),
    requiresConfirmation: true,
    inputFields: [
      { label: "Ticket ID", required: true },
      { label: "Reason", type: "MULTI_LINE_TEXT" },
    ],
  });

  const triage = new Agent("triage", {
    name: "Escalation triage",
    inputType: "STRUCTURED",
    instruction: "Given the form, look the customer up and escalate the ticket when the reason warrants it.",
    inputFields: [
      { slug: "email", type: "TEXT", label: "Customer email", required: true },
      { slug: "ticket", type: "TEXT", label: "Ticket ID", required: true },
      { slug: "severity", type: "SELECT", label: "Severity", options: ["low", "high", "critical"] },
      { slug: "details", type: "MULTI_LINE_TEXT", label: "What happened?" },
    ],
    actions: [{ actionId: lookupCustomer.id, requiresConfirmation: false }, { actionId: escalate.id }],
  });

  return { crmId: crm.id, ticketsId: tickets.id, agentId: triage.id };
}
