import { trimPeriod } from "../base/text";
import { LangdockError, type LangdockErrorCode } from "./langdockError";

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

/** Langdock answered with a non-2xx status (or the request never got an answer: see subclasses). */
export class APIError extends LangdockError {
  override readonly code: LangdockErrorCode;
  constructor(
    readonly status: number | undefined,
    /** Langdock's own message, as it sent it (redacted). */
    readonly apiMessage: string,
    readonly issues: FieldIssue[],
    readonly request: RequestInfo,
    hint: string,
    /** What failed underneath (the transport's error for a connection failure). */
    cause?: unknown,
  ) {
    super(describe(status, apiMessage, issues, request, hint, new.target === APIConnectionTimeoutError), { cause });
    this.code = CODES.get(new.target) ?? "api_error";
  }

  /**
   * The same sentence with other advice: the client's hints name the stack config and `pulumi up`; a tool
   * with its own flags (the export CLI) gives its own (never advice for the wrong tool).
   */
  messageWithHint(hint: string): string {
    return describe(this.status, this.apiMessage, this.issues, this.request, hint, this instanceof APIConnectionTimeoutError);
  }
}

function describe(
  status: number | undefined,
  apiMessage: string,
  issues: FieldIssue[],
  request: RequestInfo,
  hint: string,
  late: boolean,
): string {
  const where = `${request.method} ${request.path}`;
  const said =
    issues.length > 0
      ? issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ")
      : apiMessage === `HTTP ${status}`
        ? "" // Langdock said nothing: "HTTP 400: HTTP 400" would only repeat the status
        : apiMessage;
  const head =
    status === undefined
      ? // A server that answered too slowly was reached: it is never called unreachable.
        late
        ? `Langdock did not answer ${where} in time`
        : `Langdock could not be reached for ${where}`
      : status < 300
        ? `Langdock answered ${where} with HTTP ${status}`
        : `Langdock rejected ${where} with HTTP ${status}`;
  return `${head}${said ? `: ${trimPeriod(said)}` : ""}${hint ? ` — ${hint}` : ""}.`;
}

/* One class per status family, so callers decide with `instanceof`; their codes are in CODES below. */
export class BadRequestError extends APIError {}
export class AuthenticationError extends APIError {}
export class PermissionDeniedError extends APIError {}
export class NotFoundError extends APIError {}
export class ConflictError extends APIError {}
export class RateLimitError extends APIError {}
export class InternalServerError extends APIError {}
/** No response arrived: refused, reset or dropped connection. Whether a write took effect is unknown. */
export class APIConnectionError extends APIError {}
export class APIConnectionTimeoutError extends APIConnectionError {}

/** A 2xx whose body is unusable (no JSON, no envelope, no id). For a create, whether it took effect is unknown. */
export class UnusableResponseError extends APIError {
  constructor(
    status: number,
    detail: string,
    request: RequestInfo,
    /**
     * The object's id, when the body carried one after all (e.g. outside the envelope). Not named `id`: the
     * provider host keeps any thrown error with an `id` as partial state.
     */
    readonly salvagedId: string | undefined,
  ) {
    const create = request.method === "POST";
    super(status, `unusable body (${detail})`, [], request, create ? "" : "check that langdock:baseUrl points at Langdock's public API");
  }
}

const CODES = new Map<abstract new (...args: never[]) => APIError, LangdockErrorCode>([
  [BadRequestError, "bad_request"],
  [AuthenticationError, "authentication"],
  [PermissionDeniedError, "permission_denied"],
  [NotFoundError, "not_found"],
  [ConflictError, "conflict"],
  [RateLimitError, "rate_limit"],
  [InternalServerError, "internal_server"],
  [APIConnectionError, "connection"],
  [APIConnectionTimeoutError, "connection_timeout"],
  [UnusableResponseError, "unusable_response"],
]);

/** A write whose outcome is unknown: it may or may not have taken effect in Langdock. */
export function isOutcomeUnknown(err: unknown): boolean {
  if (err instanceof InternalServerError) return err.status !== 503; // 503: not handled (retried by the client)
  return err instanceof APIConnectionError || err instanceof UnusableResponseError;
}
