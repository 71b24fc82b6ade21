/**
 * Request bodies, as the provider sends them (docs/langdock-api.md). The resources' wire modules build
 * them and the client's endpoint methods take them; tests/types/requestParity.ts checks each against the
 * emulator's request schema, so a field or type the API reference does not have is a compile error.
 */
import type { ActionFieldType, AgentFieldType, AuthFieldType, AuthType, InputType, TriggerFieldType } from "../base/enums";

/** `POST /integrations/v1/create` takes only name and description; the rest needs the two PATCHes. */
export interface CreateIntegrationRequest {
  name: string;
  description?: string;
}

/** `PATCH /integrations/v1/{id}`: Langdock rejects it without name or description; null clears icon and color. */
export interface UpdateIntegrationRequest {
  name: string;
  description: string;
  iconUrl?: string | null;
  color?: string | null;
}

export interface AuthFieldRequest {
  slug: string;
  label: string;
  type: AuthFieldType;
  description?: string;
  placeholder?: string;
  required: boolean;
}

export interface OAuthClientRequest {
  clientId: string;
  clientSecret: string;
  authUrl?: string;
  tokenUrl?: string;
  scopes?: string;
  label?: string;
  authorizationCode?: string;
  accessTokenCode?: string;
  refreshTokenCode?: string;
}

/** `PATCH /integrations/v1/{id}/auth`: the whole auth configuration at once. */
export interface IntegrationAuthRequest {
  authType: AuthType;
  authFields: AuthFieldRequest[];
  authTestCode?: string;
  oauthClient?: OAuthClientRequest;
}

export interface SelectOptionRequest {
  label: string;
  value: string;
}

/** An input field of an action or a trigger: without Langdock's own slug and order. */
export interface InputFieldRequest<T extends string = ActionFieldType> {
  label: string;
  type: T;
  description?: string;
  placeholder?: string;
  required: boolean;
  options?: SelectOptionRequest[];
  allowMultiSelect?: boolean;
}

export interface ActionInputFieldRequest extends InputFieldRequest<ActionFieldType> {
  contextActionId?: string;
  /** A JSON Schema, as a string (OBJECT fields). */
  jsonSchema?: string;
}

/** Create and PUT of an action (a PUT replaces every property but code, which it keeps when omitted). */
export interface ActionRequest {
  name: string;
  description?: string;
  code?: string;
  requiresConfirmation?: boolean;
  inputFields?: ActionInputFieldRequest[];
}

/** Create and PUT of a trigger. */
export interface TriggerRequest {
  name: string;
  description?: string;
  pollingCode?: string;
  inputFields?: InputFieldRequest<TriggerFieldType>[];
}

export interface AgentInputFieldRequest {
  slug: string;
  type: AgentFieldType;
  label: string;
  description?: string;
  required?: boolean;
  order: number;
  options?: string[];
  fileTypes?: string[] | null;
  emailDomain?: string;
}

/** An agent's fields in request names (the responses rename some, see agent/properties.ts); an update sends those that changed. */
export interface AgentRequest {
  name?: string;
  description?: string;
  emoji?: string | null;
  instruction?: string;
  inputType?: InputType;
  model?: string;
  creativity?: number;
  conversationStarters?: string[];
  actions?: { actionId: string; requiresConfirmation: boolean }[];
  inputFields?: AgentInputFieldRequest[];
  attachments?: string[];
  knowledgeFolderIds?: string[];
  webSearch?: boolean;
  imageGeneration?: boolean;
  canvas?: boolean;
  extendedThinking?: boolean;
}

export type CreateAgentRequest = AgentRequest & { name: string };

/** `POST /skills/v1` (no other properties allowed); without a slug Langdock derives one from the name. */
export interface CreateSkillRequest {
  name: string;
  slug?: string;
  description?: string;
  instructions: string;
  integrationIds?: string[];
}

/** `PATCH /skills/v1/{id}`: at least one field; `integrationIds` replaces the list, "" clears the description. */
export interface UpdateSkillRequest {
  name?: string;
  slug?: string;
  description?: string;
  instructions?: string;
  integrationIds?: string[];
}
