import { startRuntime, type RuntimeHarness } from "../helpers/runtime";

let h: RuntimeHarness;
let integrationId: string;
beforeEach(async () => {
  h = await startRuntime();
  integrationId = (await h.create("Integration", { name: "CRM" })).id;
  h.emulator.resetLog();
});
afterEach(() => h.stop());

const args = (extra: Record<string, unknown> = {}) => ({
  integrationId,
  name: "Get user",
  description: "Looks a user up",
  code: "return await ld.request({ url: 'https://crm.example/users/' + data.input.userId });",
  inputFields: [
    { label: "User ID", required: true },
    {
      label: "Kind",
      type: "SELECT",
      options: [
        { label: "Admin", value: "admin" },
        { label: "Member", value: "member" },
      ],
    },
  ],
  ...extra,
});

describe("Action CRUD against the emulator", () => {
  it("creates with one call and one read (what has its name before the POST); outputs carry the inputs plus slugs and order", async () => {
    const { id, outs } = await h.create("Action", args());
    expect(h.emulator.log.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /integrations/v1/${integrationId}`,
      `POST /integrations/v1/${integrationId}/actions/create`,
    ]);
    expect(outs).toMatchObject({
      integrationId,
      name: "Get user",
      slug: "get_user",
      order: 0,
      inputFields: [
        { label: "User ID", slug: "userId", required: true, type: "TEXT" },
        { label: "Kind", slug: "kind" },
      ],
    });
    expect(h.emulator.snapshot().actions).toEqual([expect.objectContaining({ id, name: "Get user", integrationId })]);
  });

  it("diffs the same program after create and after refresh as no change; refresh makes one call", async () => {
    const { id, outs } = await h.create("Action", args());
    expect((await h.plan("Action", id, outs, args())).diff.changes).toBe(false);
    h.emulator.resetLog();
    const refreshed = await h.runtime.read("Action", id, outs);
    expect(h.emulator.log).toHaveLength(1);
    expect(refreshed.id).toBe(id);
    expect((await h.plan("Action", id, refreshed.props!, args())).diff.changes).toBe(false);
  });

  it("updates in place with one PUT that replaces: a removed description and input fields are cleared", async () => {
    const { id, outs } = await h.create("Action", args());
    const next = { integrationId, name: "Get user", code: "return 2;" };
    const { inputs, diff } = await h.plan("Action", id, outs, next);
    expect(diff).toMatchObject({ changes: true, replaces: [], diffs: ["description", "code", "inputFields"] });
    h.emulator.resetLog();
    const { outs: updated } = await h.runtime.update("Action", id, outs, inputs);
    expect(h.emulator.log.map((r) => r.method)).toEqual(["PUT"]);
    const stored = h.emulator.snapshot().actions[0];
    expect(stored).toMatchObject({ code: "return 2;", inputFields: [] });
    expect(stored.description || undefined).toBeUndefined();
    expect((await h.plan("Action", id, updated, next)).diff.changes).toBe(false);
  });

  it("clears code the program no longer declares (PUT would otherwise keep it)", async () => {
    const { id, outs } = await h.create("Action", args());
    const { code: _code, ...withoutCode } = args();
    const { inputs } = await h.plan("Action", id, outs, withoutCode);
    const { outs: updated } = await h.runtime.update("Action", id, outs, inputs);
    expect(h.emulator.snapshot().actions[0].code || undefined).toBeUndefined();
    expect((await h.plan("Action", id, updated, withoutCode)).diff.changes).toBe(false);
  });

  it("refresh notices an out-of-band edit, so the next diff reports it", async () => {
    const { id, outs } = await h.create("Action", args());
    h.emulator.editAction(id, { code: "return 'edited in the UI';" });
    const refreshed = await h.runtime.read("Action", id, outs);
    expect(refreshed.props).toMatchObject({ code: "return 'edited in the UI';" });
    // Refreshed inputs let the next preview display the drifted property itself.
    expect(refreshed.inputs).toEqual({ ...(await h.checked("Action", args())), code: "return 'edited in the UI';" });
    expect((await h.plan("Action", id, refreshed.props!, args())).diff.diffs).toEqual(["code"]);
  });

  it("refresh drops an action deleted out of band, or whose integration is gone", async () => {
    const { id, outs } = await h.create("Action", args());
    h.emulator.deleteAction(id);
    expect(await h.runtime.read("Action", id, outs)).toEqual({ id: "" });
    const second = await h.create("Action", args({ name: "Second" }));
    h.emulator.deleteIntegration(integrationId);
    expect(await h.runtime.read("Action", second.id, second.outs)).toEqual({ id: "" });
  });

  it("keeps code and input fields from state when Langdock returns only the documented summary", async () => {
    await h.stop();
    h = await startRuntime({ integrationDetail: "summary" });
    integrationId = (await h.create("Integration", { name: "CRM" })).id;
    const { id, outs } = await h.create("Action", args());
    h.emulator.editAction(id, { code: "return 'invisible';" });
    const refreshed = await h.runtime.read("Action", id, outs);
    expect(refreshed.props).toMatchObject({ code: outs.code, inputFields: outs.inputFields, slug: "get_user" });
    expect((await h.plan("Action", id, refreshed.props!, args())).diff.changes).toBe(false);
  });

  it("deletes with one call, and an action already gone counts as deleted", async () => {
    const { id, outs } = await h.create("Action", args());
    h.emulator.resetLog();
    await h.runtime.delete("Action", id, outs);
    expect(h.emulator.log.map((r) => r.method)).toEqual(["DELETE"]);
    expect(h.emulator.snapshot().actions).toEqual([]);
    await expect(h.runtime.delete("Action", id, outs)).resolves.toBeUndefined();
  });

  it("a create whose connection drops after Langdock committed it adopts the action instead of duplicating it", async () => {
    h.emulator.faults.dropAfterCommit({ match: { method: "POST", path: /actions\/create$/ } });
    const { id } = await h.create("Action", args());
    expect(h.emulator.snapshot().actions.map((a: { id: string }) => a.id)).toEqual([id]);
    expect(h.warnings.join("")).toContain(
      `action "Get user" was found in Langdock after an interrupted create, identical to this program; adopting ${id} instead of creating a duplicate.`,
    );
  });

  it("on 409 adopts a pre-existing identical action once, never for two resources, and never overwrites one that differs", async () => {
    // Built by hand in Langdock (not by this provider process).
    const res = await fetch(`${h.emulator.url}/integrations/v1/${integrationId}/actions/create`, {
      method: "POST",
      headers: { Authorization: `Bearer ${h.emulator.apiKey}`, "Content-Type": "application/json" },
      body: JSON.stringify((await h.checked("Action", args())) as object),
    });
    const hand = ((await res.json()) as { action: { id: string } }).action;
    const adopted = await h.create("Action", args());
    expect(adopted.id).toBe(hand.id);
    await expect(h.create("Action", args())).rejects.toThrow(
      `name: another action of this program already manages action "Get user" (id ${hand.id}) in integration ${integrationId}; give each action its own name (HTTP 409).`,
    );
    await expect(h.create("Action", args({ code: "return 'different';" }))).rejects.toThrow(
      `name: action "Get user" already exists in integration ${integrationId} (id ${hand.id}) and differs from this program in code (HTTP 409); rename this action, delete the existing one in Langdock, or set adoptId: "${hand.id}" to take it over.`,
    );
    expect(h.emulator.snapshot().actions).toEqual([expect.objectContaining({ id: hand.id, code: args().code })]);
    expect(h.emulator.count({ method: "PUT" })).toBe(0);
  });

  it("adoptId takes over an existing action without creating one", async () => {
    const existing = await h.create("Action", args({ name: "Hand built", code: "return 0;" }));
    h.newRun(); // built by hand: in another run, not by a resource of this one
    h.emulator.resetLog();
    const { id, outs } = await h.create("Action", args({ adoptId: existing.id }));
    expect(id).toBe(existing.id);
    expect(h.emulator.count({ method: "POST" })).toBe(0);
    expect(h.emulator.snapshot().actions).toEqual([expect.objectContaining({ id, name: "Get user", code: args().code })]);
    expect((await h.plan("Action", id, outs, args({ adoptId: existing.id }))).diff.changes).toBe(false);
    // A missing object fails Check (plan time); create, reached without a check, says the same.
    const stray = args({ adoptId: "99999999-9999-4999-8999-999999999999" });
    expect((await h.runtime.check("Action", {}, stray)).failures).toEqual([
      {
        property: "adoptId",
        reason: `action 99999999-9999-4999-8999-999999999999 does not exist in integration ${integrationId}; check the id in Langdock or remove adoptId to create a new action.`,
      },
    ]);
    await expect(h.runtime.create("Action", stray)).rejects.toThrow(
      `adoptId: action 99999999-9999-4999-8999-999999999999 does not exist in integration ${integrationId}; check the id in Langdock or remove adoptId to create a new action.`,
    );
  });

  it("shows Langdock's 400 field issues with status and path", async () => {
    h.emulator.faults.failNext({
      status: 400,
      body: JSON.stringify({ message: [{ path: ["inputFields", 0, "label"], message: "Label is reserved" }] }),
      match: { method: "POST", path: /\/actions\/create$/ },
    });
    await expect(h.create("Action", args())).rejects.toThrow(
      `Langdock rejected POST /integrations/v1/${integrationId}/actions/create with HTTP 400: inputFields[0].label: Label is reserved — fix the values named above in your program.`,
    );
  });
});
