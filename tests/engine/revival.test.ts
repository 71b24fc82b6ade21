import { REMOVED_MARKER } from "../../provider/common/removed";
import { startHarness, type Harness } from "../helpers/engineHarness";

/**
 * destroy/up cycles (ephemeral and PR stacks) through the real host: Langdock cannot delete
 * integrations or agents, so destroy marks them; a later up reuses the integration; an agent comes
 * back only through adoptId (agents cannot be listed).
 */
describe("no pile-up after destroy/up", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ engine: { parallel: 1 } });
  });
  afterAll(() => h?.stop());

  const program = (agentAdoptId?: string) => () => {
    const { Integration, Action, Agent } = h.langdock;
    const crm = new Integration("crm", {
      name: "CRM",
      description: "Customer data",
      authType: "API_KEY",
      authFields: [{ slug: "apiKey", label: "API key", type: "PASSWORD" }],
    });
    const lookup = new Action("lookup", { integrationId: crm.id, name: "Lookup", code: "return 1;" });
    new Agent("helper", { name: "Helper", description: "Answers", actions: [{ actionId: lookup.id }], adoptId: agentAdoptId });
  };

  it("destroy marks the integration and the agent, disables the agent, and prints the agent's id", async () => {
    await h.engine.up(program());
    const [integration] = h.emulator.snapshot().integrations;
    const [agent] = h.emulator.snapshot().agents;
    h.engine.host.stderr.length = 0;
    await h.engine.destroy();
    const snap = h.emulator.snapshot();
    expect(snap.integrations).toEqual([
      expect.objectContaining({ id: integration.id, name: "CRM", description: `${REMOVED_MARKER} Customer data`, authType: "API_KEY" }),
    ]);
    expect(snap.actions).toEqual([]);
    expect(snap.agents).toEqual([
      expect.objectContaining({ id: agent.id, disabled: true, description: `${REMOVED_MARKER} Answers`, hasDraft: false }),
    ]);
    expect(h.engine.host.stderr).toContain(
      `warning: Langdock has no API to delete or list agents: agent "Helper" (${agent.id}) was disabled, marked "[removed by Pulumi]" in its description and removed from the Pulumi state. A later pulumi up creates a new agent unless the program sets adoptId: "${agent.id}" to reuse this one; delete it in Langdock's web app if you no longer need it.`,
    );
    expect(h.engine.host.stderr.join("\n")).toContain(`integration "CRM" (${integration.id}) was removed from the Pulumi state and marked`);
  });

  it("three more destroy/up cycles leave one integration; the agent is reused when adoptId names it", async () => {
    const [integration] = h.emulator.snapshot().integrations;
    const [agent] = h.emulator.snapshot().agents;
    for (let cycle = 0; cycle < 3; cycle++) {
      h.engine.host.stderr.length = 0;
      h.emulator.resetLog();
      await h.engine.up(program(agent.id));
      // Same auth as before: no /auth call, so users' connections (which an authType change deletes) stay.
      expect(h.emulator.log.filter((e) => e.path.endsWith("/auth"))).toEqual([]);
      expect(h.emulator.count({ method: "POST", path: "/integrations/v1/create" })).toBe(0);
      expect(h.engine.host.stderr).toContain(
        `warning: integration "CRM": reusing ${integration.id}, which an earlier pulumi destroy left in Langdock marked "[removed by Pulumi]", instead of creating another.`,
      );
      const snap = h.emulator.snapshot();
      expect(snap.integrations).toEqual([expect.objectContaining({ id: integration.id, description: "Customer data" })]);
      expect(snap.agents).toEqual([expect.objectContaining({ id: agent.id, disabled: false, description: "Answers" })]);
      expect(snap.actions).toHaveLength(1);
      // The reused objects are what the program declares: the next preview is a no-op.
      expect((await h.engine.preview(program(agent.id))).steps.every((s) => s.op === "same")).toBe(true);
      await h.engine.destroy();
    }
    expect(h.emulator.snapshot().integrations).toHaveLength(1);
    expect(h.emulator.snapshot().agents).toHaveLength(1);
  });

  it("without adoptId an up after destroy creates a second agent (Langdock cannot list agents): what the README says", async () => {
    await h.engine.up(program());
    const agents = h.emulator.snapshot().agents;
    expect(agents).toHaveLength(2);
    expect(agents.filter((a) => a.disabled)).toEqual([expect.objectContaining({ description: `${REMOVED_MARKER} Answers` })]);
    expect(h.emulator.snapshot().integrations).toHaveLength(1);
  });
});
