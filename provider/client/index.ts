import axios, { AxiosError, type AxiosInstance, type AxiosRequestConfig } from "axios";
import axiosRetry from "axios-retry";
import type { z } from "zod";
import { MISSING_API_KEY, type ProviderSettings } from "../config";
import { redact } from "../common/redact";
import { LangdockError, connectionError, errorFromResponse, type RequestInfo } from "./errors";
import { Cooldown, backoffDelay, parseRetryAfter } from "./retry";
import * as wire from "./wire";

export * from "./errors";
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

/** Per-request metadata axios carries between attempts. */
interface Meta {
  /** Unsafe to repeat blindly (a create): retried only when Langdock certainly did not act on it. */
  idempotent: boolean;
  startedAt: number;
  template: string;
}
type MetaConfig = AxiosRequestConfig & { langdock?: Meta };

/** Statuses that mean "not done, try again": rate limited or a gateway that did not reach Langdock. */
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);
/** Connection failures that happen before a request is sent: safe to retry even for a create. */
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN"]);

export interface ClientOptions extends Partial<ProviderSettings> {
  /** Shared across clients of one process unless given (tests inject their own). */
  cooldown?: Cooldown;
  random?: () => number;
}

/**
 * The one HTTP transport for Langdock: base URL joining that keeps a path prefix, Bearer auth,
 * User-Agent, timeouts, retries with a shared cooldown, zod-validated responses, and typed errors.
 * Resources above it never see axios.
 */
export class LangdockClient {
  private readonly http: AxiosInstance;
  private readonly cooldown: Cooldown;
  private readonly inflightIntegrations = new Map<string, Promise<wire.IntegrationWire>>();
  readonly settings: ProviderSettings;

  constructor(options: ClientOptions) {
    this.settings = {
      apiKey: options.apiKey ?? "",
      baseUrl: options.baseUrl ?? "https://api.langdock.com",
      maxRetries: options.maxRetries ?? 5,
      timeoutMs: options.timeoutMs ?? 30_000,
      maxRetryTimeMs: options.maxRetryTimeMs ?? 120_000,
    };
    this.cooldown = options.cooldown ?? sharedCooldown;
    const random = options.random ?? Math.random;
    this.http = axios.create({
      // A trailing slash plus relative request paths makes axios append to, not replace, `/api/public`.
      baseURL: this.settings.baseUrl.replace(/\/+$/, "") + "/",
      timeout: this.settings.timeoutMs,
      headers: { "User-Agent": USER_AGENT, Accept: "application/json" },
      // Errors are built from the status below; axios must not throw its own (it would carry headers).
      validateStatus: () => true,
      maxRedirects: 0,
    });
    this.http.interceptors.request.use(async (config) => {
      await this.cooldown.wait();
      return config;
    });
    // A response status turns into a rejection here so that axios-retry sees it.
    this.http.interceptors.response.use((response) => {
      if (response.status === 429) {
        const pause = parseRetryAfter(response.headers["retry-after"]) ?? backoffDelay(1, random) + 500;
        // A pause longer than anyone may wait fails this request (shouldRetry) instead of freezing all others.
        if (pause <= this.settings.maxRetryTimeMs) this.cooldown.extend(pause);
      }
      if (response.status >= 200 && response.status < 300) return response;
      const err = new AxiosError(`HTTP ${response.status}`, String(response.status), response.config, response.request, response);
      return Promise.reject(err);
    });
    axiosRetry(this.http, {
      retries: this.settings.maxRetries,
      shouldResetTimeout: true,
      retryCondition: (error) => this.shouldRetry(error),
      retryDelay: (attempt, error) => {
        const retryAfter = parseRetryAfter(error.response?.headers?.["retry-after"]);
        // The cooldown (awaited by the request interceptor) covers Retry-After; jitter spreads the restart.
        return retryAfter !== undefined ? Math.floor(random() * BASE_JITTER_MS) : backoffDelay(attempt, random);
      },
    });
  }

  private shouldRetry(error: AxiosError): boolean {
    const meta = (error.config as MetaConfig | undefined)?.langdock;
    if (!meta) return false;
    const asked = parseRetryAfter(error.response?.headers?.["retry-after"]) ?? 0;
    if (Date.now() - meta.startedAt + Math.max(this.cooldown.remaining(), asked) > this.settings.maxRetryTimeMs) return false;
    const status = error.response?.status;
    if (status !== undefined) {
      // A create rejected with 429 was not processed; any other failure status may hide a committed write.
      return meta.idempotent ? RETRYABLE_STATUSES.has(status) : status === 429;
    }
    if (meta.idempotent) return true;
    return NOT_SENT_CODES.has(error.code ?? "");
  }

  /** Sends one request and validates the JSON answer against `schema`. */
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
    const config: MetaConfig = {
      method,
      url: path.replace(/^\//, ""),
      params: options.query,
      data: options.body,
      headers: {
        Authorization: `Bearer ${this.settings.apiKey}`,
        // A FormData body (an upload) gets its multipart Content-Type, with the boundary, from axios.
        ...(options.body === undefined || options.body instanceof FormData ? {} : { "Content-Type": "application/json" }),
      },
      langdock: { idempotent: options.idempotent ?? method !== "POST", startedAt: Date.now(), template },
    };
    let data: unknown;
    try {
      data = (await this.http.request(config)).data;
    } catch (err) {
      throw toLangdockError(err, info);
    }
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new LangdockError(
        `Langdock answered ${info.method} ${info.path} with an unexpected body (${issue?.path.join(".") || "body"}: ${issue?.message}); check that langdock:baseUrl points at Langdock's public API.`,
      );
    }
    return parsed.data;
  }

  // ---- Integrations ----
  listIntegrations() {
    return this.request("GET", "/integrations/v1/get", {}, wire.IntegrationListEnvelope).then((r) => r.integrations);
  }
  createIntegration(body: { name: string; description?: string }) {
    return this.request("POST", "/integrations/v1/create", {}, wire.IntegrationEnvelope, { body }).then((r) => r.integration);
  }
  /**
   * Concurrent reads of one integration (a refresh reads every action and trigger through it) share
   * the request in flight; the answer is never reused after it completes, so nothing stale is served.
   */
  getIntegration(integrationId: string): Promise<wire.IntegrationWire> {
    const pending = this.inflightIntegrations.get(integrationId);
    if (pending) return pending;
    const request = this.request("GET", "/integrations/v1/{integrationId}", { integrationId }, wire.IntegrationEnvelope)
      .then((r) => r.integration)
      .finally(() => this.inflightIntegrations.delete(integrationId));
    this.inflightIntegrations.set(integrationId, request);
    return request;
  }
  updateIntegration(integrationId: string, body: Record<string, unknown>) {
    return this.request("PATCH", "/integrations/v1/{integrationId}", { integrationId }, wire.AnyEnvelope, { body });
  }
  updateIntegrationAuth(integrationId: string, body: Record<string, unknown>) {
    return this.request("PATCH", "/integrations/v1/{integrationId}/auth", { integrationId }, wire.AnyEnvelope, { body });
  }

  // ---- Actions and triggers (same endpoint family) ----
  createAction(integrationId: string, body: Record<string, unknown>) {
    return this.request("POST", "/integrations/v1/{integrationId}/actions/create", { integrationId }, wire.ActionEnvelope, { body }).then(
      (r) => r.action,
    );
  }
  updateAction(integrationId: string, actionId: string, body: Record<string, unknown>) {
    return this.request("PUT", "/integrations/v1/{integrationId}/actions/{actionId}", { integrationId, actionId }, wire.ActionEnvelope, {
      body,
    }).then((r) => r.action);
  }
  deleteAction(integrationId: string, actionId: string) {
    return this.request("DELETE", "/integrations/v1/{integrationId}/actions/{actionId}", { integrationId, actionId }, wire.AnyEnvelope);
  }
  createTrigger(integrationId: string, body: Record<string, unknown>) {
    return this.request("POST", "/integrations/v1/{integrationId}/triggers/create", { integrationId }, wire.TriggerEnvelope, { body }).then(
      (r) => r.trigger,
    );
  }
  updateTrigger(integrationId: string, triggerId: string, body: Record<string, unknown>) {
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
  createAgent(body: Record<string, unknown>) {
    return this.request("POST", "/agent/v1/create", {}, wire.AgentEnvelope, { body }).then((r) => r.agent);
  }
  getAgent(agentId: string) {
    return this.request("GET", "/agent/v1/get", {}, wire.AgentEnvelope, { query: { agentId } }).then((r) => r.agent);
  }
  updateAgent(agentId: string, body: Record<string, unknown>) {
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
    return this.request("GET", "/agent/v1/models", {}, wire.ModelsEnvelope).then((r) => r.data.map((m) => m.id));
  }
}

const BASE_JITTER_MS = 100;
const sharedCooldown = new Cooldown();

function toLangdockError(err: unknown, info: RequestInfo): Error {
  if (err instanceof AxiosError) {
    if (err.response) return errorFromResponse(err.response.status, err.response.data, info);
    const timedOut = err.code === "ECONNABORTED" || err.code === "ETIMEDOUT" || /timeout/i.test(err.message);
    return connectionError(`${err.code ?? "network error"}: ${err.message}`, info, timedOut);
  }
  return new LangdockError(redact(err instanceof Error ? err.message : String(err)));
}
