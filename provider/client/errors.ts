import { redact } from "../common/redact";

/** One problem Langdock reported with a request field (its 400 bodies list zod-style issues). */
export interface FieldIssue {
  path: string;
  message: string;
}

export interface RequestInfo {
  method: string;
  /** The endpoint path relative to the base URL, e.g. `/integrations/v1/{id}/actions/create`. */
  path: string;
}

/** Base of every error the client throws; its message is already redacted. */
export class LangdockError extends Error {
  override name = "LangdockError";
  constructor(message: string) {
    super(redact(message));
  }
}

/** Langdock answered with a non-2xx status (or the request never got an answer: see subclasses). */
export class APIError extends LangdockError {
  override name = "APIError";
  constructor(
    readonly status: number | undefined,
    /** Langdock's own message, as it sent it (redacted). */
    readonly apiMessage: string,
    readonly issues: FieldIssue[],
    readonly request: RequestInfo,
    hint: string,
  ) {
    super(describe(status, apiMessage, issues, request, hint));
  }
}

function describe(status: number | undefined, apiMessage: string, issues: FieldIssue[], request: RequestInfo, hint: string): string {
  const where = `${request.method} ${request.path}`;
  const said =
    issues.length > 0
      ? issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ")
      : apiMessage === `HTTP ${status}`
        ? "" // Langdock said nothing: "HTTP 400: HTTP 400" would only repeat the status
        : apiMessage;
  const head =
    status === undefined
      ? `Langdock could not be reached for ${where}`
      : status < 300
        ? `Langdock answered ${where} with HTTP ${status}`
        : `Langdock rejected ${where} with HTTP ${status}`;
  return `${head}${said ? `: ${trimPeriod(said)}` : ""}${hint ? ` — ${hint}` : ""}.`;
}

function trimPeriod(text: string): string {
  return text.replace(/[.\s]+$/, "");
}

export class BadRequestError extends APIError {
  override name = "BadRequestError";
}
export class AuthenticationError extends APIError {
  override name = "AuthenticationError";
}
export class PermissionDeniedError extends APIError {
  override name = "PermissionDeniedError";
}
export class NotFoundError extends APIError {
  override name = "NotFoundError";
}
export class ConflictError extends APIError {
  override name = "ConflictError";
}
export class RateLimitError extends APIError {
  override name = "RateLimitError";
}
export class InternalServerError extends APIError {
  override name = "InternalServerError";
}
/** No response arrived: refused, reset or dropped connection. Whether a write took effect is unknown. */
export class APIConnectionError extends APIError {
  override name = "APIConnectionError";
}
export class APIConnectionTimeoutError extends APIConnectionError {
  override name = "APIConnectionTimeoutError";
}

/** What the transport knew when it gave up on a request; decides which advice applies. */
export interface ResponseContext {
  /** Attempts made, this one included. */
  attempts?: number;
  /** Set when Langdock asked to wait longer (Retry-After, ms) than the retry budget allows. */
  waitTooLongMs?: number;
  maxRetryTimeMs?: number;
}

/** What to do next, by status; scope hints follow REFERENCE.md (INTEGRATION_API, AGENT_API). */
function hintFor(status: number | undefined, request: RequestInfo, said: boolean, context: ResponseContext = {}): string {
  const knowledge = request.path.startsWith("/knowledge") || request.path.startsWith("/attachment/");
  const scope = knowledge ? "KNOWLEDGE_FOLDER_API" : request.path.startsWith("/agent/") ? "AGENT_API" : "INTEGRATION_API";
  const attempts = context.attempts ?? 1;
  if (status === 403 && knowledge) {
    return "give the API key the KNOWLEDGE_FOLDER_API scope, share the knowledge base with the key, and for changes give the key the Editor role on it";
  }
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
 * Langdock's error bodies come in several shapes (REFERENCE.md, Transport): `{message: string}`,
 * `{message: [{path, message}]}`, `{error: {message, code}}`, `{error: string}`, `{errorMessage}`,
 * or an empty/HTML/text body. Returns a readable message and any field issues.
 */
export function parseErrorBody(body: unknown): { message: string; issues: FieldIssue[] } {
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

/** `["inputFields", 2, "type"]` → `inputFields[2].type`, the form Pulumi users see in check failures. */
export function formatPath(path: ReadonlyArray<unknown>): string {
  return path.reduce<string>((acc, seg) => (typeof seg === "number" ? `${acc}[${seg}]` : acc ? `${acc}.${String(seg)}` : String(seg)), "");
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
  const { message, issues } = parseErrorBody(body);
  const Class = BY_STATUS[status] ?? (status >= 500 ? InternalServerError : APIError);
  return new Class(
    status,
    redact(message || `HTTP ${status}`),
    issues.map((i) => ({ path: i.path, message: redact(i.message) })),
    request,
    hintFor(status, request, Boolean(message) || issues.length > 0, context),
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
  return /\b(integration|action|trigger|agent|assistant|attachment|file|folder|knowledge base)\b[^/]*?\bnot found\b/i.test(message);
}

/** The base URL does not lead to Langdock's public API (HTML or empty 404s, redirects): a configuration error. */
export class BaseUrlError extends LangdockError {
  override name = "BaseUrlError";
  constructor(
    readonly status: number,
    readonly request: RequestInfo,
    what: string,
    baseUrl: string,
  ) {
    super(
      `Langdock's API did not answer ${request.method} ${request.path}: HTTP ${status} ${what}, so langdock:baseUrl (${withoutCredentials(baseUrl)}) does not point at Langdock's public API; set it to https://api.langdock.com or https://<deployment>/api/public.`,
    );
  }
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

/** A 2xx whose body is unusable (no JSON, no envelope, no id). For a create, whether it took effect is unknown. */
export class UnusableResponseError extends APIError {
  override name = "UnusableResponseError";
  constructor(
    status: number,
    detail: string,
    request: RequestInfo,
    /** The object's id, when the body carried one after all (e.g. as a number, or outside the envelope). */
    readonly id: string | undefined,
  ) {
    const create = request.method === "POST";
    super(status, `unusable body (${detail})`, [], request, create ? "" : "check that langdock:baseUrl points at Langdock's public API");
  }
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

/** `https://user:pw@host/x` → `https://host/x`; anything unparseable is shortened. */
export function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = "";
    parsed.password = "";
    return parsed.toString().replace(/\/$/, "");
  } catch {
    return quote(url.replace(/\/\/[^/@]*@/, "//"), 60);
  }
}

/** At most `max` characters of a value, JSON-quoted, with an ellipsis and the full length when cut. */
export function quote(value: unknown, max = 40): string {
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  if (text.length <= max) return typeof value === "string" ? JSON.stringify(text) : text;
  return `${JSON.stringify(text.slice(0, max))}… (${text.length.toLocaleString("en-US")} characters)`;
}

export function connectionError(cause: string, request: RequestInfo, timedOut: boolean): APIConnectionError {
  const Class = timedOut ? APIConnectionTimeoutError : APIConnectionError;
  return new Class(undefined, redact(cause), [], request, hintFor(undefined, request, false));
}

/** A write whose outcome is unknown: it may or may not have taken effect in Langdock. */
export function isOutcomeUnknown(err: unknown): boolean {
  if (err instanceof InternalServerError) return err.status !== 503; // 503: not handled (retried by the client)
  return err instanceof APIConnectionError || err instanceof UnusableResponseError;
}
