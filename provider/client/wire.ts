import { z } from "zod";

/**
 * Response shapes, one schema per wire object (docs/langdock-api.md). Unknown fields are tolerated (zod strips
 * them), and fields the live API sometimes omits are optional so that refresh can fall back to state.
 */
const nullishString = z.string().nullish();
const nullishBool = z.boolean().nullish();

export const SelectOptionSchema = z.object({ label: z.string(), value: z.string() });
export type SelectOption = z.infer<typeof SelectOptionSchema>;

export const InputFieldWireSchema = z.object({
  slug: nullishString,
  label: z.string(),
  type: nullishString,
  description: nullishString,
  placeholder: nullishString,
  required: nullishBool,
  order: z.number().nullish(),
  options: z.array(SelectOptionSchema).nullish(),
  allowMultiSelect: nullishBool,
  contextActionId: nullishString,
});
export type InputFieldWire = z.infer<typeof InputFieldWireSchema>;

export const ActionWireSchema = z.object({
  id: z.string(),
  name: z.string(),
  slug: nullishString,
  description: nullishString,
  code: nullishString,
  order: z.number().nullish(),
  requiresConfirmation: nullishBool,
  inputFields: z.array(InputFieldWireSchema).nullish(),
});
export type ActionWire = z.infer<typeof ActionWireSchema>;

export const TriggerWireSchema = z.object({
  id: z.string(),
  name: z.string(),
  slug: nullishString,
  description: nullishString,
  pollingCode: nullishString,
  inputFields: z.array(InputFieldWireSchema).nullish(),
});
export type TriggerWire = z.infer<typeof TriggerWireSchema>;

export const AuthFieldWireSchema = z.object({
  slug: z.string(),
  label: z.string(),
  type: z.string(),
  description: nullishString,
  placeholder: nullishString,
  required: nullishBool,
});
export type AuthFieldWire = z.infer<typeof AuthFieldWireSchema>;

export const OAuthClientWireSchema = z.object({
  scopes: z.union([z.string(), z.array(z.string())]).nullish(),
  authUrl: nullishString,
  tokenUrl: nullishString,
  clientId: nullishString,
  label: nullishString,
  authorizationCode: nullishString,
  accessTokenCode: nullishString,
  refreshTokenCode: nullishString,
});
export type OAuthClientWire = z.infer<typeof OAuthClientWireSchema>;

export const IntegrationWireSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: nullishString,
  iconUrl: nullishString,
  color: nullishString,
  authType: nullishString,
  authTestCode: nullishString,
  authFields: z.array(AuthFieldWireSchema).nullish(),
  oauthClient: OAuthClientWireSchema.nullish(),
  actions: z.array(ActionWireSchema).nullish(),
  triggers: z.array(TriggerWireSchema).nullish(),
  createdAt: nullishString,
});
export type IntegrationWire = z.infer<typeof IntegrationWireSchema>;

/** Late 2026 the list may also hold Langdock's own (catalog) integrations: `buildByLangdock: true`. */
export const IntegrationSummaryWireSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: nullishString,
  buildByLangdock: nullishBool,
});
export type IntegrationSummaryWire = z.infer<typeof IntegrationSummaryWireSchema>;

export const AgentInputFieldWireSchema = z.object({
  slug: nullishString,
  type: z.string(),
  label: z.string(),
  description: nullishString,
  required: nullishBool,
  order: z.number().nullish(),
  options: z.array(z.string()).nullish(),
  fileTypes: z.union([z.string(), z.array(z.string())]).nullish(),
  emailDomain: nullishString,
});
export type AgentInputFieldWire = z.infer<typeof AgentInputFieldWireSchema>;

export const AgentWireSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: nullishString,
  instruction: nullishString,
  emojiIcon: nullishString,
  model: nullishString,
  temperature: z.number().nullish(),
  conversationStarters: z.array(z.string()).nullish(),
  inputType: nullishString,
  webSearchEnabled: nullishBool,
  imageGenerationEnabled: nullishBool,
  codeInterpreterEnabled: nullishBool,
  canvasEnabled: nullishBool,
  extendedThinking: nullishBool,
  // Late-2026 answers add `connectionId` (null when set through the API): not part of the resource, dropped here.
  actions: z.array(z.object({ actionId: z.string(), requiresConfirmation: nullishBool })).nullish(),
  inputFields: z.array(AgentInputFieldWireSchema).nullish(),
  attachments: z.array(z.string()).nullish(),
  knowledgeFolderIds: z.array(z.string()).nullish(),
  disabled: nullishBool,
  createdAt: nullishString,
  updatedAt: nullishString,
});
export type AgentWire = z.infer<typeof AgentWireSchema>;

export const IntegrationEnvelope = z.object({ integration: IntegrationWireSchema });
export const IntegrationListEnvelope = z.object({ integrations: z.array(IntegrationSummaryWireSchema) });
export const ActionEnvelope = z.object({ action: ActionWireSchema });
export const TriggerEnvelope = z.object({ trigger: TriggerWireSchema });
export const AgentEnvelope = z.object({ agent: AgentWireSchema });
/** Publish answers 200; the agent it may carry is the newly live version. */
export const PublishEnvelope = z.object({ agent: AgentWireSchema.nullish().catch(undefined) }).catch({ agent: undefined });
/** `{ object: "list", data: [{ id, object, created, owned_by, supportsExtendedThinking? }] }`. */
export const ModelsEnvelope = z.object({ data: z.array(z.object({ id: z.string(), supportsExtendedThinking: nullishBool })) });
export type ModelWire = z.infer<typeof ModelsEnvelope>["data"][number];
/** `GET` and `PUT /integrations/v1/{id}/icon`: `{ iconUrl: string | null }`. */
export const IconEnvelope = z.object({ iconUrl: nullishString }).catch({ iconUrl: undefined });
/** Delete, publish and disable answer with a message we do not depend on. */
export const AnyEnvelope = z.unknown();
