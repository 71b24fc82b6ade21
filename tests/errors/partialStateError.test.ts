import { LangdockError, PartialStateError } from "../../provider/errors";
import { registerSecret } from "../../provider/base/redact";

describe("PartialStateError", () => {
  it("carries id, sanitized properties and one redacted reason; the failure is the cause", () => {
    registerSecret("oauth-secret-value");
    const cause = new Error("rejected oauth-secret-value");
    const err = new PartialStateError("i-1", { name: "CRM", description: undefined, n: BigInt(2) }, cause);
    expect(err).toBeInstanceOf(LangdockError);
    expect(err.code).toBe("partial_state");
    expect(err.cause).toBe(cause);
    expect(err.id).toBe("i-1");
    expect(err.properties).toEqual({ name: "CRM", n: 2 });
    expect(err.message).toBe("rejected [secret]");
    expect(err.reasons).toEqual(["rejected [secret]"]);
  });
});
