import { AdoptionNotFoundError, LangdockError, NotFoundError } from "../../provider/errors";

const notFound = new NotFoundError(404, "Agent not found", [], { method: "GET", path: "/agent/v1/get" }, "");

describe("AdoptionNotFoundError", () => {
  it("an agent: not in the workspace or not shared with the key", () => {
    const err = AdoptionNotFoundError.object("agent", "a-1", notFound);
    expect(err).toBeInstanceOf(LangdockError);
    expect(err.code).toBe("adoption_not_found");
    expect(err.cause).toBe(notFound);
    expect(err.reason).toBe(
      "agent a-1 does not exist in this Langdock workspace or is not shared with this API key (HTTP 404); check the id or remove adoptId to create a new agent.",
    );
    expect(err.message).toBe(`adoptId: ${err.reason}`);
  });

  it("an integration", () => {
    expect(AdoptionNotFoundError.object("integration", "i-1").message).toBe(
      "adoptId: integration i-1 does not exist in this Langdock workspace (HTTP 404); check the id or remove adoptId to create a new integration.",
    );
  });

  it("an action's integration, and an action missing from its integration", () => {
    expect(AdoptionNotFoundError.parent("action", "i-1").reason).toBe(
      "integration i-1 (the action's integrationId) does not exist in this Langdock workspace (HTTP 404); check integrationId and adoptId.",
    );
    expect(AdoptionNotFoundError.child("trigger", "t-1", "i-1").reason).toBe(
      "trigger t-1 does not exist in integration i-1; check the id in Langdock or remove adoptId to create a new trigger.",
    );
  });
});
