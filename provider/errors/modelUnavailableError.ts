import { LangdockError, type LangdockErrorCode } from "./langdockError";

/** An agent's `model` is not one of the workspace's models (Langdock's 400, explained with the valid list). */
export class ModelUnavailableError extends LangdockError {
  override readonly code: LangdockErrorCode = "model_unavailable";
  constructor(
    readonly model: string,
    readonly models: readonly string[],
    cause?: unknown,
  ) {
    super(`model: "${model}" is not available in this Langdock workspace (HTTP 400); use one of: ${models.join(", ")}.`, { cause });
  }
}
