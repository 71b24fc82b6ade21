import { engineError, startHarness, urnOf, type Harness } from "../helpers/engineHarness";

/**
 * Check through the real host, as `pulumi preview` runs it: every invalid input is reported at once
 * with its exact property path, and values that are unknown during preview (ids of resources not yet
 * created) are never reported.
 */
const INTEGRATION_ID = "0b6f7e1e-3c55-4c8e-9a51-7d7f5c1e2a10";

describe("check through the provider host", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("reports every invalid input of every resource with its property path, before any HTTP call", async () => {
    const { Integration, Action, Trigger, Agent } = h.langdock;
    const err = await engineError(
      h.engine.preview(() => {
        new Integration("int", {
          name: "",
          color: "blue",
          authType: "API_KEY",
          authFields: [
            { slug: "key", label: "Key", type: "PASSWORD" },
            // @ts-expect-error not an auth field type: the types catch it, and so does check
            { slug: "key", label: "Key again", type: "BOGUS" },
          ],
        });
        new Action("act", {
          integrationId: "not-a-uuid",
          name: "x".repeat(101),
          // @ts-expect-error not a field type
          inputFields: [{ label: "Ok" }, { label: "Bad", type: "NOPE" }],
        });
        new Trigger("trg", {
          integrationId: INTEGRATION_ID,
          name: "",
          description: "d".repeat(91),
          // @ts-expect-error ID is an action field type, not a trigger's
          inputFields: [{ label: "Id", type: "ID" }],
        });
        new Agent("agent", {
          name: "Agent",
          creativity: 2,
          conversationStarters: ["fine", ""],
          actions: [{ actionId: "nope" }],
        });
      }),
    );
    const byUrn = Object.fromEntries(err.failures.map((f) => [f.urn, f]));
    const paths = (kind: Parameters<typeof urnOf>[0], name: string) => {
      const f = byUrn[urnOf(kind, name)];
      expect(f?.op).toBe("check");
      return (f?.failures ?? []).map((x) => x.property).sort();
    };
    // The duplicate slug is reported although authFields[1].type is invalid too (cross-field rules run in the same pass).
    expect(paths("Integration", "int")).toEqual(["authFields[1].slug", "authFields[1].type", "color", "name"]);
    expect(paths("Action", "act")).toEqual(["inputFields[1].type", "integrationId", "name"]);
    expect(paths("Trigger", "trg")).toEqual(["description", "inputFields[0].type", "name"]);
    expect(paths("Agent", "agent")).toEqual(["actions[0].actionId", "conversationStarters[1]", "creativity"]);
    // Messages say what is wrong and with which value.
    const color = byUrn[urnOf("Integration", "int")].failures!.find((f) => f.property === "color")!;
    expect(color.reason).toContain('"blue"');
    expect(err.message).toContain(urnOf("Agent", "agent"));
    // Nothing was sent to Langdock, and nothing was recorded.
    expect(h.emulator.log).toEqual([]);
    expect(h.engine.state).toEqual({});
  });

  it("ignores values unknown during preview and plans creates with unknown ids", async () => {
    const { Integration, Action, Trigger, Agent } = h.langdock;
    const result = await h.engine.preview(() => {
      const integration = new Integration("int", { name: "Preview" });
      const action = new Action("act", { integrationId: integration.id, name: "Act" });
      const trigger = new Trigger("trg", { integrationId: integration.id, name: "Trg" });
      const agent = new Agent("agent", { name: "Agent", actions: [{ actionId: action.id }] });
      return { actionId: action.id, triggerId: trigger.id, agentActions: agent.actions };
    });
    expect(result.steps.map((s) => s.op)).toEqual(["create", "create", "create", "create"]);
    // Unknowns are shown as unknown, not as the protocol's sentinel (which looks like a real UUID).
    expect(result.outputs.actionId).toBe("[unknown]");
    expect(result.outputs.triggerId).toBe("[unknown]");
    expect(result.outputs.agentActions).toEqual([{ actionId: "[unknown]", requiresConfirmation: true }]);
    // Step records show the values the up will set, with unknowns as unknown.
    const agentStep = result.steps.find((s) => s.urn.endsWith("::agent"))!;
    expect(agentStep.changes).toEqual(
      expect.arrayContaining([
        { property: "actions", new: [{ actionId: "[unknown]", requiresConfirmation: true }] },
        { property: "name", new: "Agent" },
      ]),
    );
    expect(JSON.stringify(result)).not.toContain("04da6b54-80e4-46f7-96ec-b56ff0331ba9");
    expect(h.emulator.log).toEqual([]);
  });

  it("still reports real failures next to an unknown value", async () => {
    const { Integration, Action, Agent } = h.langdock;
    const err = await engineError(
      h.engine.preview(() => {
        const integration = new Integration("int", { name: "Preview" });
        const action = new Action("act", { integrationId: integration.id, name: "Act" });
        new Agent("agent", { name: "Agent", creativity: -1, actions: [{ actionId: action.id }] });
      }),
    );
    expect(err.failures.map((f) => [f.urn, f.failures?.map((x) => x.property)])).toEqual([[urnOf("Agent", "agent"), ["creativity"]]]);
  });

  it("exposes the host for direct calls: check returns the checked inputs with defaults", async () => {
    const urn = urnOf("Agent", "direct");
    const provider = 'exports.handler = () => require("pulumi-langdock/shells/agent");';
    const { inputs, failures } = await h.engine.host.check(urn, {}, { __provider: provider, name: "Direct" });
    expect(failures).toEqual([]);
    expect(inputs).toMatchObject({ name: "Direct", creativity: 0.3, inputType: "PROMPT", webSearch: false, __provider: provider });
  });
});
