import type { LangdockEmulator } from "../../provider/emulator";

/** The OAuth client secret set by hand; it must never appear in anything export writes or prints. */
export const CLIENT_SECRET = "tickets-oauth-client-secret-4711";

/** A call to the emulator's HTTP API, as a person (or a script) building a workspace by hand makes it. */
async function call(emulator: LangdockEmulator, method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(emulator.url + path, {
    method,
    headers: { Authorization: `Bearer ${emulator.apiKey}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as any;
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${JSON.stringify(json)}`);
  return json;
}

export interface HandBuilt {
  crm: string;
  tickets: string;
  other: string;
  getUser: string;
  createTicket: string;
  ticketsGetUser: string;
  outside: string;
  trigger: string;
  agent: string;
  minimalAgent: string;
  formAgent: string;
}

export const GET_USER_CODE = `// Looks a user up in the CRM.
const res = await ld.request({ method: "GET", url: \`https://crm.example.com/users/\${data.input.user_id}\`, headers: { Authorization: \`Bearer \${data.auth.apiKey}\` } });
return res.json;
`;

/** Two integrations to export (API key and OAuth), one outside the export, actions, a trigger, two agents. */
export async function buildWorkspace(emulator: LangdockEmulator): Promise<HandBuilt> {
  const integration = async (name: string, description: string) =>
    (await call(emulator, "POST", "/integrations/v1/create", { name, description })).integration.id as string;
  const crm = await integration("Acme CRM", "Customer records");
  await call(emulator, "PATCH", `/integrations/v1/${crm}`, {
    name: "Acme CRM",
    color: "#4f46e5",
    iconUrl: "https://crm.example.com/icon.png",
  });
  await call(emulator, "PATCH", `/integrations/v1/${crm}/auth`, {
    authType: "API_KEY",
    authFields: [
      { slug: "apiKey", label: "API key", type: "PASSWORD", required: true, description: "From Settings → API" },
      { slug: "region", label: "Region", type: "TEXT", placeholder: "eu" },
    ],
    authTestCode: "return (await ld.request({ url: 'https://crm.example.com/ping' })).status === 200;",
  });
  const tickets = await integration("Ticket desk", "");
  await call(emulator, "PATCH", `/integrations/v1/${tickets}/auth`, {
    authType: "OAUTH",
    oauthClient: {
      clientId: "langdock-tickets",
      clientSecret: CLIENT_SECRET,
      authUrl: "https://tickets.example.com/oauth/authorize",
      tokenUrl: "https://tickets.example.com/oauth/token",
      scopes: "tickets:read tickets:write",
    },
  });
  const other = await integration("Other tools", "Not exported");

  const action = async (integrationId: string, body: Record<string, unknown>) =>
    (await call(emulator, "POST", `/integrations/v1/${integrationId}/actions/create`, body)).action.id as string;
  const getUser = await action(crm, {
    name: "Get user",
    description: "Looks a user up by id",
    code: GET_USER_CODE,
    inputFields: [
      { label: "User id", type: "TEXT", required: true, placeholder: "u_123" },
      {
        label: "Fields",
        type: "SELECT",
        allowMultiSelect: true,
        options: [
          { label: "Email", value: "email" },
          { label: "Name", value: "name" },
        ],
      },
    ],
  });
  const createTicket = await action(crm, {
    name: "Create ticket",
    requiresConfirmation: true,
    code: "return { created: `ticket for ${data.input.summary}` };",
    inputFields: [
      { label: "Summary", type: "MULTI_LINE_TEXT", description: "What happened" },
      { label: "Owner", type: "SELECT", contextActionId: getUser, options: [{ label: "Me", value: "me" }] },
    ],
  });
  const ticketsGetUser = await action(tickets, { name: "Get user", code: "return data.input;" });
  const outside = await action(other, { name: "Outside", code: "return 1;" });
  const trigger = (
    await call(emulator, "POST", `/integrations/v1/${crm}/triggers/create`, {
      name: "New ticket",
      description: "Polls for tickets",
      pollingCode: "const res = await ld.request({ url: 'https://crm.example.com/tickets' });\nreturn res.json.items;",
      inputFields: [{ label: "Queue", type: "TEXT", required: true }],
    })
  ).trigger.id as string;

  const agent = (
    await call(emulator, "POST", "/agent/v1/create", {
      name: "Support helper",
      description: "Answers support questions",
      emoji: "🛟",
      instruction: "You help the support team.\nAlways look the user up first.",
      model: "gpt-4o-mini",
      creativity: 0.5,
      conversationStarters: ["Who is user u_1?", "Open a ticket"],
      actions: [
        { actionId: getUser, requiresConfirmation: false },
        { actionId: createTicket, requiresConfirmation: true },
        { actionId: outside, requiresConfirmation: true },
      ],
      webSearch: true,
    })
  ).agent.id as string;
  const minimalAgent = (await call(emulator, "POST", "/agent/v1/create", { name: "Minimal" })).agent.id as string;
  const formAgent = (
    await call(emulator, "POST", "/agent/v1/create", {
      name: "Triage form",
      inputType: "STRUCTURED",
      inputFields: [
        { slug: "customer", type: "TEXT", label: "Customer", required: true, order: 0 },
        { slug: "priority", type: "SELECT", label: "Priority", options: ["low", "high"], order: 1 },
        { slug: "report", type: "FILE", label: "Report", description: "A PDF", fileTypes: ["pdf"], order: 2 },
      ],
      actions: [{ actionId: ticketsGetUser, requiresConfirmation: true }],
      dataAnalyst: true,
    })
  ).agent.id as string;
  return { crm, tickets, other, getUser, createTicket, ticketsGetUser, outside, trigger, agent, minimalAgent, formAgent };
}
