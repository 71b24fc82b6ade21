import {
  LangdockError,
  PartialStateError,
  CreateAnswerUnusableError,
  MoveRefusalError,
  ObjectClaimedError,
  UnmanagedRefusalError,
  UnusableResponseError,
} from "../../provider/errors";
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

describe("only PartialStateError carries `id`", () => {
  // The provider host keeps ANY thrown error with an `id` as partial state (its `properties` as outputs).
  it("the errors that name an object keep it under another name", () => {
    const cause = new Error("x");
    const named = [
      new ObjectClaimedError({ noun: "action", name: "A" }, { noun: "action", name: "B" }, "a-1", "adopt"),
      new UnmanagedRefusalError("action", "A", "a-1", ["code"]),
      new MoveRefusalError("action", "A", "a-1", "i-1", ["code"]),
      new CreateAnswerUnusableError("action", "A", "a-1", cause),
      new UnusableResponseError(201, "empty", { method: "PUT", path: "/x" }, "a-1"),
    ];
    for (const err of named) expect({ [err.constructor.name]: "id" in err }).toEqual({ [err.constructor.name]: false });
  });
});
