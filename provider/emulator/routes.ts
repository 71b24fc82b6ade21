import type { z } from "zod";
import type { ChildCollection } from "./children";
import { badRequest, typedError } from "./httpError";
import { MultipartBody } from "./knowledge";
import { knowledgeRoutes } from "./knowledgeRoutes";
import { skillRoutes } from "./skillRoutes";
import type { EmulatorStore } from "./store";
import type { ApiScope } from "./types";
import {
  actionBody,
  agentIdInput,
  type ChildInput,
  createAgentBody,
  createIntegrationBody,
  disableAgentBody,
  isUuid,
  publishAgentBody,
  triggerBody,
  updateAgentBody,
  updateAuthBody,
  updateIntegrationBody,
  validate,
} from "./validation";

export interface RouteRequest {
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
}

export interface ApiResult {
  status: number;
  body: unknown;
}

export interface Route {
  method: string;
  segments: string[];
  /** The key needs any one of these scopes. */
  scopes: readonly ApiScope[];
  handle(req: RouteRequest): ApiResult;
}

const INTEGRATION_API: readonly ApiScope[] = ["INTEGRATION_API"];
const INTEGRATION_LIST: readonly ApiScope[] = ["INTEGRATION_API", "ASSISTANT_API"];
const AGENT_API: readonly ApiScope[] = ["AGENT_API"];

const ICON_TYPES = ["image/png", "image/jpeg", "image/webp"];
const ICON_MAX_BYTES = 20 * 1024 * 1024;

const ok = (body: unknown): ApiResult => ({ status: 200, body });
const created = (body: unknown): ApiResult => ({ status: 201, body });

function route(method: string, pattern: string, scopes: readonly ApiScope[], handle: Route["handle"]): Route {
  return { method, segments: pattern.split("/").filter(Boolean), scopes, handle };
}

/** Path parameter that must be a UUID; a malformed one is a 400 (an unknown one is the handler's 404). */
function idParam(value: string, what: string): string {
  if (!isUuid(value)) throw badRequest(`Invalid ${what} ID format`);
  return value;
}

/** Every endpoint of docs/langdock-api.md; earlier routes win, so literal paths precede parameterised ones. */
export function buildRoutes(store: EmulatorStore): Route[] {
  const { agents } = store;
  const integrationId = (params: Record<string, string>) => idParam(params.integrationId, "integration");

  return [
    route("GET", "/integrations/v1/get", INTEGRATION_LIST, () => ok({ integrations: [...store.catalog, ...store.integrationSummaries()] })),
    route("POST", "/integrations/v1/create", INTEGRATION_API, ({ body }) => {
      const record = store.createIntegration(validate(createIntegrationBody, body));
      return created({ integration: store.createdIntegrationWire(record) });
    }),
    route("GET", "/integrations/v1/:integrationId", INTEGRATION_API, ({ params }) =>
      ok({ integration: store.integrationWire(store.getIntegration(integrationId(params))) }),
    ),
    route("PATCH", "/integrations/v1/:integrationId", INTEGRATION_API, ({ params, body }) => {
      const id = integrationId(params);
      const record = store.updateIntegration(id, validate(updateIntegrationBody, body));
      return ok({ integration: store.integrationWire(record) });
    }),
    route("PATCH", "/integrations/v1/:integrationId/auth", INTEGRATION_API, ({ params, body }) => {
      const id = integrationId(params);
      const record = store.updateIntegration(id, validate(updateAuthBody, body));
      return ok({ integration: store.integrationWire(record) });
    }),
    route("GET", "/integrations/v1/:integrationId/icon", INTEGRATION_API, ({ params }) =>
      ok({ iconUrl: store.iconUrlOf(integrationId(params)) }),
    ),
    route("PUT", "/integrations/v1/:integrationId/icon", INTEGRATION_API, ({ params, body }) => {
      const id = integrationId(params);
      const icon = body instanceof MultipartBody ? body.files.icon : undefined;
      if (!icon) throw typedError(400, "invalid_request_error", "Expected a multipart/form-data body with an icon file field");
      if (!ICON_TYPES.includes(icon.type)) {
        throw typedError(400, "invalid_request_error", `Unsupported icon type ${icon.type || "(none)"}: use PNG, JPEG or WebP`);
      }
      if (icon.size > ICON_MAX_BYTES) throw typedError(400, "invalid_request_error", "Icon is larger than 20 MB");
      store.getIntegration(id);
      return ok({ iconUrl: store.setIcon(id, { type: icon.type, size: icon.size, sha256: icon.sha256 }).url });
    }),
    ...childRoutes(store, store.actions, actionBody),
    ...childRoutes(store, store.triggers, triggerBody),

    route("POST", "/agent/v1/create", AGENT_API, ({ body }) => {
      const record = agents.create(validate(createAgentBody, body));
      return created({
        status: "success",
        message: "Agent created successfully",
        agent: agents.toWire(record, record.published),
      });
    }),
    route("GET", "/agent/v1/get", AGENT_API, ({ query }) => {
      const record = agents.get(validate(agentIdInput, query).agentId);
      return ok({ status: "success", agent: { ...agents.toWire(record, record.published), disabled: record.disabled } });
    }),
    route("PATCH", "/agent/v1/update", AGENT_API, ({ body }) => {
      const { agentId, ...patch } = validate(updateAgentBody, body);
      const draft = agents.update(agentId, patch);
      return ok({
        status: "success",
        message: "Agent updated successfully",
        agent: agents.toWire(agents.get(agentId), draft),
      });
    }),
    route("POST", "/agent/v1/publish", AGENT_API, ({ body }) => {
      // The optional `description` (a version note) is validated but not stored.
      const { agentId } = validate(publishAgentBody, body);
      return ok({ status: "success", message: "Agent published successfully", version: agents.publish(agentId) });
    }),
    route("PATCH", "/agent/v1/disable", AGENT_API, ({ body }) => {
      const { agentId, disabled } = validate(disableAgentBody, body);
      agents.setDisabled(agentId, disabled);
      return ok({ status: "success", message: `Agent ${disabled ? "disabled" : "enabled"} successfully` });
    }),
    route("GET", "/agent/v1/models", AGENT_API, () => ok({ object: "list", data: agents.modelList() })),
    ...knowledgeRoutes(store.knowledge),
    ...skillRoutes(store.skills),
  ];
}

/** Create / replace / delete of actions or triggers, which share everything but names and schemas. */
function childRoutes(store: EmulatorStore, collection: ChildCollection, schema: z.ZodType<ChildInput>): Route[] {
  const { noun, title } = collection.kind;
  const base = `/integrations/v1/:integrationId/${noun}s`;
  // Ids are checked first, then the body, then existence (404) and conflicts (409).
  const ids = (params: Record<string, string>) => ({
    integrationId: idParam(params.integrationId, "integration"),
    childId: params.childId === undefined ? "" : idParam(params.childId, noun),
  });

  return [
    route("POST", `${base}/create`, INTEGRATION_API, ({ params, body }) => {
      const { integrationId } = ids(params);
      const input = validate(schema, body);
      store.getIntegration(integrationId);
      return created({ [noun]: collection.toWire(collection.create(integrationId, input)) });
    }),
    route("PUT", `${base}/:childId`, INTEGRATION_API, ({ params, body }) => {
      const { integrationId, childId } = ids(params);
      const input = validate(schema, body);
      store.getIntegration(integrationId);
      return ok({ [noun]: collection.toWire(collection.replace(integrationId, childId, input)) });
    }),
    route("DELETE", `${base}/:childId`, INTEGRATION_API, ({ params }) => {
      const { integrationId, childId } = ids(params);
      store.getIntegration(integrationId);
      collection.remove(integrationId, childId);
      return ok({ message: `${title} deleted`, id: childId });
    }),
  ];
}

/** The route for a method and path (without basePath), with its decoded parameters. */
export function matchRoute(routes: Route[], method: string, path: string): { route: Route; params: Record<string, string> } | null {
  const parts = path.split("/").filter(Boolean);
  for (const candidate of routes) {
    if (candidate.method !== method || candidate.segments.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const matches = candidate.segments.every((segment, i) => {
      if (!segment.startsWith(":")) return segment === parts[i];
      params[segment.slice(1)] = safeDecode(parts[i]);
      return true;
    });
    if (matches) return { route: candidate, params };
  }
  return null;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
