import { LangdockError, ObjectClaimedError } from "../../provider/errors";

describe("ObjectClaimedError", () => {
  const holder = { noun: "integration", name: "CRM copy" };
  const other = { noun: "integration", name: "CRM" };

  it("names both resources and, for adoptId, says to remove it from one of them", () => {
    const err = new ObjectClaimedError(holder, other, "i-1", "adopt");
    expect(err).toBeInstanceOf(LangdockError);
    expect(err.code).toBe("object_claimed");
    expect(err.message).toBe(
      'integration "CRM copy" cannot take it over with adoptId: integration i-1 is already managed by another resource of this program, integration "CRM"; one Langdock object can be managed by one resource only: remove adoptId from one of them.',
    );
  });

  it("for any other path, says to give each resource its own object", () => {
    expect(new ObjectClaimedError(holder, other, "i-1", "state").message).toBe(
      'integration "CRM copy" cannot keep it in its state: integration i-1 is already managed by another resource of this program, integration "CRM"; one Langdock object can be managed by one resource only: give each resource its own object (rename one of them).',
    );
  });
});
