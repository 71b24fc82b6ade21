import { LangdockError, type LangdockErrorCode } from "./langdockError";
import type { RequestInfo } from "./apiError";

/**
 * The operation's deadline (the resource's `customTimeouts`) passed before a request, a retry or a
 * rate-limit pause could start or finish. `cause` is what the last attempt ran into, if anything.
 */
export class OperationTimeoutError extends LangdockError {
  override readonly code: LangdockErrorCode = "operation_timeout";
  constructor(
    /** What the deadline is called, e.g. `customTimeouts.create (5s)`. */
    readonly deadlineName: string,
    readonly request: RequestInfo,
    cause?: unknown,
  ) {
    const last = cause instanceof Error ? `; the last attempt: ${cause.message.replace(/\.$/, "")}` : "";
    super(`${request.method} ${request.path} could not finish within ${deadlineName}${last}.`, { cause });
  }
}
