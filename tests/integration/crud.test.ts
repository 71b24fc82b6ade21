import { startRuntime, type RuntimeHarness } from "../helpers/runtime";
import { PartialStateError } from "../../provider/common/crud";

let h: RuntimeHarness;
beforeEach(async () => (h = await startRuntime()));
afterEach(() => h.stop());

const SECRET = "oauth-client-secret-4242";
const apiKeyAuth = {
  name: "CRM",
  description: "Internal CRM",
  authType: "API_KEY",
  authFields: [{ slug: "apiKey", label: "API key", type: "PASSWORD", required: true }],
  authTestCode: "return ld.request({ url: 'https://crm.example/ping' });",
};
const oauth = {
  name: "Tickets",
  authType: "OAUTH",
  oauthClient: {
    clientId: "client-1",
    clientSecret: SECRET,
    authUrl: "https://t.example/auth",
    tokenUrl: "https://t.example/token",
    scopes: "read write",
  },
};
const calls = () => h.emulator.log.map((r) => `${r.method} ${r.path.replace(/[0-9a-f-]{36}/g, "{id}")}`);

describe("Integration CRUD against the emulator", () => {
  it("creates with one call, plus one /auth call only when auth inputs are set", async () => {
    // Each create first lists integrations, to reuse one an earlier destroy marked as removed.
    await h.create("Integration", { name: "Plain" });
    expect(calls()).toEqual(["GET /integrations/v1/get", "POST /integrations/v1/create"]);
    h.emulator.resetLog();
    const { id, outs } = await h.create("Integration", apiKeyAuth);
    expect(calls()).toEqual(["GET /integrations/v1/get", "POST /integrations/v1/create", "PATCH /integrations/v1/{id}/auth"]);
    expect(h.emulator.snapshot().integrations.find((i: { id: string }) => i.id === id)).toMatchObject({
      authType: "API_KEY",
      authFields: [expect.objectContaining({ slug: "apiKey" })],
    });
    expect((await h.plan("Integration", id, outs, apiKeyAuth)).diff.changes).toBe(false);
    const refreshed = await h.runtime.read("Integration", id, outs);
    expect((await h.plan("Integration", id, refreshed.props!, apiKeyAuth)).diff.changes).toBe(false);
  });

  it("sets icon and color with the one PATCH the create body cannot carry", async () => {
    await h.create("Integration", { name: "Pretty", iconUrl: "https://x.example/i.png", color: "#4f46e5" });
    expect(calls()).toEqual(["GET /integrations/v1/get", "POST /integrations/v1/create", "PATCH /integrations/v1/{id}"]);
  });

  it("updates details without touching auth, and auth without touching details; PATCH always carries name", async () => {
    const { id, outs } = await h.create("Integration", apiKeyAuth);
    h.emulator.resetLog();
    const { inputs } = await h.plan("Integration", id, outs, { ...apiKeyAuth, description: "Renamed" });
    const { outs: after } = await h.runtime.update("Integration", id, outs, inputs);
    expect(calls()).toEqual(["PATCH /integrations/v1/{id}"]);
    expect(h.emulator.log[0].body).toMatchObject({ name: "CRM", description: "Renamed" });
    h.emulator.resetLog();
    const authChange = { ...apiKeyAuth, description: "Renamed", authTestCode: "return true;" };
    const planned = await h.plan("Integration", id, after, authChange);
    expect(planned.diff.diffs).toEqual(["authTestCode"]);
    await h.runtime.update("Integration", id, after, planned.inputs);
    expect(calls()).toEqual(["PATCH /integrations/v1/{id}/auth"]);
  });

  it("warns that changing authType deletes users' connections, but not when it is first set at create", async () => {
    const { id, outs } = await h.create("Integration", apiKeyAuth);
    expect(h.warnings.join("")).not.toContain("changing authType");
    const { inputs } = await h.plan("Integration", id, outs, { name: "CRM", description: "Internal CRM", authType: "NONE" });
    await h.runtime.update("Integration", id, outs, inputs);
    expect(h.warnings.join("")).toContain("changing authType from API_KEY to NONE deletes every user's existing connection");
  });

  it("keeps the created integration in state when /auth fails, so the next up repairs it", async () => {
    h.emulator.faults.failNext({ status: 400, body: JSON.stringify({ message: "authTestCode is invalid" }), match: { path: /\/auth$/ } });
    const inputs = await h.checked("Integration", apiKeyAuth);
    const err = await h.runtime.create("Integration", inputs).catch((e) => e);
    expect(err).toBeInstanceOf(PartialStateError);
    expect(err.message).toMatch(
      /^Langdock rejected PATCH \/integrations\/v1\/[0-9a-f-]+\/auth with HTTP 400: authTestCode is invalid — fix the values named above in your program\.$/,
    );
    expect(err.id).toBe(h.emulator.snapshot().integrations[0].id);
    expect(err.properties).toMatchObject({ name: "CRM" });
    expect(err.properties.authType).toBe("NONE"); // what Langdock holds: the auth call failed
    expect(err.reasons).toEqual([err.message]);
    // Next up: the diff against the partial state reports the auth inputs; update applies them.
    const { diff } = await h.plan("Integration", err.id, err.properties, apiKeyAuth);
    expect(diff.diffs).toEqual(["authType", "authFields", "authTestCode"]);
    await h.runtime.update("Integration", err.id, err.properties, inputs);
    expect(h.emulator.snapshot().integrations).toHaveLength(1);
    expect(h.emulator.snapshot().integrations[0].authType).toBe("API_KEY");
  });

  it("carries the write-only client secret from state and never prints it", async () => {
    const { id, outs } = await h.create("Integration", oauth);
    expect(h.emulator.snapshot().integrations[0].oauthClient.clientSecret).toBe(SECRET);
    const getBody = JSON.stringify(h.emulator.log.filter((r) => r.method === "GET"));
    expect(getBody).not.toContain(SECRET);
    const refreshed = await h.runtime.read("Integration", id, outs);
    expect((refreshed.props!.oauthClient as Record<string, unknown>).clientSecret).toBe(SECRET);
    expect((await h.plan("Integration", id, refreshed.props!, oauth)).diff.changes).toBe(false);
    h.emulator.faults.failNext({ status: 400, body: JSON.stringify({ message: `clientSecret ${SECRET} rejected` }) });
    const err = await h.runtime.update("Integration", id, outs, { ...outs, description: "x" }).catch((e) => e);
    expect(err.message).toContain("clientSecret [secret] rejected");
    expect(err.message).not.toContain(SECRET);
  });

  it("destroy marks the integration as removed in Langdock with one PATCH, and says so", async () => {
    const { id, outs } = await h.create("Integration", { name: "Gone CRM", description: "Customer data" });
    h.emulator.resetLog();
    await h.runtime.delete("Integration", id, outs);
    expect(calls()).toEqual(["PATCH /integrations/v1/{id}"]);
    expect(h.emulator.snapshot().integrations.find((i: { id: string }) => i.id === id)).toMatchObject({
      name: "Gone CRM",
      description: "[removed by Pulumi] Customer data",
    });
    expect(h.warnings.join("")).toContain(
      `Langdock has no API to delete integrations: integration "Gone CRM" (${id}) was removed from the Pulumi state and marked "[removed by Pulumi]" in its description; a later pulumi up that declares an integration named "Gone CRM" reuses it instead of creating another. Delete it in Langdock's web app under Integrations if you no longer need it.`,
    );
  });

  it("retries a create that certainly did not happen (no integration has the name) and never duplicates one that may have", async () => {
    h.emulator.faults.failNext({ status: 503, match: { method: "POST", path: "/integrations/v1/create" } });
    const { id } = await h.create("Integration", { name: "CRM" });
    expect(h.emulator.snapshot().integrations.map((i: { id: string }) => i.id)).toEqual([id]);

    // Committed, answer lost: the integration that appeared since the list before the POST is this create's.
    h.emulator.faults.dropAfterCommit({ match: { method: "POST", path: "/integrations/v1/create" } });
    const tickets = await h.create("Integration", { name: "Tickets" });
    const landed = h.emulator.snapshot().integrations.find((i: { name: string }) => i.name === "Tickets");
    expect(tickets.id).toBe(landed.id);
    expect(h.emulator.snapshot().integrations).toHaveLength(2);
    expect(h.warnings.join("")).toMatch(
      new RegExp(
        `integration "Tickets": ${landed.id} appeared in Langdock after an interrupted create \\(Langdock could not be reached for POST /integrations/v1/create: .*\\) and matches the program; adopting it instead of creating another\\.`,
      ),
    );
  });

  it("refresh drops an integration deleted in Langdock", async () => {
    const { id, outs } = await h.create("Integration", { name: "CRM" });
    h.emulator.deleteIntegration(id);
    expect(await h.runtime.read("Integration", id, outs)).toEqual({ id: "" });
  });

  it("adoptId takes over an existing integration and makes it match", async () => {
    const existing = await h.create("Integration", { name: "Hand built" });
    h.newRun(); // built by hand: in another run, not by a resource of this one
    h.emulator.resetLog();
    const { id } = await h.create("Integration", { ...apiKeyAuth, adoptId: existing.id });
    expect(id).toBe(existing.id);
    // One read at Check (the adoption preview), one at create (the object may have changed since), then the writes.
    expect(calls()).toEqual([
      "GET /integrations/v1/{id}",
      "GET /integrations/v1/{id}",
      "PATCH /integrations/v1/{id}",
      "PATCH /integrations/v1/{id}/auth",
    ]);
    expect(h.emulator.snapshot().integrations).toEqual([expect.objectContaining({ id, name: "CRM", authType: "API_KEY" })]);
    const stray = { name: "X", adoptId: "99999999-9999-4999-8999-999999999999" };
    expect((await h.runtime.check("Integration", {}, stray)).failures).toEqual([
      {
        property: "adoptId",
        reason:
          "integration 99999999-9999-4999-8999-999999999999 does not exist in this Langdock workspace (HTTP 404); check the id or remove adoptId to create a new integration.",
      },
    ]);
    await expect(h.runtime.create("Integration", stray)).rejects.toThrow(
      "adoptId: integration 99999999-9999-4999-8999-999999999999 does not exist in this Langdock workspace (HTTP 404); check the id or remove adoptId to create a new integration.",
    );
  });
});
