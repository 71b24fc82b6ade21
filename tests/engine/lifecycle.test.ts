import { opsOf, startHarness, urnOf, type Harness } from "../helpers/engineHarness";

/**
 * The life of all four resources through the real host against the emulator, one `up` after the
 * other on the same stack: create, no-op, update in place, replace (moving the action and trigger to
 * another integration), delete, destroy.
 */
interface Variant {
  /** Which integration the action and trigger belong to. */
  owner?: "first" | "second";
  description?: string;
  code?: string;
  instruction?: string;
  withTrigger?: boolean;
}

const WRITES = /^(POST|PUT|PATCH|DELETE)$/;

describe("resource lifecycle through the provider host", () => {
  let h: Harness;
  const program =
    (v: Variant = {}) =>
    () => {
      const { Integration, Action, Trigger, Agent } = h.langdock;
      const first = new Integration("int", { name: "CRM", description: v.description ?? "Customer data" });
      const second = v.owner === "second" ? new Integration("int2", { name: "CRM 2" }) : undefined;
      const owner = second ?? first;
      const action = new Action("act", {
        integrationId: owner.id,
        name: "Find customer",
        description: v.description ?? "Finds a customer",
        code: v.code ?? "return { ok: true };",
        inputFields: [{ label: "Email", required: true }],
      });
      const trigger =
        v.withTrigger === false
          ? undefined
          : new Trigger("trg", {
              integrationId: owner.id,
              name: "New customer",
              description: v.description ?? "Fires on signup",
              pollingCode: "return [];",
            });
      const agent = new Agent("agent", {
        name: "Support",
        instruction: v.instruction ?? "Help customers.",
        actions: [{ actionId: action.id, requiresConfirmation: false }],
      });
      return { integrationId: owner.id, actionId: action.id, triggerId: trigger?.id, agentId: agent.id };
    };
  const writes = () => h.emulator.log.filter((e) => WRITES.test(e.method));

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("creates all four resources; ids and outputs land in the state", async () => {
    const result = await h.engine.up(program());
    expect(opsOf(result.steps)).toEqual(["create act", "create agent", "create int", "create trg"]);
    const snap = h.emulator.snapshot();
    expect(snap.integrations.map((i) => i.id)).toEqual([result.outputs.integrationId]);
    expect(snap.actions.map((a) => [a.id, a.integrationId, a.code])).toEqual([
      [result.outputs.actionId, result.outputs.integrationId, "return { ok: true };"],
    ]);
    expect(snap.triggers.map((t) => t.id)).toEqual([result.outputs.triggerId]);
    expect(snap.agents.map((a) => a.id)).toEqual([result.outputs.agentId]);
    const state = h.engine.state;
    expect(state[urnOf("Action", "act")]).toMatchObject({
      id: result.outputs.actionId,
      outputs: { slug: expect.any(String), integrationId: result.outputs.integrationId },
    });
    expect(state[urnOf("Action", "act")].dependencies).toEqual([urnOf("Integration", "int")]);
    expect(state[urnOf("Agent", "agent")].outputs.actions).toEqual([{ actionId: result.outputs.actionId, requiresConfirmation: false }]);
  });

  it("reports no change for the same program, and up then writes nothing", async () => {
    const preview = await h.engine.preview(program());
    expect(opsOf(preview.steps)).toEqual(["same act", "same agent", "same int", "same trg"]);
    h.emulator.resetLog();
    const up = await h.engine.up(program());
    expect(up.steps.every((s) => s.op === "same")).toBe(true);
    expect(writes()).toEqual([]);
  });

  it("updates in place, keeping every id", async () => {
    const before = h.engine.state;
    const preview = await h.engine.preview(program({ description: "Changed", code: "return { ok: false };", instruction: "Be brief." }));
    expect(preview.steps.map((s) => [s.urn.split("::").pop(), s.op, s.diffs]).sort()).toEqual([
      ["act", "update", ["code", "description"]],
      ["agent", "update", ["instruction"]],
      ["int", "update", ["description"]],
      ["trg", "update", ["description"]],
    ]);
    const up = await h.engine.up(program({ description: "Changed", code: "return { ok: false };", instruction: "Be brief." }));
    expect(opsOf(up.steps)).toEqual(["update act", "update agent", "update int", "update trg"]);
    const after = h.engine.state;
    for (const urn of Object.keys(before)) expect(after[urn].id).toBe(before[urn].id);
    const snap = h.emulator.snapshot();
    expect(snap.actions[0]).toMatchObject({ code: "return { ok: false };", description: "Changed" });
    expect(snap.integrations[0].description).toBe("Changed");
    expect(snap.triggers[0].description).toBe("Changed");
    expect(snap.agents[0].instruction).toBe("Be brief.");
  });

  it("replaces the action and trigger when integrationId changes; the agent follows the new action", async () => {
    const v: Variant = { owner: "second", description: "Changed", code: "return { ok: false };", instruction: "Be brief." };
    const before = h.engine.state;
    const preview = await h.engine.preview(program(v));
    expect(preview.steps.map((s) => [s.urn.split("::").pop(), s.op, s.replaces]).sort()).toEqual([
      ["act", "replace", ["integrationId"]],
      // The new action's id is unknown during preview, so the agent is planned to change.
      ["agent", "update", undefined],
      ["int", "same", undefined],
      ["int2", "create", undefined],
      ["trg", "replace", ["integrationId"]],
    ]);
    const up = await h.engine.up(program(v));
    expect(opsOf(up.steps)).toEqual(["create int2", "replace act", "replace trg", "same int", "update agent"]);
    const oldAction = before[urnOf("Action", "act")].id;
    const oldTrigger = before[urnOf("Trigger", "trg")].id;
    expect(up.outputs.actionId).not.toBe(oldAction);
    const snap = h.emulator.snapshot();
    // Create-before-delete: the old halves are gone, the new ones live under the second integration.
    expect(snap.actions.map((a) => [a.id, a.integrationId])).toEqual([[up.outputs.actionId, up.outputs.integrationId]]);
    expect(snap.triggers.map((t) => [t.id, t.integrationId])).toEqual([[up.outputs.triggerId, up.outputs.integrationId]]);
    expect(snap.triggers.map((t) => t.id)).not.toContain(oldTrigger);
    expect(snap.agents[0].actions).toEqual([{ actionId: up.outputs.actionId, requiresConfirmation: false }]);
  });

  it("deletes a resource removed from the program", async () => {
    const up = await h.engine.up(
      program({ owner: "second", description: "Changed", code: "return { ok: false };", instruction: "Be brief.", withTrigger: false }),
    );
    expect(up.steps.filter((s) => s.op !== "same").map((s) => `${s.op} ${s.urn.split("::").pop()}`)).toEqual(["delete trg"]);
    expect(h.emulator.snapshot().triggers).toEqual([]);
    expect(h.engine.state[urnOf("Trigger", "trg")]).toBeUndefined();
  });

  it("destroys everything in reverse dependency order", async () => {
    const result = await h.engine.destroy();
    const order = result.steps.map((s) => s.urn.split("::").pop());
    expect(order.indexOf("agent")).toBeLessThan(order.indexOf("act"));
    expect(order.indexOf("act")).toBeLessThan(order.indexOf("int2"));
    expect(h.engine.state).toEqual({});
    const snap = h.emulator.snapshot();
    expect(snap.actions).toEqual([]);
    // Langdock cannot delete agents through the API: destroy disables them, and says so on stderr.
    expect(snap.agents.every((a) => a.disabled)).toBe(true);
    expect(h.engine.host.stderr.join("\n")).toMatch(/no API to delete or list agents/);
  });
});
