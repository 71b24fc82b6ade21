/** A zod-style validation issue, the element type of Langdock's 400 `message` arrays. */
export interface Issue {
  path: (string | number)[];
  message: string;
}

/**
 * An error the emulator answers with `{ message }` (or the given `answer`) and the given status: what a fake Langdock sends, not
 * an error of the package (those are provider/errors; the client turns this answer into one of them).
 */
export class EmulatorHttpError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string | Issue[],
    /** The body sent instead of `{ message }` (Langdock's other error shapes). */
    private readonly answer?: Record<string, unknown>,
  ) {
    super(typeof detail === "string" ? detail : detail.map(formatIssue).join("; "));
    this.name = "EmulatorHttpError";
  }

  get body(): Record<string, unknown> {
    return this.answer ?? { message: this.detail };
  }
}

function formatIssue(issue: Issue): string {
  return `${issue.path.join(".") || "(body)"}: ${issue.message}`;
}

export const badRequest = (detail: string | Issue[]) => new EmulatorHttpError(400, detail);
export const notFound = (what: string) => new EmulatorHttpError(404, `${what} not found`);
export const conflict = (message: string) => new EmulatorHttpError(409, message);
/** The OpenAPI's error shape, `{ type: "error", error: { type, message } }` (the icon endpoints answer with it). */
export const typedError = (status: number, type: string, message: string) =>
  new EmulatorHttpError(status, message, { type: "error", error: { type, message } });
/** A key without a route's scope: `403 { error: "INSUFFICIENT_SCOPES", details: { missing } }`. */
export const insufficientScopes = (missing: string[]) =>
  new EmulatorHttpError(403, `Missing scopes: ${missing.join(", ")}`, { error: "INSUFFICIENT_SCOPES", details: { missing } });
