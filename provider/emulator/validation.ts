import { z } from "zod";
// The enums of docs/langdock-api.md: one list per enum in the code base.
import { ACTION_FIELD_TYPES, AGENT_FIELD_TYPES, AUTH_FIELD_TYPES, AUTH_TYPES, INPUT_TYPES, TRIGGER_FIELD_TYPES } from "../base/enums";
import { badRequest, type Issue } from "./httpError";

/**
 * Request schemas, with every limit and enum from docs/langdock-api.md (late 2026: the most permissive
 * current values, transcribed here independently of the provider's table). Objects strip unknown keys (as zod does by
 * default). Optional fields whose response value can be null also accept null, so a client may send back
 * what it read.
 */

// Permissive 8-4-4-4-12 hex check, like zod 3's `uuid()`; zod 4's `uuid()` would also demand RFC version bits.
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX_COLOR_RE = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

export const isUuid = (value: string): boolean => UUID_RE.test(value);
const uuid = () => z.string().regex(UUID_RE, "Invalid UUID");

/**
 * A string with limits counted as Langdock (JavaScript) counts them: UTF-16 code units, i.e. `.length`.
 * zod's own min/max count code points, which lets a 21-emoji (42-unit) name through a 40 limit.
 */
function units(max: number | undefined, min = 0) {
  return z.string().superRefine((value, ctx) => {
    if (value.length < min) ctx.addIssue({ code: "custom", message: `Too small: expected string to have >=${min} characters` });
    if (max !== undefined && value.length > max)
      ctx.addIssue({ code: "custom", message: `Too big: expected string to have <=${max} characters` });
  });
}

/** Parses `data` with `schema` or throws a 400 listing all issues. */
export function validate<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  throw badRequest(result.error.issues.map(toIssue));
}

function toIssue(issue: z.core.$ZodIssue): Issue {
  return {
    path: issue.path.map((key) => (typeof key === "symbol" ? String(key) : key)),
    message: issue.message,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Integrations

const integrationName = units(40, 1);
const integrationDescription = units(90);
const iconUrl = z.url({ protocol: /^https?$/, error: "Invalid URL: expected an http(s) URL" });
const color = z.string().regex(HEX_COLOR_RE, "Invalid color: expected a hex color like #1A2B3C");

export const createIntegrationBody = z.object({
  name: integrationName,
  description: integrationDescription.nullish(),
});

const integrationFields = {
  name: integrationName.optional(),
  description: integrationDescription.nullish(),
  iconUrl: iconUrl.nullish(),
  color: color.nullish(),
};

export const updateIntegrationBody = z.object(integrationFields).refine((b) => b.name !== undefined || b.description !== undefined, {
  message: "At least one of name or description is required",
});

const authField = z.object({
  slug: units(100, 1),
  label: units(100, 1),
  type: z.enum(AUTH_FIELD_TYPES),
  description: units(500).optional(),
  placeholder: units(200).nullish(),
  required: z.boolean().default(false),
});

const authFields = z.array(authField).superRefine((fields, ctx) => {
  const seen = new Set<string>();
  fields.forEach((field, i) => {
    if (seen.has(field.slug)) {
      ctx.addIssue({ code: "custom", path: [i, "slug"], message: `Duplicate auth field slug '${field.slug}'` });
    }
    seen.add(field.slug);
  });
});

const oauthClient = z.object({
  scopes: z.union([units(2000), z.array(z.string())]).optional(),
  authUrl: z.string().optional(),
  tokenUrl: z.string().optional(),
  clientId: units(500).optional(),
  clientSecret: units(500).optional(),
  label: units(100).optional(),
  authorizationCode: z.string().optional(),
  accessTokenCode: z.string().optional(),
  refreshTokenCode: z.string().optional(),
});

const authConfigFields = {
  authType: z.enum(AUTH_TYPES),
  authFields: authFields.optional(),
  authTestCode: units(1000).nullish(),
  oauthClient: oauthClient.nullish(),
};

export const updateAuthBody = z.object(authConfigFields);
/** Out-of-band (UI) edit of an integration: every field of both PATCH endpoints, all optional. */
export const integrationPatch = z.object({ ...integrationFields, ...authConfigFields }).partial();

export type CreateIntegrationInput = z.output<typeof createIntegrationBody>;
export type IntegrationPatch = z.output<typeof integrationPatch>;
export type AuthFieldInput = z.output<typeof authField>;
export type OAuthClientInput = z.output<typeof oauthClient>;

// ---------------------------------------------------------------------------------------------------------------
// Actions and triggers

function inputField(types: readonly [string, ...string[]]) {
  return z.object({
    label: units(100, 1),
    type: z.enum(types).default("TEXT"),
    description: units(500).optional(),
    placeholder: units(200).nullish(),
    required: z.boolean().default(false),
    options: z.array(z.object({ label: z.string(), value: z.string() })).nullish(),
    allowMultiSelect: z.boolean().nullish(),
  });
}

export const actionShape = z.object({
  name: units(100, 1),
  description: units(1000).optional(),
  code: units(150_000).nullish(),
  // jsonSchema: a JSON Schema as a string (OBJECT fields); accepted, stored, never returned.
  inputFields: z
    .array(inputField(ACTION_FIELD_TYPES).extend({ contextActionId: uuid().nullish(), jsonSchema: z.string().nullish() }))
    .optional(),
  requiresConfirmation: z.boolean().optional(),
});

export const triggerShape = z.object({
  name: units(100, 1),
  description: units(90).optional(),
  pollingCode: units(1000).nullish(),
  inputFields: z.array(inputField(TRIGGER_FIELD_TYPES)).optional(),
});

/** Normalised body of an action or trigger; `code` is the trigger's `pollingCode`. null code clears it. */
export interface ChildInput {
  name: string;
  description?: string;
  code?: string | null;
  requiresConfirmation?: boolean;
  inputFields?: FieldInput[];
}

export interface FieldInput {
  label: string;
  type: string;
  description?: string;
  placeholder?: string | null;
  required: boolean;
  options?: { label: string; value: string }[] | null;
  allowMultiSelect?: boolean | null;
  contextActionId?: string | null;
  jsonSchema?: string | null;
}

const renamePollingCode = <T extends { pollingCode?: string | null }>({ pollingCode, ...rest }: T) => ({
  ...rest,
  code: pollingCode,
});

export const actionBody: z.ZodType<ChildInput> = actionShape;
export const actionPatch: z.ZodType<Partial<ChildInput>> = actionShape.partial();
export const triggerBody: z.ZodType<ChildInput> = triggerShape.transform(renamePollingCode);
export const triggerPatch: z.ZodType<Partial<ChildInput>> = triggerShape.partial().transform(renamePollingCode);

// ---------------------------------------------------------------------------------------------------------------
// Agents

const agentId = uuid();

// Item defaults are the response defaults, so parsed items are already in wire shape.
const agentInputField = z.object({
  slug: units(64, 1),
  type: z.enum(AGENT_FIELD_TYPES),
  label: units(255, 1),
  description: units(512).default(""),
  required: z.boolean().default(false),
  order: z.number().int().min(0),
  options: z.array(z.string()).default([]),
  fileTypes: z.array(z.string()).nullable().default(null),
  emailDomain: z.string().nullish(),
});

/** Every create field, all optional (create requires `name`); request names, not response names. */
const agentFields = z
  .object({
    name: units(255, 1),
    description: units(800),
    emoji: units(16).nullable(),
    instruction: units(50_000),
    inputType: z.enum(INPUT_TYPES),
    model: units(undefined, 1),
    creativity: z.number().min(0).max(1),
    conversationStarters: z.array(units(255, 1)).max(20),
    actions: z.array(z.object({ actionId: uuid(), requiresConfirmation: z.boolean().default(true) })),
    inputFields: z.array(agentInputField),
    attachments: z.array(uuid()),
    knowledgeFolderIds: z.array(uuid()),
    webSearch: z.boolean(),
    imageGeneration: z.boolean(),
    // Deprecated: "accepted for compatibility and ignored".
    dataAnalyst: z.boolean(),
    canvas: z.boolean(),
    extendedThinking: z.boolean(),
  })
  .partial();

export const createAgentBody = agentFields.extend({ name: units(255, 1) });
/** Out-of-band (UI) edit of an agent. */
export const agentPatch = agentFields;
export const updateAgentBody = agentFields.extend({ agentId });
export const agentIdInput = z.object({ agentId });
export const publishAgentBody = agentIdInput.extend({ description: units(100).optional() });
export const disableAgentBody = agentIdInput.extend({ disabled: z.boolean() });

export type AgentInput = z.output<typeof agentFields>;
export type AgentInputField = z.output<typeof agentInputField>;
