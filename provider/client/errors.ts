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
  const said = issues.length > 0 ? issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ") : apiMessage;
  const head = status === undefined ? `Langdock could not be reached for ${where}` : `Langdock rejected ${where} with HTTP ${status}`;
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

/** What to do next, by status; scope hints follow REFERENCE.md (INTEGRATION_API, AGENT_API). */
function hintFor(status: number | undefined, request: RequestInfo): string {
  const knowledge = request.path.startsWith("/knowledge") || request.path.startsWith("/attachment/");
  const scope = knowledge ? "KNOWLEDGE_FOLDER_API" : request.path.startsWith("/agent/") ? "AGENT_API" : "INTEGRATION_API";
  if (status === 403 && knowledge) {
    return "give the API key the KNOWLEDGE_FOLDER_API scope, share the knowledge base with the key, and for changes give the key the Editor role on it";
  }
  switch (status) {
    case 400:
      return "fix the values named above in your program";
    case 401:
      return "check that langdock:apiKey (or LANGDOCK_API_KEY) holds a valid, unexpired Langdock API key";
    case 403:
      return `give the API key the ${scope} scope in Langdock's workspace settings (agents also need the createAgents permission)`;
    case 404:
      return "the object no longer exists in Langdock; run `pulumi refresh` to drop it from the state";
    case 409:
      return "another object already uses this name; rename one of them or adopt the existing object";
    case 429:
      return "Langdock kept rate limiting after every retry; run again later, raise langdock:maxRetries, or lower `pulumi up --parallel`";
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

export function errorFromResponse(status: number, body: unknown, request: RequestInfo): APIError {
  const { message, issues } = parseErrorBody(body);
  const Class = BY_STATUS[status] ?? (status >= 500 ? InternalServerError : APIError);
  return new Class(
    status,
    redact(message || `HTTP ${status}`),
    issues.map((i) => ({ path: i.path, message: redact(i.message) })),
    request,
    hintFor(status, request),
  );
}

export function connectionError(cause: string, request: RequestInfo, timedOut: boolean): APIConnectionError {
  const Class = timedOut ? APIConnectionTimeoutError : APIConnectionError;
  return new Class(undefined, redact(cause), [], request, hintFor(undefined, request));
}

/** A write whose outcome is unknown: it may or may not have taken effect in Langdock. */
export function isOutcomeUnknown(err: unknown): boolean {
  return err instanceof APIConnectionError || err instanceof InternalServerError;
}
