import { changedInputs, planOf, type PreviewStep } from "../../tooling/pulumiCli";
import { describeWithCli, startWorld, type CliWorld } from "./cliSuite";
import { TestProgram } from "./program";

/**
 * What only the engine does, on one stack of a small program: drift and `--refresh`, a one-property
 * change, and the resource options (ignoreChanges, aliases, --target, protect, retainOnDelete).
 */
const STACK = "lifecycle";

describeWithCli("one stack through the real CLI: drift, changes and resource options", () => {
  jest.setTimeout(180_000);
  let world: CliWorld;
  let program: TestProgram;
  let ids: Record<string, string>;
  const pulumi = (...args: string[]) => world.cli.run(program.dir, args);
  const action = (id: string) => world.emulator.snapshot().actions.find((a) => a.id === id);
  const plan = async (...args: string[]) =>
    planOf(await world.cli.json(program.dir, ["preview", ...args])).filter((s) => !s.startsWith("same "));

  beforeAll(async () => {
    world = await startWorld();
    program = new TestProgram("lifecycle");
    await world.initStack(program.dir, STACK);
    await pulumi("up", "--yes");
    ids = JSON.parse((await pulumi("stack", "output", "ids", "--json")).stdout);
  });
  afterAll(async () => {
    if (world && program) await world.cli.run(program.dir, ["stack", "rm", "--yes", "--force", STACK], { allowFailure: true });
    await world?.stop();
  });

  it("an edit in Langdock fails `preview --refresh --expect-no-changes`; `up --refresh` restores it", async () => {
    world.emulator.editAction(ids.find, { description: "Edited in Langdock" });
    const gate = await world.cli.run(program.dir, ["preview", "--refresh", "--expect-no-changes"], { allowFailure: true });
    expect(gate.code).not.toBe(0);
    expect(`${gate.stdout}${gate.stderr}`).toMatch(/find/);
    await pulumi("up", "--refresh", "--yes");
    expect(action(ids.find)?.description).toBe("Finds a customer");
    await pulumi("preview", "--refresh", "--expect-no-changes");
  });

  it("one program change previews as exactly that update, and up makes one write", async () => {
    program.edit({ findDescription: "Finds a customer by email" });
    const preview = await world.cli.json(program.dir, ["preview"]);
    expect(planOf(preview).filter((s) => !s.startsWith("same "))).toEqual(["update find"]);
    // Only the description: in particular no `__provider` churn.
    expect(changedInputs(preview.steps.find((s: PreviewStep) => s.op === "update")!)).toEqual(["description"]);
    world.emulator.resetLog();
    await pulumi("up", "--yes");
    expect(world.writes()).toEqual([expect.stringMatching(/^(PUT|PATCH) \/integrations\/v1\/[^/]+\/actions\//)]);
    expect(action(ids.find)?.description).toBe("Finds a customer by email");
  });

  it("ignoreChanges silences a drifted property", async () => {
    world.emulator.editAction(ids.notes, { description: "Edited in Langdock" });
    await pulumi("refresh", "--yes");
    world.emulator.resetLog();
    await pulumi("preview", "--expect-no-changes");
    await pulumi("up", "--yes", "--expect-no-changes");
    expect(world.writes()).toEqual([]);
    expect(action(ids.notes)?.description).toBe("Edited in Langdock");
  });

  it("an aliases rename is not a replace: no create, no delete, no write", async () => {
    program.edit({ notesName: "notes-renamed" });
    expect(await plan()).toEqual([]);
    world.emulator.resetLog();
    await pulumi("up", "--yes");
    expect(world.writes()).toEqual([]);
    const state = JSON.parse((await pulumi("stack", "export")).stdout);
    const urns = state.deployment.resources.map((r: any) => r.urn);
    expect(urns).toContain(program.urn(STACK, "Action", "notes-renamed"));
    expect(urns).not.toContain(program.urn(STACK, "Action", "notes"));
    expect(action(ids.notes)).toBeDefined();
  });

  it("--target touches only its target", async () => {
    program.edit({ findDescription: "Finds a customer by id", keepDescription: "Kept, and targeted" });
    world.emulator.resetLog();
    await pulumi("up", "--yes", "--target", program.urn(STACK, "Action", "keep"));
    expect(world.writes()).toHaveLength(1);
    expect(action(ids.keep)?.description).toBe("Kept, and targeted");
    expect(action(ids.find)?.description).toBe("Finds a customer by email");
    expect(await plan()).toEqual(["update find"]);
    await pulumi("up", "--yes");
  });

  it("protect blocks destroy, with nothing deleted", async () => {
    program.edit({ protectAgent: true });
    await pulumi("up", "--yes");
    const destroy = await world.cli.run(program.dir, ["destroy", "--yes"], { allowFailure: true });
    expect(destroy.code).not.toBe(0);
    expect(`${destroy.stdout}${destroy.stderr}`).toMatch(/protected/);
    expect(world.emulator.snapshot().agents.find((a) => a.id === ids.helper)?.disabled).toBe(false);
    program.edit({ protectAgent: false });
    await pulumi("up", "--yes");
  });

  it("retainOnDelete leaves the object in Langdock when the program drops it, and at destroy", async () => {
    program.edit({ keep: false });
    world.emulator.resetLog();
    await pulumi("up", "--yes");
    expect(world.writes()).toEqual([]);
    expect(action(ids.keep)).toBeDefined();
    await pulumi("destroy", "--yes");
    expect(action(ids.keep)).toBeDefined();
    expect(action(ids.find)).toBeUndefined();
    expect(action(ids.notes)).toBeUndefined();
  });
});

describeWithCli("--parallel 1 and the default parallelism, through the real CLI", () => {
  jest.setTimeout(180_000);
  let world: CliWorld;

  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => {
    await world?.stop();
  });

  /** What Langdock holds for the stack's objects, without ids and times. */
  async function upAndDescribe(program: TestProgram, stack: string, args: string[]) {
    const pulumi = await world.initStack(program.dir, stack);
    await pulumi("up", "--yes", ...args);
    const ids = JSON.parse((await pulumi("stack", "output", "ids", "--json")).stdout);
    const snapshot = world.emulator.snapshot();
    const mine = (objects: any[]) =>
      objects
        .filter((o) => JSON.stringify(ids).includes(o.id))
        .map(({ name, description, code, disabled }) => ({ name: name.replace(/^P\d+ /, ""), description, code, disabled }))
        .sort((a, b) => a.name.localeCompare(b.name));
    const described = { actions: mine(snapshot.actions), agents: mine(snapshot.agents), integrations: mine(snapshot.integrations) };
    await pulumi("destroy", "--yes");
    await pulumi("stack", "rm", "--yes", stack);
    return described;
  }

  it("gives the same result", async () => {
    const one = await upAndDescribe(new TestProgram("parallel-one", { prefix: "P1", extraActions: 4 }), "p1", ["--parallel", "1"]);
    const many = await upAndDescribe(new TestProgram("parallel-many", { prefix: "P8", extraActions: 4 }), "p8", []);
    expect(one.actions).toHaveLength(7);
    expect(many).toEqual(one);
  });
});
