import { LangdockError, MoveRefusalError, UnmanagedRefusalError } from "../../provider/errors";

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

describe("MoveRefusalError", () => {
  it("names what a move would lose and that nothing was changed", () => {
    const err = new MoveRefusalError("trigger", "New ticket", "t-1", "i-1", ["pollingCode"]);
    expect(err).toBeInstanceOf(LangdockError);
    expect(err.code).toBe("move_refused");
    expect(err.message).toBe(
      `integrationId: moving trigger "New ticket" (t-1) out of integration i-1 creates a new trigger and deletes this one, but Langdock's answer does not include its pollingCode, which the program leaves as they are in Langdock, so the new trigger would lose them; declare pollingCode in the program (and remove them from unmanaged), then run pulumi up again. Nothing was changed.`,
    );
  });
});
