import type { Harness } from "../helpers/engineHarness";
import type { InputFieldArgs } from "../../provider";

/**
 * The whole-stack program of the fault-injection suite: all four resource types, 22 resources, one
 * OAuth client secret; plus what it declares (URN names, the objects Langdock must hold).
 */
/** The OAuth client secret of the run; it must never be printed anywhere. */
export const SECRET = "oauth-client-secret-7Qx2-reliability-4d1f9c";
/** The wrong key of scenario 5 (looks like a real one, so only redaction keeps it out of messages). */
export const WRONG_KEY = "sk-ld-wrong-0123456789abcdef0123456789abcdef";

export const TYPE = (kind: Kind) => `pulumi-nodejs:dynamic/langdock:${kind}`;
export type Kind = "Integration" | "Action" | "Trigger" | "Agent";

export interface StackOptions {
  /** Adds integration "extra" (name EXTRA_INTEGRATION) with one action, and agent "extraAgent" using nothing. */
  extra?: boolean;
  /** adoptId of the extra integration / extra agent (what the user sets after an unconfirmed create). */
  adoptIntegration?: string;
  adoptAgent?: string;
  /** Changes descriptions/instructions everywhere (an update of every resource). */
  revision?: number;
  /** OAuth scopes of the mail integration (default "mail.read mail.send"). */
  mailScopes?: string;
}

export const EXTRA_INTEGRATION = "Ledger Reliability";
export const EXTRA_AGENT = "Ledger clerk";

const CRM_ACTIONS = [
  "Find contact",
  "Create contact",
  "Update contact",
  "Delete contact",
  "List deals",
  "Create deal",
  "Close deal",
  "Add note",
];
const MAIL_ACTIONS = ["Send mail", "Draft mail", "Search mail", "Archive mail", "Label mail", "Forward mail"];
const CRM_TRIGGERS = ["New contact", "Deal won"];
const MAIL_TRIGGERS = ["New mail"];

/** Resource names (URN names) the program declares, per kind. */
export function declaredUrnNames(options: StackOptions = {}): Record<Kind, string[]> {
  return {
    Integration: ["crm", "mail", ...(options.extra ? ["extra"] : [])],
    Action: [
      ...CRM_ACTIONS.map((_, i) => `crm-act-${i}`),
      ...MAIL_ACTIONS.map((_, i) => `mail-act-${i}`),
      ...(options.extra ? ["extra-act"] : []),
    ],
    Trigger: [...CRM_TRIGGERS.map((_, i) => `crm-trg-${i}`), ...MAIL_TRIGGERS.map((_, i) => `mail-trg-${i}`)],
    Agent: ["sales", "inbox", "assistant", ...(options.extra ? ["extraAgent"] : [])],
  };
}

/** What Langdock must hold: integration names, `integration/name` of actions and triggers, agent names. */
export function declaredObjects(options: StackOptions = {}): Record<Kind, string[]> {
  return {
    Integration: ["CRM Reliability", "Mail Reliability", ...(options.extra ? [EXTRA_INTEGRATION] : [])].sort(),
    Action: [
      ...CRM_ACTIONS.map((n) => `CRM Reliability/${n}`),
      ...MAIL_ACTIONS.map((n) => `Mail Reliability/${n}`),
      ...(options.extra ? [`${EXTRA_INTEGRATION}/Post entry`] : []),
    ].sort(),
    Trigger: [...CRM_TRIGGERS.map((n) => `CRM Reliability/${n}`), ...MAIL_TRIGGERS.map((n) => `Mail Reliability/${n}`)].sort(),
    Agent: ["Sales desk", "Inbox helper", "Assistant", ...(options.extra ? [EXTRA_AGENT] : [])].sort(),
  };
}

/** Stack outputs of stackProgram that are secret (they hold the OAuth client); Pulumi prints them masked. */
export const SECRET_STACK_OUTPUTS = ["mailOauth"];

export function stackProgram(h: Harness, options: StackOptions = {}) {
  return () => {
    const { Integration, Action, Trigger, Agent } = h.langdock;
    const rev = options.revision ? ` (rev ${options.revision})` : "";
    const crm = new Integration("crm", {
      name: "CRM Reliability",
      description: `Customer records${rev}`,
      authType: "API_KEY",
      authFields: [{ slug: "apiKey", label: "API key", type: "PASSWORD", required: true }],
      authTestCode: "return { ok: true };",
    });
    const mail = new Integration("mail", {
      name: "Mail Reliability",
      description: `Mailbox${rev}`,
      authType: "OAUTH",
      oauthClient: {
        clientId: "mail-client-id",
        clientSecret: h.pulumi.secret(SECRET),
        authUrl: "https://auth.example.com/authorize",
        tokenUrl: "https://auth.example.com/token",
        scopes: options.mailScopes ?? "mail.read mail.send",
      },
    });
    const field = (i: number): InputFieldArgs[] =>
      i % 3 === 0
        ? [
            { label: "Query", required: true, description: `What to look for${rev}` },
            { label: "Limit", type: "NUMBER" },
          ]
        : i % 3 === 1
          ? [
              {
                label: "Mode",
                type: "SELECT",
                options: [
                  { label: "Fast", value: "fast" },
                  { label: "Full", value: "full" },
                ],
              },
            ]
          : [
              { label: "Payload", type: "OBJECT" },
              { label: "Dry run", type: "BOOLEAN" },
            ];
    const actions = [
      ...CRM_ACTIONS.map(
        (name, i) =>
          new Action(`crm-act-${i}`, {
            integrationId: crm.id,
            name,
            description: `${name}${rev}`,
            code: `return { action: ${i} };`,
            inputFields: field(i),
          }),
      ),
      ...MAIL_ACTIONS.map(
        (name, i) =>
          new Action(`mail-act-${i}`, {
            integrationId: mail.id,
            name,
            description: `${name}${rev}`,
            code: `return { mail: ${i} };`,
            inputFields: field(i + 1),
          }),
      ),
    ];
    const triggers = [
      ...CRM_TRIGGERS.map(
        (name, i) =>
          new Trigger(`crm-trg-${i}`, {
            integrationId: crm.id,
            name,
            description: `${name}${rev}`,
            pollingCode: "return [];",
            inputFields: [{ label: "Since", type: "TEXT" }],
          }),
      ),
      ...MAIL_TRIGGERS.map(
        (name, i) =>
          new Trigger(`mail-trg-${i}`, {
            integrationId: mail.id,
            name,
            description: `${name}${rev}`,
            pollingCode: "return [];",
            inputFields: [{ label: "Folder", required: true }],
          }),
      ),
    ];
    const agents = [
      new Agent("sales", {
        name: "Sales desk",
        instruction: `Sell.${rev}`,
        actions: actions.slice(0, 4).map((a) => ({ actionId: a.id, requiresConfirmation: false })),
      }),
      new Agent("inbox", {
        name: "Inbox helper",
        emoji: "📬",
        instruction: `Answer mail.${rev}`,
        actions: actions.slice(8, 12).map((a) => ({ actionId: a.id })),
      }),
      new Agent("assistant", {
        name: "Assistant",
        instruction: `Help.${rev}`,
        creativity: 0.5,
        actions: [actions[5], actions[13]].map((a) => ({ actionId: a.id })),
      }),
    ];
    let extra: { integration: unknown; action: unknown; agent: unknown } | undefined;
    if (options.extra) {
      const integration = new Integration("extra", { name: EXTRA_INTEGRATION, description: "Books", adoptId: options.adoptIntegration });
      const action = new Action("extra-act", {
        integrationId: integration.id,
        name: "Post entry",
        code: "return 1;",
        inputFields: [{ label: "Amount", type: "NUMBER" }],
      });
      const agent = new Agent("extraAgent", { name: EXTRA_AGENT, instruction: "Keep the books.", adoptId: options.adoptAgent });
      extra = { integration: integration.id, action: action.id, agent: agent.id };
    }
    return {
      integrations: [crm.id, mail.id],
      actions: actions.map((a) => a.id),
      triggers: triggers.map((t) => t.id),
      agents: agents.map((a) => a.id),
      // Secret: the whole oauthClient (additionalSecretOutputs); Pulumi prints it as [secret].
      // (`oauthClient` is an output of every Integration, though the class does not declare it for TypeScript.)
      mailOauth: (mail as unknown as { oauthClient: unknown }).oauthClient,
      extra,
    };
  };
}
