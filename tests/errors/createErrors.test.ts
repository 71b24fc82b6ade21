import { CreateAnswerUnusableError, CreateUnconfirmedError, LangdockError } from "../../provider/errors";

const timeout = new Error("Langdock could not be reached for POST /agent/v1/create: ETIMEDOUT.");

describe("CreateUnconfirmedError", () => {
  it("agents cannot be listed: no blind retry, adopt it if the list shows it", () => {
    const err = new CreateUnconfirmedError("agent", "Helper", { kind: "unlistable" }, timeout);
    expect(err).toBeInstanceOf(LangdockError);
    expect(err.code).toBe("create_unconfirmed");
    expect(err.cause).toBe(timeout);
    expect(err.message).toBe(
      `Langdock did not confirm the create of agent "Helper" (Langdock could not be reached for POST /agent/v1/create: ETIMEDOUT); it may or may not exist now, and Langdock has no API to list agents, so the provider does not retry blindly: if Langdock's agent list shows it, set adoptId to its id, otherwise run pulumi up again.`,
    );
  });

  it("names the candidates that have the name", () => {
    expect(new CreateUnconfirmedError("integration", "CRM", { kind: "candidates", ids: ["a", "b"] }, timeout).message).toBe(
      `Langdock did not confirm the create of integration "CRM" (Langdock could not be reached for POST /agent/v1/create: ETIMEDOUT); it may have been created: a, b have that name. Set adoptId to the one this program should manage (or delete the stray one in Langdock), then run pulumi up again.`,
    );
    expect(new CreateUnconfirmedError("integration", "CRM", { kind: "candidates", ids: ["a"] }, timeout).message).toContain(
      ": a has that name.",
    );
  });

  it("counts the attempts when none exists afterwards", () => {
    expect(
      new CreateUnconfirmedError("action", "Get user", { kind: "absent", attempts: 3, where: "in integration i-1" }, timeout).message,
    ).toBe(
      `Langdock did not confirm the create of action "Get user" 3 times (Langdock could not be reached for POST /agent/v1/create: ETIMEDOUT); none exists in integration i-1, so nothing was created: run pulumi up again later.`,
    );
  });
});

describe("CreateAnswerUnusableError", () => {
  it("says the id is kept", () => {
    const err = new CreateAnswerUnusableError("trigger", "Poll", "t-1", new Error("unusable body (empty)."));
    expect(err.code).toBe("create_answer_unusable");
    expect(err.message).toBe(
      `Langdock created trigger "Poll" (id t-1) but its answer was unusable (unusable body (empty)); the id is kept in the state, and the next pulumi up checks the trigger against the program.`,
    );
  });
});
