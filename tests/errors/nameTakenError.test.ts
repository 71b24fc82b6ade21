import { LangdockError, NameClaimedError, NameDiffersError, NameTakenError, NameUnverifiableError } from "../../provider/errors";

const taken = { noun: "action", name: "Get user", id: "a-1", integrationId: "i-1", after: "conflict" as const };

describe("NameTakenError family", () => {
  it("claimed by another resource of the program", () => {
    const err = new NameClaimedError(taken);
    expect(err).toBeInstanceOf(NameTakenError);
    expect(err).toBeInstanceOf(LangdockError);
    expect(err.code).toBe("name_claimed");
    expect(err.message).toBe(
      'name: another action of this program already manages action "Get user" (id a-1) in integration i-1; give each action its own name (HTTP 409).',
    );
  });

  it("unverifiable from a summary read", () => {
    const err = new NameUnverifiableError({ ...taken, after: "uncertain" }, "code and input fields");
    expect(err.code).toBe("name_unverifiable");
    expect(err.message).toBe(
      `name: action "Get user" already exists in integration i-1 (id a-1), and Langdock's answer does not include its code and input fields, so the provider cannot tell whether it is the one this program declares (after an interrupted create); rename this action, or set adoptId: "a-1" to take it over (its code and input fields are then replaced by the program's).`,
    );
  });

  it("differs from the program", () => {
    const err = new NameDiffersError(taken, ["code", "description"]);
    expect(err.code).toBe("name_differs");
    expect(err.fields).toEqual(["code", "description"]);
    expect(err.message).toBe(
      `name: action "Get user" already exists in integration i-1 (id a-1) and differs from this program in code, description (HTTP 409); rename this action, delete the existing one in Langdock, or set adoptId: "a-1" to take it over.`,
    );
  });
});
