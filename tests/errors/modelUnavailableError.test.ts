import { BadRequestError, LangdockError, ModelUnavailableError } from "../../provider/errors";

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
