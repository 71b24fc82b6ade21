import { redact } from "../base/redact";
import { formatPath, quote } from "../base/text";
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  type FieldIssue,
  type RequestInfo,
} from "../errors";

/**
 * The status → error factory: Langdock's answers (and failures to answer) become the typed errors of
 * provider/errors, with the advice that applies to the request.
 */

/** What the transport knew when it gave up on a request; decides which advice applies. */
export interface ResponseContext {
  /** Attempts made, this one included. */
  attempts?: number;
  /** Set when Langdock asked to wait longer (Retry-After, ms) than the retry budget allows. */
  waitTooLongMs?: number;
  maxRetryTimeMs?: number;
}

/** What to do next, by status; scope hints follow docs/langdock-api.md (INTEGRATION_API, AGENT_API). */
function hintFor(
  status: number | undefined,
  request: RequestInfo,
  said: boolean,
  context: ResponseContext = {},
  missingScopes: string[] = [],
): string {
  const knowledge = request.path.startsWith("/knowledge") || request.path.startsWith("/attachment/");
  const scope = knowledge ? "KNOWLEDGE_FOLDER_API" : request.path.startsWith("/agent/") ? "AGENT_API" : "INTEGRATION_API";
  const attempts = context.attempts ?? 1;
  if (status === 403 && missingScopes.length > 0) {
    const them = missingScopes.length === 1 ? "it" : "them";
    return `add ${missingScopes.join(" and ")} to the API key's scopes in its settings in Langdock (or use a key that has ${them})`;
  }
  if (status === 403 && knowledge) {
    return "give the API key the KNOWLEDGE_FOLDER_API scope, share the knowledge base with the key, and for changes give the key the Editor role on it";
  }
  const skills = request.path.startsWith("/skills/");
  if (status === 403 && skills) {
    return "give the API key the SKILL_API scope in Langdock's workspace settings; the key's user also needs the createSkills permission to create a skill, editor access to change one and owner access to delete one";
  }
  if (status === 409 && skills)
    return "another skill already uses this slug; change the slug (or the name it is derived from) or adopt that skill";
  switch (status) {
    case 400:
      return said
        ? "fix the values named above in your program"
        : "Langdock gave no reason; check this resource's inputs against Langdock's limits";
    case 401:
      return "check that langdock:apiKey (or LANGDOCK_API_KEY) holds a valid, unexpired Langdock API key";
    case 403:
      return `give the API key the ${scope} scope in Langdock's workspace settings (agents also need the createAgents permission)`;
    case 404:
      // Only a write to an object the state holds can be fixed by refreshing it away; a create or a lookup has nothing in state.
      return request.method === "PUT" || request.method === "PATCH" || request.method === "DELETE"
        ? "the object no longer exists in Langdock; run `pulumi refresh` to drop it from the state"
        : "check the id (and that the object is shared with this API key)";
    case 409:
      return "another object already uses this name; rename one of them or adopt the existing object";
    case 429:
      if (context.waitTooLongMs !== undefined) {
        return `Langdock asked to wait ${Math.ceil(context.waitTooLongMs / 1000)} s, longer than langdock:maxRetryTimeMs (${context.maxRetryTimeMs ?? "?"} ms) allows; run again later or raise langdock:maxRetryTimeMs`;
      }
      return attempts > 1
        ? `Langdock kept rate limiting after ${attempts} attempts; run again later, raise langdock:maxRetries, or lower \`pulumi up --parallel\``
        : "Langdock is rate limiting and langdock:maxRetries allows no retry; run again later or raise langdock:maxRetries";
    case 503:
      return attempts > 1
        ? `Langdock was unavailable for ${attempts} attempts; run \`pulumi up\` again later`
        : "Langdock is unavailable; run `pulumi up` again later";
    case undefined:
      return "check langdock:baseUrl and your network, then run `pulumi up` again; the provider reconciles anything the interrupted call created";
    default:
      return status >= 500 ? "Langdock had a server error; run `pulumi up` again later" : "";
  }
}

/**
 * Langdock's error bodies come in several shapes (docs/langdock-api.md, Transport): `{message: string}`,
 * `{message: [{path, message}]}`, `{error: {message, code}}`, `{error: string}`, `{errorMessage}`,
 * or an empty/HTML/text body. Returns a readable message and any field issues.
 */
export function parseErrorBody(body: unknown): { message: string; issues: FieldIssue[]; missingScopes?: string[] } {
  if (body === undefined || body === null || body === "") return { message: "", issues: [] };
  if (typeof body === "string") {
    const trimmed = body.trim();
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      try {
        return parseErrorBody(JSON.parse(trimmed));
      } catch {
        /* not JSON after all: fall through to text */
      }
    }
    return { message: textOf(trimmed), issues: [] };
  }
  if (Array.isArray(body)) return { message: "", issues: body.map(toIssue) };
  if (typeof body === "object") {
    const record = body as Record<string, unknown>;
    const missingScopes = missingScopesOf(record);
    if (missingScopes) {
      const plural = missingScopes.length === 1 ? "scope" : "scopes";
      return { message: `the API key lacks the ${plural} ${missingScopes.join(", ")}`, issues: [], missingScopes };
    }
    // `{ type: "error", error: { type, message } }` (the OpenAPI's shape) is read through `error` below.
    const message = record.message ?? record.errorMessage ?? record.error ?? record.detail;
    if (Array.isArray(message)) return { message: "", issues: message.map(toIssue) };
    if (message && typeof message === "object") {
      const nested = parseErrorBody(message);
      const code = (message as Record<string, unknown>).code;
      return { ...nested, message: [nested.message, code ? `(code ${String(code)})` : ""].filter(Boolean).join(" ") };
    }
    if (message !== undefined) return { message: String(message), issues: [] };
  }
  return { message: "", issues: [] };
}

/** `403 { error: "INSUFFICIENT_SCOPES", details: { missing: ["AGENT_API", …] } }`: the scopes the key lacks. */
function missingScopesOf(record: Record<string, unknown>): string[] | undefined {
  if (record.error !== "INSUFFICIENT_SCOPES") return undefined;
  const missing = (record.details as { missing?: unknown } | undefined)?.missing;
  const scopes = Array.isArray(missing) ? missing.filter((s): s is string => typeof s === "string") : [];
  return scopes.length > 0 ? scopes : undefined;
}

function toIssue(raw: unknown): FieldIssue {
  if (raw && typeof raw === "object") {
    const r = raw as Record<string, unknown>;
    return {
      path: formatPath(Array.isArray(r.path) ? r.path : r.path === undefined ? [] : [r.path]),
      message: String(r.message ?? JSON.stringify(raw)),
    };
  }
  return { path: "", message: String(raw) };
}

/** HTML error pages (proxies, gateways) become their visible text, shortened. */
function textOf(text: string): string {
  const visible = /<[a-z!/]/i.test(text) ? text.replace(/<(script|style)[\s\S]*?<\/\1>/gi, " ").replace(/<[^>]+>/g, " ") : text;
  const squeezed = visible.replace(/\s+/g, " ").trim();
  return squeezed.length > 200 ? `${squeezed.slice(0, 200)}…` : squeezed;
}

const BY_STATUS: Record<number, typeof APIError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: BadRequestError,
  429: RateLimitError,
};

export function errorFromResponse(status: number, body: unknown, request: RequestInfo, context: ResponseContext = {}): APIError {
  const { message, issues, missingScopes } = parseErrorBody(body);
  const Class = BY_STATUS[status] ?? (status >= 500 ? InternalServerError : APIError);
  return new Class(
    status,
    redact(message || `HTTP ${status}`),
    issues.map((i) => ({ path: i.path, message: redact(i.message) })),
    request,
    hintFor(status, request, Boolean(message) || issues.length > 0, context, missingScopes),
  );
}

/**
 * Whether a 404 is Langdock's own answer about an object: a JSON error naming the kind of object that
 * was not found. An HTML page, an empty body or a routing error means the base URL is wrong, and must
 * never be read as "gone" (refresh would drop the state, destroy would report success).
 */
export function isLangdockNotFound(body: unknown, contentType: unknown): boolean {
  let parsed = body;
  if (typeof body === "string") {
    if (!/json/i.test(String(contentType ?? ""))) return false;
    try {
      parsed = JSON.parse(body);
    } catch {
      return false;
    }
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return false;
  const { message } = parseErrorBody(parsed);
  return /\b(integration|action|trigger|agent|assistant|attachment|file|folder|knowledge base|skill)\b[^/]*?\bnot found\b/i.test(message);
}

/** Describes a non-Langdock answer for BaseUrlError: "with an HTML page", "redirecting to …". */
export function describeForeignAnswer(status: number, body: unknown, location: unknown): string {
  if (status >= 300 && status < 400)
    return typeof location === "string" && location ? `redirecting to ${quote(location, 60)}` : "(a redirect)";
  if (body === undefined || body === null || body === "") return "with an empty body";
  if (typeof body === "string" && /<[a-z!/]/i.test(body)) return "with an HTML page";
  const { message } = parseErrorBody(body);
  return message ? `with ${quote(message, 60)}, which names no Langdock object` : "with a body that is not Langdock's";
}

/** An id found anywhere plausible in an unusable body: `{id}` or `{<envelope>: {id}}`. */
export function salvageId(body: unknown): string | undefined {
  if (!body || typeof body !== "object") return undefined;
  const record = body as Record<string, unknown>;
  const candidates = [
    record.id,
    ...Object.values(record).map((v) => (v && typeof v === "object" ? (v as Record<string, unknown>).id : undefined)),
  ];
  // Only a string: a number cannot be one of Langdock's UUIDs, and keeping it would point the state at nothing.
  return candidates.find((c): c is string => typeof c === "string" && c.trim() !== "");
}

/** The settings and attempts behind a timeout, which its message names. */
export interface TimeoutContext {
  attempts: number;
  timeoutMs: number;
  maxRetryTimeMs: number;
  /** The last attempt's deadline: shorter than timeoutMs when the retry budget cut it. */
  lastDeadlineMs: number;
}

/** No complete answer arrived; `cause` is the transport's own error, kept for debugging. */
export function connectionError(
  message: string,
  request: RequestInfo,
  timedOut: boolean,
  cause?: unknown,
  timeout?: TimeoutContext,
): APIConnectionError {
  if (timedOut && timeout) return new APIConnectionTimeoutError(undefined, timeoutMessage(timeout), [], request, TIMEOUT_HINT, cause);
  const Class = timedOut ? APIConnectionTimeoutError : APIConnectionError;
  return new Class(undefined, redact(message), [], request, hintFor(undefined, request, false), cause);
}

const TIMEOUT_HINT =
  "run `pulumi up` again later, or raise langdock:requestTimeoutMs (and langdock:maxRetryTimeMs) if Langdock is this slow; the provider reconciles anything the interrupted call created";

/** "no complete answer within langdock:requestTimeoutMs (1000 ms) in 3 attempts (the last cut to 727 ms by …)". */
function timeoutMessage({ attempts, timeoutMs, maxRetryTimeMs, lastDeadlineMs }: TimeoutContext): string {
  const tries = `${attempts} ${attempts === 1 ? "attempt" : "attempts"}`;
  const budget = `langdock:maxRetryTimeMs: ${maxRetryTimeMs} ms`;
  if (timeoutMs <= 0) return `no complete answer in ${tries} (the last cut to ${lastDeadlineMs} ms by the retry budget ${budget})`;
  const cut = lastDeadlineMs < timeoutMs ? `the last cut to ${lastDeadlineMs} ms by the retry budget ${budget}` : `retry budget ${budget}`;
  return `no complete answer within langdock:requestTimeoutMs (${timeoutMs} ms) in ${tries} (${cut})`;
}
