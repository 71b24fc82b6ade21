import type * as pulumi from "@pulumi/pulumi";
import type { ActionArgs, AgentArgs, IntegrationArgs, TriggerArgs } from "../../provider";
import type { Harness } from "../helpers/engineHarness";

/**
 * The table of the normalization suite: per resource type a "minimal" args set (required inputs only),
 * a "maximal" one (every optional input set, items too), one that spells out the defaults explicitly
 * (`type: "TEXT"`, `required: false`, `creativity: 0.3`, `""` for optional text …) and one with empty
 * lists. All rows live in ONE program, so one `up` deploys the whole table.
 *
 * Rows are in dependency order: each row's args may use the ids of earlier rows (`ids.<name>`).
 */
export type Kind = "Integration" | "Action" | "Trigger" | "Agent";

type ArgsOf = { Integration: IntegrationArgs; Action: ActionArgs; Trigger: TriggerArgs; Agent: AgentArgs };

export interface Row<K extends Kind = Kind> {
  kind: K;
  /** Resource name (last URN segment). */
  name: string;
  /** What the row covers, for test titles. */
  title: string;
  args(ids: Record<string, pulumi.Output<string>>, v: Variant, secret: (value: string) => pulumi.Output<string>): ArgsOf[K];
}

/**
 * Per row name, properties that override the row's args (the one-property changes of the second
 * section); `selectOptions` replaces the options of the SELECT field of `act-max`. `{}` is the base program.
 */
export type Variant = Record<string, Record<string, unknown>>;

// ---- values used by the maximal rows ----

/** Trailing spaces/tabs on lines and blank lines at the end: editors and Langdock alter both. */
export const ACTION_CODE =
  "const res = await ld.request({ url: `https://crm.example.com/customers?email=${data.input.email}` });   \n\treturn res.json();\t\n\n\n";
export const POLLING_CODE = "const res = await ld.request({ url: 'https://crm.example.com/events' });  \nreturn res.json();\t \n\n";
export const AUTH_TEST_CODE = "const res = await ld.request({ url: 'https://crm.example.com/me' }); \nreturn res.status === 200;\n\n";
/** Deliberately not in alphabetical order of value or label. */
export const SELECT_OPTIONS = [
  { label: "Zulu", value: "zulu" },
  { label: "Alpha", value: "alpha" },
  { label: "Mike", value: "mike" },
];
export const ATTACHMENTS = ["3f2b8c1e-8d4a-4f6b-9c2d-1a2b3c4d5e6f", "0c9e7d2a-1b3c-4d5e-8f6a-7b8c9d0e1f2a"];
export const DEFAULT_MODEL = "gpt-4o";
export const OAUTH_SECRET = "oauth-client-secret-9f8e7d";

const ACTION_TYPES = ["TEXT", "MULTI_LINE_TEXT", "NUMBER", "BOOLEAN", "SELECT", "PASSWORD", "VECTOR", "OBJECT", "FILE", "ID"] as const;
const TRIGGER_TYPES = ["TEXT", "MULTI_LINE_TEXT", "NUMBER", "BOOLEAN", "SELECT", "PASSWORD", "VECTOR"] as const;
const AGENT_TYPES = ["TEXT", "MULTI_LINE_TEXT", "NUMBER", "CHECKBOX", "FILE", "SELECT", "DATE"] as const;

/** One input field per type, every optional property set (SELECT: options, allowMultiSelect, contextActionId). */
function everyFieldType(
  types: readonly string[],
  select: { options: { label: string; value: string }[]; contextActionId?: pulumi.Input<string> },
) {
  return types.map((type, i) => ({
    label: `Field ${type.toLowerCase()}`,
    type,
    description: `The ${type} field`,
    placeholder: `Enter ${type.toLowerCase()}`,
    required: i % 2 === 0,
    ...(type === "SELECT" && {
      options: select.options,
      allowMultiSelect: true,
      ...(select.contextActionId !== undefined && { contextActionId: select.contextActionId }),
    }),
  }));
}

export const ROWS: Row[] = [
  // ---- integrations ----
  { kind: "Integration", name: "int-min", title: "Integration minimal", args: () => ({ name: "Minimal" }) },
  {
    kind: "Integration",
    name: "int-apikey",
    title: "Integration maximal (API_KEY, authFields, authTestCode)",
    args: () => ({
      name: "CRM",
      description: "Customer data",
      iconUrl: "https://crm.example.com/icon.png",
      color: "#4F46E5",
      authType: "API_KEY",
      authFields: [
        { slug: "apiKey", label: "API key", type: "PASSWORD", description: "Settings → API", placeholder: "sk-…", required: true },
        { slug: "region", label: "Region", type: "TEXT", description: "eu or us", placeholder: "eu", required: false },
        { slug: "notes", label: "Notes", type: "MULTI_LINE_TEXT", description: "Anything else", placeholder: "…", required: false },
        { slug: "limit", label: "Limit", type: "NUMBER", description: "Requests per minute", placeholder: "60", required: true },
        {
          slug: "model",
          label: "Embedding model",
          type: "EMBEDDING_MODEL",
          description: "For search",
          placeholder: "default",
          required: false,
        },
      ],
      authTestCode: AUTH_TEST_CODE,
    }),
  },
  {
    kind: "Integration",
    name: "int-oauth",
    title: "Integration maximal (OAUTH, oauthClient with a secret clientSecret)",
    args: (_ids, _v, secret) => ({
      name: "Calendar",
      description: "Calendar over OAuth",
      iconUrl: "https://calendar.example.com/icon.svg",
      color: "#0a0",
      authType: "OAUTH",
      authTestCode: "return true;   \n",
      oauthClient: {
        clientId: "client-123",
        clientSecret: secret(OAUTH_SECRET),
        authUrl: "https://calendar.example.com/oauth/authorize",
        tokenUrl: "https://calendar.example.com/oauth/token",
        scopes: "calendar.read calendar.write",
        label: "Connect calendar",
        authorizationCode: "return { url: data.authUrl };",
        accessTokenCode: "return await ld.request({ url: data.tokenUrl, method: 'POST' });",
        refreshTokenCode: "return await ld.request({ url: data.tokenUrl, method: 'POST', body: { grant_type: 'refresh_token' } });",
      },
    }),
  },
  {
    kind: "Integration",
    name: "int-oauth-sparse",
    title: "Integration OAUTH with an oauthClient of only clientId and a secret clientSecret",
    args: (_ids, _v, secret) => ({
      name: "Sparse OAuth",
      authType: "OAUTH",
      oauthClient: { clientId: "client-456", clientSecret: secret(OAUTH_SECRET) },
    }),
  },
  {
    kind: "Integration",
    name: "int-defaults",
    title: 'Integration with explicit defaults (description "", authType NONE, authFields [])',
    args: () => ({ name: "Explicit defaults", description: "", authType: "NONE", authFields: [] }),
  },
  {
    kind: "Integration",
    name: "int-sparse",
    title: "Integration with auth fields that set only slug, label and type (and required: false)",
    args: () => ({
      name: "Sparse auth",
      authType: "API_KEY",
      authFields: [
        { slug: "token", label: "Token", type: "PASSWORD" },
        { slug: "account", label: "Account", type: "TEXT", required: false },
      ],
    }),
  },

  // ---- actions (on int-apikey) ----
  { kind: "Action", name: "act-min", title: "Action minimal", args: (ids) => ({ integrationId: ids["int-apikey"], name: "Ping" }) },
  {
    kind: "Action",
    name: "act-max",
    title: "Action maximal (code with trailing whitespace, every field type, SELECT options, contextActionId)",
    args: (ids, v) => ({
      integrationId: ids["int-apikey"],
      name: "Find customer",
      description: "Finds a customer by email address",
      code: ACTION_CODE,
      requiresConfirmation: true,
      inputFields: everyFieldType(ACTION_TYPES, {
        options: (v["act-max"]?.selectOptions as typeof SELECT_OPTIONS | undefined) ?? SELECT_OPTIONS,
        contextActionId: ids["act-min"],
      }),
    }),
  },
  {
    kind: "Action",
    name: "act-defaults",
    title: 'Action with explicit defaults (description "", code "", requiresConfirmation false, type TEXT, required false)',
    args: (ids) => ({
      integrationId: ids["int-apikey"],
      name: "Explicit defaults",
      description: "",
      code: "",
      requiresConfirmation: false,
      inputFields: [
        { label: "Only a label" },
        { label: "Explicit", type: "TEXT", required: false, description: "", placeholder: "" },
        {
          label: "Single choice",
          type: "SELECT",
          options: [
            { label: "B", value: "b" },
            { label: "A", value: "a" },
          ],
          allowMultiSelect: false,
        },
        {
          label: "Default choice",
          type: "SELECT",
          options: [
            { label: "Yes", value: "yes" },
            { label: "No", value: "no" },
          ],
        },
      ],
    }),
  },
  {
    kind: "Action",
    name: "act-empty",
    title: "Action with an empty inputFields list",
    args: (ids) => ({ integrationId: ids["int-apikey"], name: "Empty lists", code: "return 1;\n", inputFields: [] }),
  },

  // ---- triggers (on int-apikey) ----
  { kind: "Trigger", name: "trg-min", title: "Trigger minimal", args: (ids) => ({ integrationId: ids["int-apikey"], name: "New record" }) },
  {
    kind: "Trigger",
    name: "trg-max",
    title: "Trigger maximal (pollingCode with trailing whitespace, every field type, SELECT options)",
    args: (ids) => ({
      integrationId: ids["int-apikey"],
      name: "New customer",
      description: "Fires when a customer signs up",
      pollingCode: POLLING_CODE,
      inputFields: everyFieldType(TRIGGER_TYPES, { options: SELECT_OPTIONS }),
    }),
  },
  {
    kind: "Trigger",
    name: "trg-defaults",
    title: 'Trigger with explicit defaults (description "", pollingCode "", type TEXT, required false)',
    args: (ids) => ({
      integrationId: ids["int-apikey"],
      name: "Explicit defaults",
      description: "",
      pollingCode: "",
      inputFields: [{ label: "Only a label" }, { label: "Explicit", type: "TEXT", required: false, description: "", placeholder: "" }],
    }),
  },
  {
    kind: "Trigger",
    name: "trg-empty",
    title: "Trigger with an empty inputFields list",
    args: (ids) => ({ integrationId: ids["int-apikey"], name: "Empty lists", inputFields: [] }),
  },

  // ---- agents ----
  { kind: "Agent", name: "agent-min", title: "Agent minimal (server-chosen model)", args: () => ({ name: "Minimal" }) },
  {
    kind: "Agent",
    name: "agent-max",
    title: "Agent maximal (every field, STRUCTURED input fields of every type, actions, attachments, capabilities)",
    args: (ids) => ({
      name: "Support",
      description: "Answers customer questions",
      emoji: "🤝",
      instruction: "You help customers.\nBe brief.",
      inputType: "STRUCTURED",
      model: "gpt-4o-mini",
      creativity: 0.7,
      conversationStarters: ["Find a customer", "What changed today?"],
      actions: [{ actionId: ids["act-max"], requiresConfirmation: false }, { actionId: ids["act-min"] }],
      inputFields: AGENT_TYPES.map((type, order) => ({
        slug: `field_${type.toLowerCase()}`,
        type,
        label: `Field ${type.toLowerCase()}`,
        description: `The ${type} field`,
        required: order % 2 === 0,
        order,
        ...(type === "SELECT" && { options: ["zulu", "alpha", "mike"] }),
        ...(type === "FILE" && { fileTypes: ["pdf", "csv"] }),
      })),
      attachments: ATTACHMENTS,
      webSearch: true,
      imageGeneration: true,
      dataAnalyst: true,
      canvas: true,
    }),
  },
  {
    kind: "Agent",
    name: "agent-defaults",
    title: 'Agent with explicit defaults (PROMPT, default model, creativity 0.3, false capabilities, "" text, [] lists)',
    args: () => ({
      name: "Explicit defaults",
      description: "",
      emoji: "",
      instruction: "",
      inputType: "PROMPT",
      model: DEFAULT_MODEL,
      creativity: 0.3,
      conversationStarters: [],
      actions: [],
      inputFields: [],
      attachments: [],
      webSearch: false,
      imageGeneration: false,
      dataAnalyst: false,
      canvas: false,
    }),
  },
  {
    kind: "Agent",
    name: "agent-sparse",
    title: "Agent STRUCTURED with input fields that set only slug, type and label",
    args: (ids) => ({
      name: "Sparse form",
      inputType: "STRUCTURED",
      actions: [{ actionId: ids["act-min"], requiresConfirmation: true }],
      inputFields: [
        { slug: "topic", type: "TEXT", label: "Topic" },
        { slug: "choice", type: "SELECT", label: "Choice", options: ["b", "a"], required: false },
        { slug: "upload", type: "FILE", label: "Upload" },
      ],
    }),
  },
];

/** The program declaring every row; its outputs are the ids by resource name. */
export function tableProgram(h: Harness, v: Variant = {}) {
  return () => {
    const ids: Record<string, pulumi.Output<string>> = {};
    const secret = (value: string) => h.pulumi.secret(value);
    for (const row of ROWS) {
      const Resource = h.langdock[row.kind] as unknown as new (name: string, args: unknown) => { id: pulumi.Output<string> };
      const { selectOptions: _options, ...override } = v[row.name] ?? {};
      ids[row.name] = new Resource(row.name, { ...row.args(ids, v, secret), ...override }).id;
    }
    return ids;
  };
}

/** The resource name (last URN segment) of a step. */
export const nameOf = (urn: string): string => urn.split("::").pop()!;
