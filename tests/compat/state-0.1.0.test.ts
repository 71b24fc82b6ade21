import * as fs from "fs";
import * as path from "path";
import type * as TestingModule from "../../provider/testing";
import type { EngineState, LocalEngine } from "../../provider/testing";
import { opsOf, startHarness, urnOf, type Harness } from "../helpers/engineHarness";
import { requireInstalled } from "../../tooling/installPackage";

/**
 * Stacks created with 0.1.0 store `__provider` = `require("pulumi-langdock/shells/<kind>")` (see the
 * fixture). After upgrading, `pulumi refresh` and `pulumi destroy` load the provider from that stored
 * text, and the first `up` diffs and updates against 0.1.0's outputs: all of it must keep working
 * through the real host, with no surprise diff from the new `__provider` text.
 */
const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "fixtures", "state-0.1.0.json"), "utf8")) as { state: EngineState };
const OLD_PROVIDER = (kind: string) => `const provider = require("pulumi-langdock/shells/${kind.toLowerCase()}");`;
const NAMES = { Integration: "crm", Action: "find", Trigger: "new-customer", Agent: "helper" } as const;
type Kind = keyof typeof NAMES;

describe("state written by 0.1.0, after the upgrade", () => {
  let h: Harness;
  let testing: typeof TestingModule;
  let engine: LocalEngine | undefined;

  /** The program 0.1.0's state came from; `description` changes the action. */
  const program =
    (description = "Finds a customer") =>
    () => {
      const { Integration, Action, Trigger, Agent } = h.langdock;
      const integration = new Integration("crm", { name: "CRM", description: "Customer data" });
      const action = new Action("find", {
        integrationId: integration.id,
        name: "Find customer",
        description,
        code: "return { ok: true };",
        inputFields: [{ label: "Email", required: true }],
      });
      new Trigger("new-customer", { integrationId: integration.id, name: "New customer", pollingCode: "return [];" });
      new Agent("helper", { name: "Helper", instruction: "Help.", actions: [{ actionId: action.id }] });
      return {};
    };

  /** The fixture with the ids (and creation times) of the objects now in the emulator. */
  const oldState = (live: EngineState): EngineState => {
    let text = JSON.stringify(fixture.state);
    for (const { name, id } of Object.values(live)) text = text.replaceAll(`<id of ${name}>`, id);
    expect(text).not.toContain("<id of");
    const state = JSON.parse(text) as EngineState;
    for (const [urn, res] of Object.entries(state)) {
      for (const key of ["createdAt", "updatedAt"]) if (key in res.outputs) res.outputs[key] = live[urn].outputs[key];
    }
    return state;
  };
  const providerOf = (state: EngineState, kind: Kind) => state[urnOf(kind, NAMES[kind])].outputs.__provider as string;

  beforeAll(async () => {
    h = await startHarness();
    testing = requireInstalled<typeof TestingModule>("pulumi-langdock/testing");
  });
  afterAll(async () => {
    await engine?.stop();
    await h?.stop();
  });

  it("holds 0.1.0's serialized shells", () => {
    for (const kind of Object.keys(NAMES) as Kind[]) {
      const res = fixture.state[urnOf(kind, NAMES[kind])];
      expect(res.inputs.__provider).toBe(res.outputs.__provider);
      expect(res.outputs.__provider).toContain(OLD_PROVIDER(kind));
    }
  });

  it("refreshes, updates and destroys through a fresh host", async () => {
    // The objects 0.1.0 created, in Langdock; then a fresh host that knows them only from 0.1.0's state.
    await h.engine.up(program());
    const live = h.engine.state;
    const ids = Object.fromEntries(Object.values(live).map((r) => [r.name, r.id]));
    engine = await testing.LocalEngine.start({
      cwd: h.dir,
      config: { "langdock:apiKey": h.emulator.apiKey, "langdock:baseUrl": h.emulator.url },
      project: "consumer",
      stack: "test",
      state: oldState(live),
      callTimeoutMs: 20_000,
    });

    // Refresh loads `require("pulumi-langdock/shells/<kind>")`: nothing drifted, nothing changed.
    const refreshed = await engine.refresh();
    // 0.1.0 stored Langdock's "" for the agent's unset description; the upgraded read spells it as absent
    // (as a create now does), and the agent gained the output extendedThinking. Those outputs are the ones
    // refresh rewrites, once; no input drifted.
    expect(opsOf(refreshed.steps)).toEqual(["same crm", "same find", "same new-customer", "update helper"]);
    expect(refreshed.steps.find((s) => s.op === "update")?.changes).toEqual([
      { property: "description", old: "" },
      { property: "extendedThinking", new: false },
    ]);
    expect(engine.state[urnOf("Action", "find")].inputs).toEqual(oldState(live)[urnOf("Action", "find")].inputs);
    for (const kind of Object.keys(NAMES) as Kind[]) expect(providerOf(engine.state, kind)).toContain(OLD_PROVIDER(kind));

    // The upgraded program brings a new `__provider` text; it is not a change.
    const same = await engine.up(program());
    expect(opsOf(same.steps)).toEqual(["same crm", "same find", "same helper", "same new-customer"]);

    // A real change updates in place against 0.1.0's outputs.
    const updated = await engine.up(program("Finds a customer by email"));
    expect(opsOf(updated.steps)).toEqual(["same crm", "same helper", "same new-customer", "update find"]);
    const action = h.emulator.snapshot().actions.find((a) => a.id === ids.find);
    expect(action).toMatchObject({ description: "Finds a customer by email" });
    expect(providerOf(engine.state, "Action")).toContain('require("pulumi-langdock/runtime")');
    for (const kind of ["Integration", "Trigger", "Agent"] as const) expect(providerOf(engine.state, kind)).toContain(OLD_PROVIDER(kind));

    // Destroy: the trigger, agent and integration through 0.1.0's shells, the action through the new text.
    const destroyed = await engine.destroy();
    expect(opsOf(destroyed.steps)).toEqual(["delete crm", "delete find", "delete helper", "delete new-customer"]);
    const after = h.emulator.snapshot();
    expect(after.actions.map((a) => a.id)).not.toContain(ids.find);
    expect(after.triggers.map((t) => t.id)).not.toContain(ids["new-customer"]);
    expect(after.agents.find((a) => a.id === ids.helper)).toMatchObject({ disabled: true });
    expect(engine.state).toEqual({});
  });

  it("serves every provider method through 0.1.0's shell text", async () => {
    const host = await testing.startProviderHost({
      cwd: h.dir,
      config: { "langdock:apiKey": h.emulator.apiKey, "langdock:baseUrl": h.emulator.url },
      callTimeoutMs: 20_000,
    });
    try {
      const provider = fixture.state[urnOf("Integration", "crm")].outputs.__provider as string;
      const urn = urnOf("Integration", "direct");
      const { inputs, failures } = await host.check(urn, {}, { __provider: provider, name: "Direct" });
      expect(failures).toEqual([]);
      const created = await host.create(urn, inputs);
      expect(created.properties.__provider).toBe(provider);
      const checked = await host.check(urn, inputs, { __provider: provider, name: "Direct", description: "Changed" });
      expect(await host.diff(urn, created.id, created.properties, checked.inputs)).toMatchObject({ changes: true, replaces: [] });
      const updated = await host.update(urn, created.id, created.properties, checked.inputs, inputs);
      expect(updated.properties).toMatchObject({ description: "Changed", __provider: provider });
      expect((await host.read(urn, created.id, updated.properties)).id).toBe(created.id);
      await host.delete(urn, created.id, updated.properties);
    } finally {
      await host.stop();
    }
  });
});
