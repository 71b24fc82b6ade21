import {
  BadRequestError,
  DefaultModelMissingError,
  ExtendedThinkingUnsupportedError,
  InternalServerError,
  LangdockError,
  ModelUnavailableError,
} from "../../provider/errors";

describe("ModelUnavailableError", () => {
  it("lists the workspace's models and keeps Langdock's 400 as the cause", () => {
    const cause = new BadRequestError(400, "Model 'gpt-9' is not available", [], { method: "POST", path: "/agent/v1/create" }, "");
    const err = new ModelUnavailableError("gpt-9", ["gpt-4o", "claude-sonnet-4"], cause);
    expect(err).toBeInstanceOf(LangdockError);
    expect(err.code).toBe("model_unavailable");
    expect(err.cause).toBe(cause);
    expect(err.message).toBe('model: "gpt-9" is not available in this Langdock workspace (HTTP 400); use one of: gpt-4o, claude-sonnet-4.');
  });
});

describe("DefaultModelMissingError", () => {
  it("points at the agent's model and getModels()", () => {
    const cause = new InternalServerError(
      500,
      "Workspace default model not configured",
      [],
      { method: "POST", path: "/agent/v1/create" },
      "",
    );
    const err = new DefaultModelMissingError(cause);
    expect(err.code).toBe("default_model_missing");
    expect(err.cause).toBe(cause);
    expect(err.message).toBe(
      "model: this Langdock workspace has no default model (HTTP 500: Workspace default model not configured); set the agent's model to one of the names getModels() returns, or configure a default model in Langdock's workspace settings.",
    );
  });
});

describe("ExtendedThinkingUnsupportedError", () => {
  it("names the models that support extended thinking, or says none does", () => {
    const some = new ExtendedThinkingUnsupportedError("gpt-4o", ["claude-sonnet-4", "o3"]);
    expect(some.code).toBe("extended_thinking_unsupported");
    expect(some.message).toBe(
      'extendedThinking: model "gpt-4o" does not support extended thinking (HTTP 400); use a model that supports it (claude-sonnet-4, o3) or remove extendedThinking.',
    );
    expect(new ExtendedThinkingUnsupportedError("gpt-4o", []).message).toBe(
      'extendedThinking: model "gpt-4o" does not support extended thinking (HTTP 400); no model of this workspace supports it, so remove extendedThinking.',
    );
  });
});
