import { redact } from "../base/redact";

/**
 * Every stable `code` a LangdockError carries. Callers decide by `instanceof` or by `code`, never by
 * the message, whose wording may change.
 */
export type LangdockErrorCode =
  | "langdock_error"
  | "api_error"
  | "bad_request"
  | "authentication"
  | "permission_denied"
  | "not_found"
  | "conflict"
  | "rate_limit"
  | "internal_server"
  | "connection"
  | "connection_timeout"
  | "unusable_response"
  | "base_url"
  | "configuration"
  | "adoption_not_found"
  | "create_unconfirmed"
  | "create_answer_unusable"
  | "name_claimed"
  | "object_claimed"
  | "name_unverifiable"
  | "name_differs"
  | "slug_claimed"
  | "slug_differs"
  | "model_unavailable"
  | "default_model_missing"
  | "extended_thinking_unsupported"
  | "unmanaged_refused"
  | "move_refused"
  | "partial_state"
  | "invalid_argument"
  | "code_file"
  | "usage"
  | "output_folder"
  | "export_read"
  | "local_file"
  | "upload_unconfirmed"
  | "knowledge_base_not_found"
  | "sync_failed"
  | "operation_timeout"
  | "import_id";

/** Base of every error the package throws on purpose; its message is already redacted, its `cause` kept. */
export class LangdockError extends Error {
  readonly code: LangdockErrorCode = "langdock_error";
  constructor(message: string, options?: { cause?: unknown }) {
    super(redact(message), options?.cause === undefined ? undefined : { cause: options.cause });
    // Every subclass is named after itself (BadRequestError, NameDiffersError …) without saying so.
    this.name = new.target.name;
  }
}

/** Whether `err` is a LangdockError with the given code (also across two copies of the package). */
export function hasCode(err: unknown, code: LangdockErrorCode): boolean {
  return err instanceof Error && (err as { code?: unknown }).code === code;
}
