import { urnOf } from "../helpers/engineHarness";
import { declaredObjects, stackProgram, tally, useStack, type TrackedStack } from "./kit";

/**
 * Issue 22: one object, one resource. Every uncertain create of a kind Langdock can list (integration,
 * action, trigger), for each unusable answer, ends with the object in the state (adopted, or kept as
 * partial state) or a failure naming it, and the next up leaves exactly one object; no two resources
 * ever hold one id (adoptId twice, two same-named integrations reviving one marked integration).
 */
jest.setTimeout(180_000);

const figures = tally("identity");
const POST = (path: string | RegExp) => ({ method: "POST", path });
const CREATES = { Integration: POST("/integrations/v1/create"), Action: POST(/\/actions\/create$/), Trigger: POST(/\/triggers\/create$/) };
type Envelope = { integration?: Record<string, unknown>; action?: Record<string, unknown>; trigger?: Record<string, unknown> };
const inner = (real: unknown) => Object.values(real as Envelope)[0] as Record<string, unknown>;
const envelopeKey = (real: unknown) => Object.keys(real as Envelope)[0]!;

/** The unusable answers of issue 22, as garbleAfterCommit bodies (Langdock committed the create first). */
const ANSWERS: Record<string, { body: string | ((real: unknown) => string); status?: number; contentType?: string }> = {
  "an HTML 200": { body: "<html><body>OK</body></html>", status: 200, contentType: "text/html" },
  "an empty 201": { body: "", status: 201 },
  "{}": { body: "{}" },
  "an envelope without id": { body: (real) => JSON.stringify({ [envelopeKey(real)]: { ...inner(real), id: undefined } }) },
  "a numeric id": { body: (real) => JSON.stringify({ [envelopeKey(real)]: { ...inner(real), id: 123 } }) },
};

/** Starts each case from an empty workspace: destroy, then what destroy cannot remove (integrations are only marked). */
async function reset(s: TrackedStack) {
  s.clearFaults();
  await s.destroy();
  for (const i of s.emulator.snapshot().integrations) s.emulator.deleteIntegration(i.id);
}

describe("issue 22: uncertain creates of every listable kind, per unusable answer", () => {
  const s = useStack(figures);

  it.each(Object.keys(ANSWERS))(
    "%s for an integration, an action and a trigger: each is kept in the state, the next up converges with exactly one object",
    async (answer) => {
      await reset(s);
      const { body, status, contentType } = ANSWERS[answer]!;
      for (const match of Object.values(CREATES)) s.emulator.faults.garbleAfterCommit({ match, body, status, contentType });
      const first = await s.up(stackProgram(s.h)).then(
        () => undefined,
        (e: Error) => e,
      );
      expect(s.emulator.faults.injected.garbleAfterCommit).toBe(3);
      const failures = first && "failures" in first ? (first as { failures: { urn: string; message: string }[] }).failures : [];
      // A failure is the object kept as partial state (its id is in the state) or one that names it.
      for (const f of failures) {
        const id = s.engine.state[f.urn]?.id;
        expect({ [f.urn]: id !== undefined || /[0-9a-f-]{36}/.test(f.message) }).toEqual({ [f.urn]: true });
      }
      const audit = s.audit();
      s.count(audit);
      expect(audit).toMatchObject({ duplicates: [], orphans: [], shared: [], dangling: [] });
      s.clearFaults();
      await s.up(stackProgram(s.h));
      s.expectConverged();
      expect(s.audit().held).toEqual(declaredObjects());
    },
  );

  it("a dropped connection after the commit, for all three kinds at once: one up adopts them, no duplicate", async () => {
    await reset(s);
    for (const match of Object.values(CREATES)) s.emulator.faults.dropAfterCommit({ match });
    await s.up(stackProgram(s.h));
    expect(s.emulator.faults.injected.dropAfterCommit).toBe(3);
    s.expectConverged();
    const adopted = s.engine.host.stderr.filter((l) =>
      /after an interrupted create.*(identical to this program|matches the program)/.test(l),
    );
    expect(adopted.length).toBeGreaterThanOrEqual(3);
  });
});

describe("issue 22: no two resources hold one id", () => {
  const s = useStack(figures);

  it("the same adoptId on two actions, two agents or two integrations fails at check, naming the other resource, before any write", async () => {
    const crm = await s.handBuilt("/integrations/v1/create", { name: "Hand CRM" }, "integration");
    const action = await s.handBuilt(`/integrations/v1/${crm}/actions/create`, { name: "Hand action", code: "return 1;" }, "action");
    const agent = await s.handBuilt("/agent/v1/create", { name: "Hand agent" }, "agent");
    s.emulator.resetLog();
    const err = await s.failing(
      s.preview(() => {
        const { Integration, Action, Agent } = s.h.langdock;
        new Integration("twin-a", { name: "Twin A", adoptId: crm });
        new Integration("twin-b", { name: "Twin B", adoptId: crm });
        new Action("copy-a", { integrationId: crm, name: "Copy A", adoptId: action, unmanaged: ["code", "inputFields"] });
        new Action("copy-b", { integrationId: crm, name: "Copy B", adoptId: action, unmanaged: ["code", "inputFields"] });
        new Agent("double-a", { name: "Double A", adoptId: agent });
        new Agent("double-b", { name: "Double B", adoptId: agent });
      }),
    );
    expect(err.failures.map((f) => `${f.urn.split("::").pop()}: ${f.message}`).sort()).toEqual([
      expect.stringMatching(
        new RegExp(
          `^copy-b: .*adoptId: action ${action} is already adopted by another resource of this program, action "Copy A"; one Langdock object can be managed by one resource only: remove adoptId from one of them\\.`,
        ),
      ),
      expect.stringMatching(
        new RegExp(
          `^double-b: .*adoptId: agent ${agent} is already adopted by another resource of this program, agent "Double A"; one Langdock object can be managed by one resource only: remove adoptId from one of them\\.`,
        ),
      ),
      expect.stringMatching(
        new RegExp(
          `^twin-b: .*adoptId: integration ${crm} is already adopted by another resource of this program, integration "Twin A"; one Langdock object can be managed by one resource only: remove adoptId from one of them\\.`,
        ),
      ),
    ]);
    expect(s.emulator.log.filter((e) => e.method !== "GET")).toEqual([]);
  });

  it("an adoptId naming an object another resource of the program holds in its state fails before any write", async () => {
    await s.up(stackProgram(s.h));
    const crm = s.engine.state[urnOf("Integration", "crm")]!;
    const writesBefore = s.emulator.log.filter((e) => e.method !== "GET").length;
    const err = await s.failing(
      s.up(() => {
        stackProgram(s.h)();
        new s.h.langdock.Integration("thief", { name: "Thief", adoptId: crm.id });
      }),
    );
    expect(err.failures.map((f) => f.message)).toEqual([
      expect.stringMatching(
        new RegExp(`integration ${crm.id} is already (managed|adopted) by another resource of this program, integration "CRM Reliability"`),
      ),
    ]);
    expect(s.emulator.log.filter((e) => e.method !== "GET").length).toBe(writesBefore);
    const audit = s.audit();
    s.figures.shared += audit.shared.length;
    expect(audit.shared).toEqual([]);
  });

  it("two same-named integrations after a destroy: one reuses the marked integration, the other is created", async () => {
    const program = () => ({
      a: new s.h.langdock.Integration("same-a", { name: "Same name" }).id,
      b: new s.h.langdock.Integration("same-b", { name: "Same name" }).id,
    });
    await s.up(program);
    await s.destroy();
    const marked = s.emulator.snapshot().integrations.filter((i) => i.name === "Same name");
    expect(marked).toHaveLength(2);
    // Only one marked integration left: the two resources must not both reuse it.
    s.emulator.deleteIntegration(marked[1]!.id);
    const result = await s.up(program);
    const a = result.outputs.a as string;
    const b = result.outputs.b as string;
    expect(a).not.toBe(b);
    expect([a, b]).toContain(marked[0]!.id);
    const audit = s.audit();
    s.figures.shared += audit.shared.length;
    expect(audit.shared).toEqual([]);
    expect(s.emulator.snapshot().integrations.filter((i) => i.name === "Same name")).toHaveLength(2);
    await s.destroy();
    await s.finish();
    expect(s.leaks).toEqual([]);
  });
});
