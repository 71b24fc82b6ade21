import { LangdockError, hasCode } from "../../provider/errors";
import { registerSecret } from "../../provider/base/redact";

describe("LangdockError", () => {
  it("redacts its message and keeps its cause", () => {
    registerSecret("sk-ld-errors-test-key");
    const cause = new Error("socket hang up");
    const err = new LangdockError("Langdock said sk-ld-errors-test-key is wrong", { cause });
    expect(err.message).toBe("Langdock said [secret] is wrong");
    expect(err.cause).toBe(cause);
    expect(err.code).toBe("langdock_error");
    expect(err).toBeInstanceOf(Error);
  });

  it("has no cause property when none is given", () => {
    expect("cause" in new LangdockError("x")).toBe(false);
  });

  it("hasCode decides by code, also for a copy of the class from another load of the package", () => {
    const foreign = Object.assign(new Error("from another copy"), { code: "not_found" });
    expect(hasCode(foreign, "not_found")).toBe(true);
    expect(hasCode(foreign, "conflict")).toBe(false);
    expect(hasCode("not_found", "not_found")).toBe(false);
  });
});
