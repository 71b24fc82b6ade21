import { opsOf, startHarness, urnOf, type Harness } from "../helpers/engineHarness";

/**
 * `pulumi refresh` through the real host: edits made in Langdock's UI (emulator.edit*) show up as
 * changed outputs, and the next preview plans to put them back; objects deleted in the UI
 * (emulator.delete*) drop out of the state, and the next up creates them again.
 */
describe("refresh through the provider host", () => {
  let h: Harness;
  let ids: Record<string, string>;
  const program = () => {
    const { Integration, Action, Trigger, Agent } = h.langdock;
    const integration = new Integration("int", { name: "Tickets", description: "Ticket system" });
    const action = new Action("act", { integrationId: integration.id, name: "Open ticket", code: "return 1;" });
    const trigger = new Trigger("trg", { integrationId: integration.id, name: "New ticket", pollingCode: "return [];" });
    const agent = new Agent("agent", { name: "Helpdesk", emoji: "🎫", actions: [{ actionId: action.id }] });
    return { int: integration.id, act: action.id, trg: trigger.id, agent: agent.id };
  };

  beforeAll(async () => {
    h = await startHarness();
    ids = (await h.engine.up(program)).outputs as Record<string, string>;
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("reports nothing when nobody touched anything", async () => {
    const result = await h.engine.refresh();
    // Diffs included so a failure shows which outputs a read returns differently from create.
    expect(result.steps.map((s) => [s.urn.split("::").pop(), s.op, s.diffs]).sort()).toEqual([
      ["act", "same", undefined],
      ["agent", "same", undefined],
      ["int", "same", undefined],
      ["trg", "same", undefined],
    ]);
  });

  it("notices out-of-band edits of every resource, and the next preview reverts them", async () => {
    h.emulator.editIntegration(ids.int, { description: "Edited in the UI" });
    h.emulator.editAction(ids.act, { code: "return 2;" });
    // Today's GET shows no trigger's polling code (the state's is kept): the description is what it shows.
    h.emulator.editTrigger(ids.trg, { description: "Edited in the UI" });
    h.emulator.editAgent(ids.agent, { emoji: "🔥" });

    const result = await h.engine.refresh();
    // An edit legitimately moves the server's updatedAt; everything else must be the edited property.
    const changed = (diffs?: string[]) => diffs?.filter((d) => d !== "updatedAt");
    expect(result.steps.map((s) => [s.urn.split("::").pop(), s.op, changed(s.diffs)]).sort()).toEqual([
      ["act", "update", ["code"]],
      ["agent", "update", ["emoji"]],
      ["int", "update", ["description"]],
      ["trg", "update", ["description"]],
    ]);
    const state = h.engine.state;
    expect(state[urnOf("Integration", "int")].outputs.description).toBe("Edited in the UI");
    expect(state[urnOf("Action", "act")].outputs.code).toBe("return 2;");
    expect(state[urnOf("Trigger", "trg")].outputs.description).toBe("Edited in the UI");
    expect(state[urnOf("Trigger", "trg")].outputs.pollingCode).toBe("return [];");
    expect(state[urnOf("Agent", "agent")].outputs.emoji).toBe("🔥");

    const preview = await h.engine.preview(program);
    expect(opsOf(preview.steps)).toEqual(["update act", "update agent", "update int", "update trg"]);
    await h.engine.up(program);
    const snap = h.emulator.snapshot();
    expect(snap.actions[0].code).toBe("return 1;");
    expect(snap.agents[0].emojiIcon).toBe("🎫");
    expect((await h.engine.preview(program)).steps.every((s) => s.op === "same")).toBe(true);
  });

  it("drops out-of-band deleted action, trigger and agent from the state; up creates them again", async () => {
    h.emulator.deleteAction(ids.act);
    h.emulator.deleteTrigger(ids.trg);
    h.emulator.deleteAgent(ids.agent);

    const result = await h.engine.refresh();
    expect(opsOf(result.steps)).toEqual(["delete act", "delete agent", "delete trg", "same int"]);
    expect(Object.keys(h.engine.state)).toEqual([urnOf("Integration", "int")]);

    const up = await h.engine.up(program);
    expect(up.steps.map((s) => [s.urn.split("::").pop(), s.op, s.diffs]).sort()).toEqual([
      ["act", "create", undefined],
      ["agent", "create", undefined],
      ["int", "same", undefined],
      ["trg", "create", undefined],
    ]);
    ids = up.outputs as Record<string, string>;
    expect(h.emulator.snapshot().agents.find((a) => a.id === ids.agent)?.actions).toEqual([
      { actionId: ids.act, requiresConfirmation: true },
    ]);
  });

  it("drops an integration deleted in the UI, together with its actions and triggers", async () => {
    h.emulator.deleteIntegration(ids.int);
    const result = await h.engine.refresh();
    const ops = Object.fromEntries(result.steps.map((s) => [s.urn.split("::").pop(), s.op]));
    expect(ops).toMatchObject({ int: "delete", act: "delete", trg: "delete" });
    expect(Object.keys(h.engine.state)).toEqual([urnOf("Agent", "agent")]);
  });
});
