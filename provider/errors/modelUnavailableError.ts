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

/** Langdock's 500 "Workspace default model not configured": an agent without `model` cannot be created in this workspace. */
export class DefaultModelMissingError extends LangdockError {
  override readonly code: LangdockErrorCode = "default_model_missing";
  constructor(cause?: unknown) {
    super(
      "model: this Langdock workspace has no default model (HTTP 500: Workspace default model not configured); set the agent's model to one of the names getModels() returns, or configure a default model in Langdock's workspace settings.",
      { cause },
    );
  }
}

/** `extendedThinking: true` on a model whose `supportsExtendedThinking` is false (Langdock's 400, explained). */
export class ExtendedThinkingUnsupportedError extends LangdockError {
  override readonly code: LangdockErrorCode = "extended_thinking_unsupported";
  constructor(
    readonly model: string,
    readonly supported: readonly string[],
    cause?: unknown,
  ) {
    const choice =
      supported.length > 0
        ? `use a model that supports it (${supported.join(", ")}) or remove extendedThinking`
        : "no model of this workspace supports it, so remove extendedThinking";
    super(`extendedThinking: model "${model}" does not support extended thinking (HTTP 400); ${choice}.`, { cause });
  }
}
