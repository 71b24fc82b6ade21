import { startRuntime, type RuntimeHarness } from "../helpers/runtime";
import { PartialStateError } from "../../provider/common/crud";

let h: RuntimeHarness;
let actionId: string;
beforeEach(async () => {
  h = await startRuntime();
  const integrationId = (await h.create("Integration", { name: "CRM" })).id;
  actionId = (await h.create("Action", { integrationId, name: "Get user" })).id;
  h.emulator.resetLog();
});
afterEach(() => h.stop());

const args = (extra: Record<string, unknown> = {}) => ({
  name: "Support helper",
  description: "Answers support questions",
  emoji: "🛟",
  instruction: "Be brief.",
  creativity: 0.5,
  conversationStarters: ["Who is user 42?"],
  actions: [{ actionId }],
  webSearch: true,
  dataAnalyst: true,
  ...extra,
});

describe("Agent CRUD against the emulator", () => {
  it("creates with one call (a created agent is live); outputs use the input names", async () => {
    const { id, outs } = await h.create("Agent", args());
    expect(h.emulator.log.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /agent/v1/create"]);
    expect(h.emulator.log[0].body).toMatchObject({ emoji: "🛟", creativity: 0.5, actions: [{ actionId, requiresConfirmation: true }] });
    expect(outs).toMatchObject({
      emoji: "🛟",
      creativity: 0.5,
      webSearch: true,
      dataAnalyst: true,
      imageGeneration: false,
      canvas: false,
      model: "gpt-4o",
      actions: [{ actionId, requiresConfirmation: true }],
    });
    for (const responseName of ["emojiIcon", "temperature", "webSearchEnabled", "codeInterpreterEnabled"])
      expect(outs).not.toHaveProperty(responseName);
    expect(h.emulator.snapshot().agents[0]).toMatchObject({ id, name: "Support helper", actions: [{ actionId }] });
    expect((await h.plan("Agent", id, outs, args())).diff.changes).toBe(false);
    const refreshed = await h.runtime.read("Agent", id, outs);
    expect((await h.plan("Agent", id, refreshed.props!, args())).diff.changes).toBe(false);
  });

  it("updates the draft and publishes it, so the live agent matches the program", async () => {
    const { id, outs } = await h.create("Agent", args());
    h.emulator.resetLog();
    const next = args({ instruction: "Be thorough.", emoji: undefined, actions: [] });
    const { inputs, diff } = await h.plan("Agent", id, outs, next);
    expect(diff.diffs).toEqual(["emoji", "instruction", "actions"]);
    const { outs: updated } = await h.runtime.update("Agent", id, outs, inputs);
    expect(h.emulator.log.map((r) => `${r.method} ${r.path}`)).toEqual(["PATCH /agent/v1/update", "POST /agent/v1/publish"]);
    expect(h.emulator.log[0].body).toEqual({ agentId: id, emoji: null, instruction: "Be thorough.", actions: [] });
    expect(h.emulator.snapshot().agents[0]).toMatchObject({ instruction: "Be thorough.", emojiIcon: null, actions: [], hasDraft: false });
    expect((await h.plan("Agent", id, updated, next)).diff.changes).toBe(false);
  });

  it("keeps the live state when publish fails after the draft was updated", async () => {
    const { id, outs } = await h.create("Agent", args());
    h.emulator.faults.failNext({ status: 500, match: { path: "/agent/v1/publish" } });
    const { inputs } = await h.plan("Agent", id, outs, args({ instruction: "New" }));
    const err = await h.runtime.update("Agent", id, outs, inputs).catch((e) => e);
    expect(err).toBeInstanceOf(PartialStateError);
    expect(err.id).toBe(id);
    expect(err.properties.instruction).toBe("Be brief.");
    // The next up sees the difference again and publishes.
    expect((await h.plan("Agent", id, err.properties, args({ instruction: "New" }))).diff.diffs).toEqual(["instruction"]);
  });

  it("an unknown model fails with the list of valid models", async () => {
    await expect(h.create("Agent", args({ model: "gpt-9" }))).rejects.toThrow(
      'model: "gpt-9" is not available in this Langdock workspace (HTTP 400); use one of: gpt-4o, gpt-4o-mini, claude-sonnet-4.',
    );
  });

  it("destroy marks and disables the agent; refresh shows it; an up that still holds it restores and re-enables it", async () => {
    const { id, outs } = await h.create("Agent", args());
    await h.runtime.delete("Agent", id, outs);
    expect(h.emulator.snapshot().agents[0].disabled).toBe(true);
    expect(h.warnings.join("")).toContain(
      `Langdock has no API to delete or list agents: agent "Support helper" (${id}) was disabled, marked "[removed by Pulumi]"`,
    );
    const refreshed = await h.runtime.read("Agent", id, outs);
    expect(refreshed.props!.disabled).toBe(true);
    const { inputs, diff } = await h.plan("Agent", id, refreshed.props!, args());
    expect(refreshed.props!.description).toBe("[removed by Pulumi] Answers support questions");
    expect(diff.diffs).toEqual(["description", "disabled"]);
    h.emulator.resetLog();
    const { outs: enabled } = await h.runtime.update("Agent", id, refreshed.props!, inputs);
    expect(h.emulator.log.map((r) => r.path)).toEqual(["/agent/v1/update", "/agent/v1/publish", "/agent/v1/disable"]);
    expect(h.emulator.snapshot().agents[0].disabled).toBe(false);
    expect((await h.plan("Agent", id, enabled, args())).diff.changes).toBe(false);
  });

  it("never repeats an agent create whose outcome is unknown (Langdock cannot list agents) and says what to do", async () => {
    h.emulator.faults.dropAfterCommit({ match: { path: "/agent/v1/create" } });
    const err = await h.create("Agent", args()).catch((e) => e);
    expect(err.message).toMatch(
      /^Langdock did not confirm the create of agent "Support helper" \(Langdock could not be reached for POST \/agent\/v1\/create: .*\); it may or may not exist now, and Langdock has no API to list agents, so the provider does not retry blindly: if Langdock's agent list shows it, set adoptId to its id, otherwise run pulumi up again\.$/,
    );
    expect(h.emulator.count({ method: "POST", path: "/agent/v1/create" })).toBe(1);
  });

  it("refresh drops an agent deleted in Langdock, and delete of a gone agent succeeds", async () => {
    const { id, outs } = await h.create("Agent", args());
    h.emulator.deleteAgent(id);
    expect(await h.runtime.read("Agent", id, outs)).toEqual({ id: "" });
    await expect(h.runtime.delete("Agent", id, outs)).resolves.toBeUndefined();
  });

  it("refresh notices a change published in the UI", async () => {
    const { id, outs } = await h.create("Agent", args());
    h.emulator.editAgent(id, { creativity: 0.9 });
    const refreshed = await h.runtime.read("Agent", id, outs);
    expect((await h.plan("Agent", id, refreshed.props!, args())).diff.diffs).toEqual(["creativity"]);
  });

  it("adoptId takes over a hand-built agent: no create, update and publish to match", async () => {
    const handBuilt = await h.create("Agent", { name: "Hand built" });
    h.newRun(); // built by hand: in another run, not by a resource of this one
    h.emulator.resetLog();
    const { id } = await h.create("Agent", args({ adoptId: handBuilt.id }));
    expect(id).toBe(handBuilt.id);
    // One read at Check (the adoption preview), one at create (it may have changed since), then update and publish.
    expect(h.emulator.log.map((r) => r.path)).toEqual(["/agent/v1/get", "/agent/v1/get", "/agent/v1/update", "/agent/v1/publish"]);
    expect(h.emulator.snapshot().agents).toEqual([expect.objectContaining({ id, name: "Support helper", instruction: "Be brief." })]);
  });
});
