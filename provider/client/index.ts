import type { AxiosInstance, AxiosRequestConfig } from "axios";
import type { z } from "zod";
import { MISSING_API_KEY, type ProviderSettings } from "../config";
import { redact } from "../base/redact";
import { processState } from "../base/processState";
import { BaseUrlError, LangdockError, OperationTimeoutError, UnusableResponseError, type RequestInfo } from "../errors";
import { currentOperation } from "../base/operation";
import { connectionError, describeForeignAnswer, errorFromResponse, isLangdockNotFound, salvageId } from "./responseErrors";
import { Cooldown } from "./retry";
import { createTransport, send } from "./transport";
import * as wire from "./wire";
import type * as requests from "./requests";

export * from "../errors";
export type * from "./requests";
export { parseErrorBody, errorFromResponse, isLangdockNotFound } from "./responseErrors";
export type {
  ActionWire,
  AgentWire,
  IntegrationWire,
  TriggerWire,
  IntegrationSummaryWire,
  InputFieldWire,
  AgentInputFieldWire,
} from "./wire";

export const USER_AGENT = `pulumi-langdock/${packageVersion()}`;

function packageVersion(): string {
  try {
    return (require("../../package.json") as { version: string }).version;
  } catch {
    return "0.0.0";
  }
}

/** The resolved settings (see config.ts: the client owns no defaults) and what tests may inject. */
export interface ClientOptions extends ProviderSettings {
  /** The process's (processState) unless given: every client of one process honours one rate-limit pause. */
  cooldown?: Cooldown;
  random?: () => number;
}

/**
 * The one HTTP transport for Langdock: base URL joining that keeps a path prefix, Bearer auth,
 * User-Agent, a deadline on each whole request, one retry loop with a shared cooldown, zod-validated
 * responses, and typed errors. Resources above it never see axios.
 *
 * Retry policy (GUIDE.md): 429 and 503 mean "not handled, come back" and are retried for every call,
 * creates included, as is a connection refused before anything was sent. 500/502/504, a dropped
 * connection or a timeout may hide a committed write: retried only for idempotent calls.
 */
export class LangdockClient {
  private readonly http: AxiosInstance;
  private readonly cooldown: Cooldown;
  private readonly random: () => number;
  private readonly inflightIntegrations = new Map<string, Promise<wire.IntegrationWire>>();
  readonly settings: ProviderSettings;

  constructor(options: ClientOptions) {
    const { cooldown, random, ...settings } = options;
    this.settings = settings;
    this.cooldown = cooldown ?? (processState.cooldown ??= new Cooldown());
    this.random = random ?? Math.random;
    const axiosConfig = {
      // A trailing slash plus relative request paths makes axios append to, not replace, `/api/public`.
      baseURL: this.settings.baseUrl.replace(/\/+$/, "") + "/",
      headers: { "User-Agent": USER_AGENT, Accept: "application/json" },
      // Errors are built from the status below; axios must not throw its own (it would carry headers).
      validateStatus: () => true,
      // A redirect means the base URL is not Langdock's API: reported, never followed (it could drop the key).
      maxRedirects: 0,
    };
    this.http = createTransport({ settings, cooldown: this.cooldown, random: this.random, axiosConfig });
  }

  /** Sends one request (retrying as the policy above says) and validates the JSON answer against `schema`. */
  async request<S extends z.ZodType>(
    method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
    template: string,
    params: Record<string, string>,
    schema: S,
    options: { body?: unknown; query?: Record<string, string>; idempotent?: boolean } = {},
  ): Promise<z.infer<S>> {
    if (!this.settings.apiKey) throw new LangdockError(MISSING_API_KEY);
    const path = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ""));
    const info: RequestInfo = { method, path: template.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? `{${name}}`) };
    const config: AxiosRequestConfig = {
      method,
      url: path.replace(/^\//, ""),
      params: options.query,
      data: options.body,
      headers: {
        Authorization: `Bearer ${this.settings.apiKey}`,
        // A FormData body (an upload) gets its multipart Content-Type, with the boundary, from axios.
        ...(options.body === undefined || options.body instanceof FormData ? {} : { "Content-Type": "application/json" }),
      },
    };
    const { response, failure, attempts } = await send(this.http, config, options.idempotent ?? method !== "POST");
    const error = (): Error => {
      if (failure) {
        const { timeoutMs, maxRetryTimeMs } = this.settings;
        const timeout = { attempts: attempts.count, timeoutMs, maxRetryTimeMs, lastDeadlineMs: attempts.deadlineMs };
        return connectionError(`${failure.code}: ${failure.message}`, info, failure.timedOut, failure.error, timeout);
      }
      const { status, data, headers } = response;
      if ((status >= 300 && status < 400) || (status === 404 && !isLangdockNotFound(data, headers["content-type"]))) {
        return new BaseUrlError(status, info, describeForeignAnswer(status, data, headers.location), this.settings.baseUrl);
      }
      return errorFromResponse(status, data, info, {
        attempts: attempts.count,
        waitTooLongMs: status === 429 ? attempts.waitTooLongMs : undefined,
        maxRetryTimeMs: this.settings.maxRetryTimeMs,
      });
    };
    if (response && response.status >= 200 && response.status < 300) return parseAnswer(schema, response.status, response.data, info);
    if (attempts.outOfOperationTime) {
      // The attempt before the deadline (if any) failed: say so as the cause.
      const last = attempts.count > 0 ? error() : undefined;
      throw new OperationTimeoutError(currentOperation().deadlineName ?? "its deadline", info, last);
    }
    throw error();
  }

  // ---- Integrations ----
  listIntegrations() {
    return this.request("GET", "/integrations/v1/get", {}, wire.IntegrationListEnvelope).then((r) => r.integrations);
  }
  createIntegration(body: requests.CreateIntegrationRequest) {
    return this.request("POST", "/integrations/v1/create", {}, wire.IntegrationEnvelope, { body }).then((r) => r.integration);
  }
  /**
   * Concurrent reads of one integration (a refresh reads every action and trigger through it) share
   * the request in flight; the answer is never reused after it completes, so nothing stale is served.
   * `fresh` sends a request of its own: a look after a create must not join a read that began before it.
   */
  getIntegration(integrationId: string, options: { fresh?: boolean } = {}): Promise<wire.IntegrationWire> {
    const send = () =>
      this.request("GET", "/integrations/v1/{integrationId}", { integrationId }, wire.IntegrationEnvelope).then((r) => r.integration);
    if (options.fresh) return send();
    const pending = this.inflightIntegrations.get(integrationId);
    if (pending) return pending;
    const request = send().finally(() => this.inflightIntegrations.delete(integrationId));
    this.inflightIntegrations.set(integrationId, request);
    return request;
  }
  updateIntegration(integrationId: string, body: requests.UpdateIntegrationRequest) {
    return this.request("PATCH", "/integrations/v1/{integrationId}", { integrationId }, wire.AnyEnvelope, { body });
  }
  updateIntegrationAuth(integrationId: string, body: requests.IntegrationAuthRequest) {
    return this.request("PATCH", "/integrations/v1/{integrationId}/auth", { integrationId }, wire.AnyEnvelope, { body });
  }

  // ---- Actions and triggers (same endpoint family) ----
  createAction(integrationId: string, body: requests.ActionRequest) {
    return this.request("POST", "/integrations/v1/{integrationId}/actions/create", { integrationId }, wire.ActionEnvelope, { body }).then(
      (r) => r.action,
    );
  }
  updateAction(integrationId: string, actionId: string, body: requests.ActionRequest) {
    return this.request("PUT", "/integrations/v1/{integrationId}/actions/{actionId}", { integrationId, actionId }, wire.ActionEnvelope, {
      body,
    }).then((r) => r.action);
  }
  deleteAction(integrationId: string, actionId: string) {
    return this.request("DELETE", "/integrations/v1/{integrationId}/actions/{actionId}", { integrationId, actionId }, wire.AnyEnvelope);
  }
  createTrigger(integrationId: string, body: requests.TriggerRequest) {
    return this.request("POST", "/integrations/v1/{integrationId}/triggers/create", { integrationId }, wire.TriggerEnvelope, { body }).then(
      (r) => r.trigger,
    );
  }
  updateTrigger(integrationId: string, triggerId: string, body: requests.TriggerRequest) {
    return this.request(
      "PUT",
      "/integrations/v1/{integrationId}/triggers/{triggerId}",
      { integrationId, triggerId },
      wire.TriggerEnvelope,
      { body },
    ).then((r) => r.trigger);
  }
  deleteTrigger(integrationId: string, triggerId: string) {
    return this.request("DELETE", "/integrations/v1/{integrationId}/triggers/{triggerId}", { integrationId, triggerId }, wire.AnyEnvelope);
  }

  // ---- Agents ----
  createAgent(body: requests.CreateAgentRequest) {
    return this.request("POST", "/agent/v1/create", {}, wire.AgentEnvelope, { body }).then((r) => r.agent);
  }
  getAgent(agentId: string) {
    return this.request("GET", "/agent/v1/get", {}, wire.AgentEnvelope, { query: { agentId } }).then((r) => r.agent);
  }
  updateAgent(agentId: string, body: requests.AgentRequest) {
    return this.request("PATCH", "/agent/v1/update", {}, wire.AgentEnvelope, { body: { agentId, ...body } }).then((r) => r.agent);
  }
  /** Idempotent in effect: a repeat after a lost answer gets 409 "No draft changes", which callers accept. */
  publishAgent(agentId: string) {
    return this.request("POST", "/agent/v1/publish", {}, wire.PublishEnvelope, { body: { agentId }, idempotent: true }).then(
      (r) => r.agent ?? undefined,
    );
  }
  setAgentDisabled(agentId: string, disabled: boolean) {
    return this.request("PATCH", "/agent/v1/disable", {}, wire.AnyEnvelope, { body: { agentId, disabled } });
  }
  listModels() {
    return this.listModelDetails().then((models) => models.map((m) => m.id));
  }
  /** The models with what Langdock says about them (`supportsExtendedThinking`). */
  listModelDetails() {
    return this.request("GET", "/agent/v1/models", {}, wire.ModelsEnvelope).then((r) => r.data);
  }
  // ---- Integration icons ----
  getIntegrationIcon(integrationId: string) {
    return this.request("GET", "/integrations/v1/{integrationId}/icon", { integrationId }, wire.IconEnvelope);
  }
  /** Multipart field `icon` (PNG, JPEG or WebP, at most 20 MB). */
  putIntegrationIcon(integrationId: string, blob: Blob, fileName: string) {
    const body = new FormData();
    body.append("icon", blob, fileName);
    return this.request("PUT", "/integrations/v1/{integrationId}/icon", { integrationId }, wire.IconEnvelope, { body });
  }
}

/** A 2xx answer validated against its schema; an unusable one keeps any id it carried (see UnusableResponseError). */
function parseAnswer<S extends z.ZodType>(schema: S, status: number, data: unknown, info: RequestInfo): z.infer<S> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const detail =
    data === undefined || data === null || data === ""
      ? "empty"
      : typeof data === "string"
        ? /<[a-z!/]/i.test(data)
          ? "an HTML page"
          : "not JSON"
        : `${issue?.path.join(".") || "body"}: ${issue?.message}`;
  throw new UnusableResponseError(status, redact(detail), info, salvageId(data));
}
