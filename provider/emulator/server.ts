import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { EmulatorHttpError, insufficientScopes } from "./httpError";
import { FaultController, type InjectedResponse, matchesRequest } from "./faults";
import { type ApiResult, buildRoutes, matchRoute, type Route } from "./routes";
import { EmulatorStore } from "./store";
import { MultipartBody, parseMultipart, type ProcessingFailure } from "./knowledge";
import type { ApiScope, KnowledgeRole, EmulatorFaults, EmulatorOptions, EmulatorSnapshot, RequestLogEntry, RequestMatch } from "./types";
import { actionPatch, agentPatch, integrationPatch, triggerPatch, validate } from "./validation";

export const DEFAULT_MODELS: readonly string[] = ["gpt-4o", "gpt-4o-mini", "claude-sonnet-4"];
/** Of the default models, those whose `supportsExtendedThinking` is true. */
export const DEFAULT_EXTENDED_THINKING_MODELS: readonly string[] = ["claude-sonnet-4"];
const DEFAULT_SCOPES: readonly ApiScope[] = ["INTEGRATION_API", "AGENT_API", "KNOWLEDGE_FOLDER_API", "SKILL_API"];
/** JSON bodies; uploads (multipart) may be larger. */
const MAX_BODY_BYTES = 2 * 1024 * 1024;
const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;
const JSON_TYPE = "application/json; charset=utf-8";
const NOT_FOUND_PAGE =
  "<!DOCTYPE html><html><head><title>404: This page could not be found</title></head><body><h1>404</h1><p>This page could not be found.</p></body></html>";

type ParsedBody = { ok: true; value: unknown } | { ok: false; reason: "invalid" | "tooLarge" };

/**
 * A stateful, in-memory Langdock API on a real loopback HTTP server, with a request log and switchable faults.
 *
 * Per request: stall and latency, then injected faults (failNext, storm, rate limit), then routing (404),
 * the API key (401), its scopes (403), the JSON body (400) and the handler; dropAfterCommit acts after the
 * handler has committed its changes.
 */
export class LangdockEmulator {
  readonly apiKey: string;
  readonly log: RequestLogEntry[] = [];
  readonly faults: EmulatorFaults;

  private readonly server: Server;
  private readonly faultController: FaultController;
  private readonly store: EmulatorStore;
  private readonly routes: Route[];
  private readonly basePath: string;
  private readonly scopes: ReadonlySet<ApiScope>;
  private readonly onRequest?: (entry: RequestLogEntry) => void;
  /** Wake-up functions of pending stalls/latencies, so close() does not wait for them. */
  private readonly sleepers = new Set<() => void>();
  private baseUrl = "";
  private closing: Promise<void> | null = null;

  private constructor(opts: EmulatorOptions) {
    const models = [...(opts.models ?? DEFAULT_MODELS)];
    if (models.length === 0) throw new Error("LangdockEmulator: `models` must not be empty");
    this.apiKey = opts.apiKey ?? `sk-ld-emulator-${randomBytes(12).toString("hex")}`;
    this.basePath = normaliseBasePath(opts.basePath ?? "");
    this.scopes = new Set(opts.scopes ?? DEFAULT_SCOPES);
    this.onRequest = opts.onRequest;
    this.faultController = new FaultController(opts.latencyMs ?? 0);
    this.faults = this.faultController;
    const modelSettings = {
      models,
      extendedThinking: new Set(opts.extendedThinkingModels ?? DEFAULT_EXTENDED_THINKING_MODELS),
      defaultModel: opts.defaultModel === undefined ? models[0] : opts.defaultModel,
    };
    this.store = new EmulatorStore(modelSettings, opts.integrationDetail ?? "live", {
      stageMs: opts.knowledgeStageMs ?? 50,
      replaceGivesNewId: opts.knowledgeReplaceGivesNewId ?? false,
    });
    if (opts.skillImportMaxBytes !== undefined) this.store.skills.importMaxBytes = opts.skillImportMaxBytes;
    for (const [i, name] of (opts.catalogIntegrations ?? []).entries()) {
      const id = `00000000-0000-4000-8000-${String(i + 1).padStart(12, "0")}`;
      this.store.catalog.push({ id, name, description: `${name} by Langdock`, authType: "OAUTH", buildByLangdock: true, actions: [] });
    }
    this.routes = buildRoutes(this.store);
    this.server = createServer((req, res) => {
      this.handle(req, res).catch(() => res.destroy());
    });
  }

  static async start(opts: EmulatorOptions = {}): Promise<LangdockEmulator> {
    const emulator = new LangdockEmulator(opts);
    await emulator.listen(opts.host ?? "127.0.0.1", opts.port ?? 0);
    return emulator;
  }

  /** "http://127.0.0.1:<port>" + basePath. */
  get url(): string {
    return this.baseUrl;
  }

  /** Closes the server and every open socket; pending stalls are cut short. */
  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      for (const wake of [...this.sleepers]) wake();
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
    return this.closing;
  }

  resetLog(): void {
    this.log.length = 0;
  }

  /** Number of logged requests matching method (optional) and path (string prefix or RegExp). */
  count(match?: RequestMatch): number {
    return this.log.filter((entry) => matchesRequest(match, entry.method, entry.path)).length;
  }

  // Out-of-band edits and deletes: what a user does in the Langdock UI. All throw if the id is unknown.

  editIntegration(id: string, patch: Record<string, unknown>): void {
    this.store.getIntegration(id);
    this.store.updateIntegration(id, validate(integrationPatch, patch));
  }

  deleteIntegration(id: string): void {
    this.store.deleteIntegration(id);
  }

  /** `patch` uses request field names ({ name, description, code, inputFields, requiresConfirmation }) and merges. */
  editAction(id: string, patch: Record<string, unknown>): void {
    this.store.actions.get(id);
    this.store.actions.edit(id, validate(actionPatch, patch));
  }

  deleteAction(id: string): void {
    this.store.actions.remove(this.store.actions.get(id).integrationId, id);
  }

  /** `patch` uses request field names ({ name, description, pollingCode, inputFields }) and merges. */
  editTrigger(id: string, patch: Record<string, unknown>): void {
    this.store.triggers.get(id);
    this.store.triggers.edit(id, validate(triggerPatch, patch));
  }

  deleteTrigger(id: string): void {
    this.store.triggers.remove(this.store.triggers.get(id).integrationId, id);
  }

  /** `patch` uses request names (emoji, creativity, …) and is applied to the published version. */
  editAgent(id: string, patch: Record<string, unknown>): void {
    this.store.agents.get(id);
    this.store.agents.editPublished(id, validate(agentPatch, patch));
  }

  /** A workflow attached to the agent in Langdock's UI: GET never shows it; an update that sends `actions` removes it (snapshot: `workflows`). */
  attachWorkflow(agentId: string, workflow: string): void {
    this.store.agents.attachWorkflow(agentId, workflow);
  }

  deleteAgent(id: string): void {
    this.store.agents.delete(id);
  }

  /** A knowledge base shared with the key (Langdock's API cannot create one reliably); returns its id. */
  createKnowledgeBase(input: { name: string; description?: string; role?: KnowledgeRole }): string {
    return this.store.knowledge.createBase(input);
  }

  /** The next `count` (default 1) uploaded knowledge files end in `status` instead of SYNCED. */
  failKnowledgeProcessing(status: ProcessingFailure = "EMBEDDING_FAILED", count = 1): void {
    this.store.knowledge.failProcessing(status, count);
  }

  deleteKnowledgeFile(id: string): void {
    this.store.knowledge.deleteFileAnywhere(id);
  }

  /** `patch` uses request names ({ name, slug, description, instructions, integrationIds }) and merges. */
  editSkill(id: string, patch: Record<string, unknown>): void {
    this.store.skills.edit(id, patch);
  }

  deleteSkill(id: string): void {
    this.store.skills.delete(id);
  }

  snapshot(): EmulatorSnapshot {
    return structuredClone(this.store.snapshot());
  }

  // ---------------------------------------------------------------------------------------------------------------

  private listen(host: string, port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(port, host, () => {
        this.server.off("error", reject);
        const address = this.server.address() as AddressInfo;
        this.baseUrl = `http://${urlHost(host)}:${address.port}${this.basePath}`;
        resolve();
      });
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const startedAt = Date.now();
    const method = (req.method ?? "GET").toUpperCase();
    const url = new URL(req.url ?? "/", "http://emulator");
    const routePath = this.stripBasePath(url.pathname);
    const entry: RequestLogEntry = {
      method,
      path: routePath ?? url.pathname,
      query: Object.fromEntries(url.searchParams),
      status: 0,
      startedAt,
      durationMs: 0,
    };

    const contentType = req.headers["content-type"] ?? "";
    const multipart = /^multipart\/form-data/i.test(contentType);
    const body = await parseBody(await readBody(req, multipart ? MAX_UPLOAD_BYTES : MAX_BODY_BYTES), multipart ? contentType : undefined);
    if (body.ok) entry.body = body.value instanceof MultipartBody ? body.value.toLog() : body.value;

    const stallMs = this.faultController.takeStall(method, entry.path);
    if (stallMs > 0) entry.fault = "stall";
    await this.sleep(stallMs + this.faultController.latencyMs, res);
    // A request whose client gave up while it was stalled is never handled: state stays untouched.
    if (res.destroyed || this.closing) return this.finish(entry, res, null);

    const injected = this.faultController.beforeHandler(method, entry.path);
    if (injected) {
      entry.fault = injected.kind;
      return this.finish(entry, res, injected);
    }

    if (routePath === null) {
      // Outside the API (a base URL with the wrong path): the web app's HTML page, as a real deployment answers.
      return this.finish(entry, res, { status: 404, headers: { "content-type": "text/html; charset=utf-8" }, body: NOT_FOUND_PAGE });
    }
    const result = this.dispatch(method, routePath, entry.query, req.headers.authorization, body);
    if (this.faultController.takeDrop(method, entry.path)) {
      entry.fault = "dropAfterCommit";
      return this.finish(entry, res, null);
    }
    const garbled = this.faultController.takeGarble(method, entry.path, result.status, result.body);
    if (garbled) entry.fault = "garbleAfterCommit";
    const trickle = this.faultController.takeTrickle(method, entry.path);
    if (trickle) entry.fault = "trickle";
    this.finish(
      entry,
      res,
      garbled ?? { status: result.status, headers: { "content-type": JSON_TYPE }, body: JSON.stringify(result.body) },
      trickle,
    );
  }

  /** Routing, auth, scopes, body and handler; every failure becomes an error response. */
  private dispatch(
    method: string,
    path: string | null,
    query: Record<string, string>,
    authorization: string | undefined,
    body: ParsedBody,
  ): ApiResult {
    try {
      const match = path === null ? null : matchRoute(this.routes, method, path);
      if (!match) throw new EmulatorHttpError(404, `Route not found: ${method} ${path ?? "(outside base path)"}`);
      if (authorization?.match(/^Bearer\s+(.+)$/i)?.[1].trim() !== this.apiKey) {
        throw new EmulatorHttpError(401, "Invalid or missing API key");
      }
      const { route, params } = match;
      // A route that takes any of several scopes (the integration list) names the first as missing.
      if (!route.scopes.some((scope) => this.scopes.has(scope))) throw insufficientScopes([route.scopes[0]]);
      if (!body.ok) {
        throw body.reason === "tooLarge"
          ? new EmulatorHttpError(413, "Request body too large")
          : new EmulatorHttpError(400, "Invalid JSON body");
      }
      return route.handle({ params, query, body: body.value });
    } catch (error) {
      if (error instanceof EmulatorHttpError) return { status: error.status, body: error.body };
      return { status: 500, body: { message: `Internal emulator error: ${String(error)}` } };
    }
  }

  /** Logs the request, then sends `response`, or destroys the socket when it is null (dropped). */
  private finish(
    entry: RequestLogEntry,
    res: ServerResponse,
    response: Omit<InjectedResponse, "kind"> | null,
    trickle?: { intervalMs: number; bytesPerChunk: number } | null,
  ): void {
    entry.status = response?.status ?? 0;
    entry.durationMs = Date.now() - entry.startedAt;
    // Logged before the response is written, so a client that got its answer sees its entry.
    this.log.push(entry);
    try {
      this.onRequest?.(entry);
    } catch {
      // A failing observer must not break the response.
    }
    if (response === null) {
      res.destroy();
      return;
    }
    if (!trickle) {
      res.writeHead(response.status, response.headers).end(response.body);
      return;
    }
    // The answer was computed above; it only travels slowly (so it may describe a state that has since changed).
    const bytes = Buffer.from(response.body, "utf8");
    res.writeHead(response.status, { ...response.headers, "content-length": String(bytes.length) });
    let sent = 0;
    const timer = setInterval(() => {
      if (res.destroyed || this.closing) return void clearInterval(timer);
      const chunk = bytes.subarray(sent, sent + trickle.bytesPerChunk);
      sent += chunk.length;
      if (sent >= bytes.length) {
        clearInterval(timer);
        res.end(chunk);
      } else res.write(chunk);
    }, trickle.intervalMs);
    res.once("close", () => clearInterval(timer));
  }

  /** Waits `ms`, cut short when the emulator closes or the client disconnects. */
  private sleep(ms: number, res: ServerResponse): Promise<void> {
    if (ms <= 0 || this.closing) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        res.off("close", wake);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      res.once("close", wake);
      this.sleepers.add(wake);
    });
  }

  /** The path without basePath, or null when the request is outside basePath. */
  private stripBasePath(pathname: string): string | null {
    if (!this.basePath) return pathname;
    if (pathname === this.basePath) return "/";
    return pathname.startsWith(`${this.basePath}/`) ? pathname.slice(this.basePath.length) : null;
  }
}

/** "" or "/a/b" (leading slash, no trailing slash). */
function normaliseBasePath(basePath: string): string {
  const trimmed = basePath.replace(/\/+$/, "");
  if (!trimmed) return "";
  return trimmed.startsWith("/") ? trimmed : `/${trimmed}`;
}

/** Host for URLs: wildcard addresses become loopback, IPv6 gets brackets. */
function urlHost(host: string): string {
  if (host === "0.0.0.0") return "127.0.0.1";
  if (host === "::") return "[::1]";
  return host.includes(":") ? `[${host}]` : host;
}

/** The raw body, or null when it exceeded MAX_BODY_BYTES (the rest is drained so the client can read the 413). */
function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
    });
    const done = () => resolve(size > maxBytes ? null : Buffer.concat(chunks));
    req.once("end", done);
    // A client that disconnects mid-body: handle() then sees the destroyed response and drops the request.
    req.once("close", done);
    req.once("error", done);
  });
}

async function parseBody(raw: Buffer | null, multipartType?: string): Promise<ParsedBody> {
  if (raw === null) return { ok: false, reason: "tooLarge" };
  try {
    if (multipartType) return { ok: true, value: await parseMultipart(raw, multipartType) };
    const text = raw.toString("utf8");
    if (text.trim() === "") return { ok: true, value: undefined };
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, reason: "invalid" };
  }
}
