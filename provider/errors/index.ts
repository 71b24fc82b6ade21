/**
 * Every error the package throws on purpose: a LangdockError with a stable `code`, its message
 * redacted and written once (in the class), its `cause` kept. One class a file, or a small family.
 */
export { LangdockError, hasCode, type LangdockErrorCode } from "./langdockError";
export {
  APIError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  RateLimitError,
  InternalServerError,
  APIConnectionError,
  APIConnectionTimeoutError,
  UnusableResponseError,
  isOutcomeUnknown,
  type FieldIssue,
  type RequestInfo,
} from "./apiError";
export { BaseUrlError } from "./baseUrlError";
export { ConfigurationError } from "./configurationError";
export { AdoptionNotFoundError } from "./adoptionNotFoundError";
export { CreateUnconfirmedError, CreateAnswerUnusableError, type Unconfirmed } from "./createErrors";
export { NameTakenError, NameClaimedError, NameUnverifiableError, NameDiffersError, type TakenName } from "./nameTakenError";
export { SlugClaimedError, SlugDiffersError, ImportTargetError, type TakenSlug } from "./slugTakenError";
export { ObjectClaimedError } from "./objectClaimedError";
export { ModelUnavailableError, DefaultModelMissingError, ExtendedThinkingUnsupportedError } from "./modelUnavailableError";
export { UnmanagedRefusalError, MoveRefusalError } from "./unmanagedRefusalError";
export { PartialStateError } from "./partialStateError";
export { InvalidArgumentError } from "./invalidArgumentError";
export { CodeFileError, type CodeField } from "./codeFileError";
export { UsageError, OutputFolderError, ExportReadError } from "./exportErrors";
export { LocalFileError, UploadUnconfirmedError, KnowledgeBaseNotFoundError, SyncFailedError } from "./fileErrors";
export { OperationTimeoutError } from "./operationTimeoutError";
export { ImportIdError } from "./importIdError";
