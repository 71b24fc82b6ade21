import { InvalidArgumentError, LangdockError } from "../../provider/errors";
import { codeFromFile } from "../../provider/code";

describe("InvalidArgumentError", () => {
  it("names the function and the problem", () => {
    const err = new InvalidArgumentError("getAgent", 'pass { id: "<uuid>" } with the object\'s id, got undefined');
    expect(err).toBeInstanceOf(LangdockError);
    expect(err.code).toBe("invalid_argument");
    expect(err.fn).toBe("getAgent");
    expect(err.message).toBe('getAgent: pass { id: "<uuid>" } with the object\'s id, got undefined.');
  });

  it("is what codeFromFile throws for a bad kind", () => {
    expect(() => codeFromFile("x.js", { kind: "agent" as never })).toThrow(
      expect.objectContaining({
        code: "invalid_argument",
        message: 'codeFromFile: options.kind must be "action", "trigger" or "skill", got "agent".',
      }),
    );
  });
});
