import * as fs from "fs";
import { planOf } from "../../tooling/pulumiCli";
import { describeWithCli, startWorld, type CliWorld } from "./cliSuite";
import { TestProgram } from "./program";

/**
 * `pulumi up` killed with SIGKILL while Langdock is still creating objects (the provider process
 * outlives the CLI and completes them, so they exist in Langdock but not in the state), then the
 * recovery docs/guides/pulumi-cli.md gives: no duplicate in Langdock, and a clean preview after.
 */
const ACTION_CREATE = /^\/integrations\/v1\/[^/]+\/actions\/create$/;
const AGENT_CREATE = "/agent/v1/create";

/** Every process below `pid` (the language host, the program, the provider host), read from /proc. */
function descendants(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc").filter((e) => /^\d+$/.test(e))) {
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // exited meanwhile
    }
  }
  const found: number[] = [];
  const visit = (p: number) => (parents.get(p) ?? []).forEach((c) => (found.push(c), visit(c)));
  visit(pid);
  return found;
}

async function until(what: string, condition: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describeWithCli("an `up` killed with SIGKILL in the middle of creates, then the documented recovery", () => {
  jest.setTimeout(240_000);
  let world: CliWorld;
  const orphans: number[] = [];

  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => {
    for (const pid of orphans) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    await world?.stop();
  });

  /** Starts `pulumi up`, SIGKILLs the CLI alone once `ready()` holds, and waits for `settled()` in Langdock. */
  async function killedUp(program: TestProgram, ready: () => boolean, settled: () => boolean) {
    let pid = 0;
    const up = world.cli.run(program.dir, ["up", "--yes", "--skip-preview"], { allowFailure: true, onSpawn: (c) => (pid = c.pid!) });
    await until("the creates to start", ready);
    const children = descendants(pid);
    orphans.push(...children);
    process.kill(pid, "SIGKILL");
    const result = await up;
    expect(result.signal).toBe("SIGKILL");
    // The provider process lives on and completes what it sent: objects Langdock has, the state does not.
    await until("Langdock to complete the creates", settled);
    for (const child of children) {
      try {
        process.kill(child, "SIGKILL");
      } catch {
        // already gone
      }
    }
  }

  const pendingCreates = async (program: TestProgram) => {
    const state = JSON.parse((await world.cli.run(program.dir, ["stack", "export"])).stdout);
    return (state.deployment.pending_operations ?? [])
      .filter((op: any) => op.type === "creating")
      .map((op: any) => op.resource.urn as string);
  };

  it("during action creates: `pulumi refresh --clear-pending-creates`, then `pulumi up`, leaves no duplicate", async () => {
    const program = new TestProgram("interrupted-actions", { prefix: "K1", extraActions: 3 });
    const pulumi = await world.initStack(program.dir, "killed");
    const { emulator } = world;
    emulator.faults.stall({ ms: 4_000, count: 6, match: { method: "POST", path: ACTION_CREATE } });
    const integrationCreated = () => emulator.count({ method: "POST", path: "/integrations/v1/create" }) === 1;
    let startedAt = 0;
    await killedUp(
      program,
      () => integrationCreated() && (startedAt ||= Date.now()) + 2_000 < Date.now(),
      () => emulator.count({ method: "POST", path: ACTION_CREATE }) === 6,
    );
    expect((await pendingCreates(program)).length).toBeGreaterThan(0);
    const actionsIn = () => emulator.snapshot().actions.filter((a) => a.name.startsWith("K1 "));
    expect(actionsIn()).toHaveLength(6);

    await pulumi("cancel", "--yes");
    await pulumi("refresh", "--clear-pending-creates", "--yes");
    await pulumi("up", "--yes");
    const names = actionsIn().map((a) => a.name);
    expect(names.sort()).toEqual(["K1 Extra 0", "K1 Extra 1", "K1 Extra 2", "K1 Find customer", "K1 Keep", "K1 Write note"]);
    expect(planOf(await world.cli.json(program.dir, ["preview"])).filter((s) => !s.startsWith("same "))).toEqual([]);
    await pulumi("destroy", "--yes");
    await pulumi("stack", "rm", "--yes");
  });

  it("during an agent's create: `pulumi refresh --clear-pending-creates`, then `pulumi up` with the agent's adoptId, leaves no duplicate", async () => {
    const program = new TestProgram("interrupted-agent", { prefix: "K2" });
    const pulumi = await world.initStack(program.dir, "killed");
    const { emulator } = world;
    emulator.faults.stall({ ms: 4_000, count: 1, match: { method: "POST", path: AGENT_CREATE } });
    const before = emulator.count({ method: "POST", path: AGENT_CREATE });
    const actionsBefore = emulator.count({ method: "POST", path: ACTION_CREATE });
    let startedAt = 0;
    const agentsNamed = () => emulator.snapshot().agents.filter((a) => a.name === "K2 helper");
    await killedUp(
      program,
      () => emulator.count({ method: "POST", path: ACTION_CREATE }) >= actionsBefore + 3 && (startedAt ||= Date.now()) + 2_000 < Date.now(),
      () => agentsNamed().length === 1,
    );
    expect(emulator.count({ method: "POST", path: AGENT_CREATE })).toBe(before + 1);
    const urn = program.urn("killed", "Agent", "helper");
    expect(await pendingCreates(program)).toEqual([urn]);

    // Langdock cannot list agents, so no create can find this one again by itself; its id is in
    // Langdock's web app (the agent's URL), and adoptId takes it over.
    const [agent] = agentsNamed();
    await pulumi("cancel", "--yes");
    await pulumi("refresh", "--clear-pending-creates", "--yes");
    program.edit({ agentAdoptId: agent.id });
    await pulumi("up", "--yes");
    expect(agentsNamed()).toHaveLength(1);
    expect(JSON.parse((await pulumi("stack", "output", "ids", "--json")).stdout).helper).toBe(agent.id);
    await pulumi("preview", "--expect-no-changes");
    // Once adopted, adoptId may stay or go: neither is a change.
    program.edit({ agentAdoptId: undefined });
    await pulumi("preview", "--expect-no-changes");
    await pulumi("destroy", "--yes");
    await pulumi("stack", "rm", "--yes");
  });
});
