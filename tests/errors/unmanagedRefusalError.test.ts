import { LangdockError, UnmanagedRefusalError } from "../../provider/errors";

describe("UnmanagedRefusalError", () => {
  it("names what would be cleared and how to fix the program", () => {
    const err = new UnmanagedRefusalError("action", "Get user", "a-1", ["inputFields", "requiresConfirmation"]);
    expect(err).toBeInstanceOf(LangdockError);
    expect(err.code).toBe("unmanaged_refused");
    expect(err.message).toBe(
      `unmanaged: action "Get user" (a-1) needs an update, which replaces its inputFields and requiresConfirmation, but Langdock's answer does not include them, so the provider will not send it and clear them; declare inputFields and requiresConfirmation in the program as they are in Langdock and remove them from unmanaged.`,
    );
  });
});
