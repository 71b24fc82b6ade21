import { opsOf, startHarness, urnOf, type Harness } from "../helpers/engineHarness";

/**
 * A whole program through LocalEngine: up → preview (nothing to do) → destroy, with the action's id
 * flowing into the agent, secrets masked in the printable state, and `parallel` bounding the
 * concurrent provider calls.
 */
describe("LocalEngine running a program", () => {
  let h: Harness;
  const program = () => {
    const { Integration, Action, Agent } = h.langdock;
    const integration = new Integration("crm", {
      name: "CRM",
      authType: "API_KEY",
      authFields: [{ slug: "apiKey", label: "API key", type: "PASSWORD" }],
    });
    const action = new Action("lookup", {
      integrationId: integration.id,
      name: "Look up customer",
      // A secret input: the state keeps it, printing it must not show it.
      code: h.pulumi.secret("return fetch('https://crm.example/api?token=s3cr3t-token');"),
    });
    const agent = new Agent("support", { name: "Support", instruction: "Use the CRM.", actions: [{ actionId: action.id }] });
    // Every input is also an output at run time; Action just does not declare `code` in its type.
    const code = (action as unknown as { code: unknown }).code;
    return { actionId: action.id, agentId: agent.id, agentActions: agent.actions, code };
  };

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("up creates the program and the action id reaches the agent in Langdock", async () => {
    const up = await h.engine.up(program);
    expect(opsOf(up.steps)).toEqual(["create crm", "create lookup", "create support"]);
    const agent = h.emulator.snapshot().agents.find((a) => a.id === up.outputs.agentId);
    expect(agent.actions[0].actionId).toBe(up.outputs.actionId);
    expect(up.outputs.agentActions).toEqual([{ actionId: up.outputs.actionId, requiresConfirmation: true }]);
    // A secret input stays secret in the outputs, as under Pulumi.
    expect(up.secretOutputs).toEqual(["code"]);
  });

  it("keeps secrets out of the printable state", () => {
    const action = h.engine.state[urnOf("Action", "lookup")];
    expect(action.secretPaths).toEqual(["code"]);
    expect(action.inputs.code).toContain("s3cr3t-token");
    const printed = JSON.stringify(h.engine.printableState());
    expect(printed).not.toContain("s3cr3t-token");
    expect(h.engine.printableState()[urnOf("Action", "lookup")]).toMatchObject({
      inputs: { code: "[secret]" },
      outputs: { code: "[secret]" },
    });
  });

  it("preview of the same program has nothing to do", async () => {
    const preview = await h.engine.preview(program);
    expect(opsOf(preview.steps)).toEqual(["same crm", "same lookup", "same support"]);
  });

  it("destroy removes everything", async () => {
    const destroy = await h.engine.destroy();
    expect(destroy.steps.map((s) => s.urn.split("::").pop())).toEqual(["support", "lookup", "crm"]);
    expect(h.engine.state).toEqual({});
    expect(h.emulator.snapshot().actions).toEqual([]);
  });
});

describe("LocalEngine parallelism", () => {
  /** Highest number of emulator requests in flight at once. */
  const maxInFlight = (log: ReadonlyArray<{ startedAt: number; durationMs: number }>) => {
    const edges = log.flatMap((e) => [[e.startedAt, 1] as const, [e.startedAt + e.durationMs, -1] as const]);
    edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let current = 0;
    let max = 0;
    for (const [, delta] of edges) max = Math.max(max, (current += delta));
    return max;
  };
  const sixActions = (h: Harness) => () => {
    const { Integration, Action } = h.langdock;
    const integration = new Integration("int", { name: "Many" });
    for (let i = 0; i < 6; i++) new Action(`act${i}`, { integrationId: integration.id, name: `Action ${i}` });
  };

  it.each([1, 3])("never has more than parallel=%i provider calls in flight", async (parallel) => {
    const h = await startHarness({ emulator: { latencyMs: 60 }, engine: { parallel } });
    try {
      await h.engine.up(sixActions(h));
      expect(Object.keys(h.engine.state)).toHaveLength(7);
      const creates = h.emulator.log.filter((e) => e.method === "POST" && /\/actions\/create$/.test(e.path));
      expect(creates).toHaveLength(6);
      const max = maxInFlight(creates);
      expect(max).toBeLessThanOrEqual(parallel);
      // The six actions only depend on the integration: with room for it, they do run side by side.
      if (parallel > 1) expect(max).toBeGreaterThan(1);
    } finally {
      await h.stop();
    }
  });
});
