/** Provider start-up: check then create of a first (cold) and second (warm) resource of each kind in a fresh host. */
import { engineConfig, LATENCY_MS, registeredInputs, type Kind, type Modules } from "./common";
import { median } from "./stats";

export const STARTUP_REPEATS = 3;
export interface StartupSample {
  kind: Kind;
  phase: "cold" | "warm";
  /** Check RPC round trip (the host deserializes and configures the provider on a kind's first call). */
  checkMs: number;
  /** From sending the create RPC to the emulator receiving its first request. */
  createToRequestMs: number;
  /** From sending the check RPC (the host loading the provider) to the first request. */
  loadToRequestMs: number;
}

export interface Startup {
  spawnMs: number[];
  samples: StartupSample[][];
}

/**
 * In a fresh host, for each kind in turn: check then create a first resource (cold: the host
 * deserializes `__provider`, calls configure, the shell loads the runtime, the client and the kind's
 * code) and a second one (warm). Timestamps: this process sends the RPCs, and the in-process emulator
 * stamps the arrival of each request (same clock), so RPC → first request excludes the latency.
 */
export async function measureStartup(m: Modules): Promise<Startup> {
  const inputs = await registeredInputs(m);
  const result: Startup = { spawnMs: [], samples: [] };
  for (let r = 0; r < STARTUP_REPEATS; r++) {
    const emulator = await m.testing.LangdockEmulator.start({ latencyMs: LATENCY_MS });
    const t0 = Date.now();
    const host = await m.testing.startProviderHost({ cwd: m.dir, config: engineConfig(emulator), project: "bench" });
    result.spawnMs.push(Date.now() - t0);
    const samples: StartupSample[] = [];
    try {
      let integrationId = "";
      let actionId = "";
      for (const kind of ["Integration", "Action", "Agent"] as const) {
        for (const phase of ["cold", "warm"] as const) {
          const news: Record<string, unknown> = { ...inputs[kind], name: `${kind} ${phase}` };
          if (kind === "Action") news.integrationId = integrationId;
          if (kind === "Agent") news.actions = [{ actionId, requiresConfirmation: false }];
          const urn = `urn:pulumi:bench::bench::pulumi-nodejs:dynamic/langdock:${kind}::${kind.toLowerCase()}-${phase}`;
          emulator.resetLog();
          const tCheck = Date.now();
          const checked = await host.check(urn, {}, news);
          const checkMs = Date.now() - tCheck;
          if (checked.failures.length) throw new Error(`check of ${kind} failed: ${JSON.stringify(checked.failures)}`);
          const tCreate = Date.now();
          const created = await host.create(urn, checked.inputs);
          const first = emulator.log[0];
          if (!first) throw new Error(`create of ${kind} made no request`);
          samples.push({ kind, phase, checkMs, createToRequestMs: first.startedAt - tCreate, loadToRequestMs: first.startedAt - tCheck });
          if (kind === "Integration") integrationId = created.id;
          if (kind === "Action") actionId = created.id;
        }
      }
    } finally {
      await host.stop();
      await emulator.close();
    }
    result.samples.push(samples);
  }
  return result;
}

export function startupTable(s: Startup): [string[], string[][], boolean[]] {
  const rows: string[][] = [];
  const kinds = s.samples[0].map((x) => `${x.kind}|${x.phase}`);
  for (const key of kinds) {
    const [kind, phase] = key.split("|");
    const pick = (f: (x: StartupSample) => number) =>
      median(s.samples.map((run) => f(run.find((x) => x.kind === kind && x.phase === phase)!)));
    rows.push([
      kind,
      phase,
      `${pick((x) => x.checkMs)} ms`,
      `${pick((x) => x.createToRequestMs)} ms`,
      `${pick((x) => x.loadToRequestMs)} ms`,
    ]);
  }
  return [
    ["resource", "host", "check RPC", "create RPC → 1st request", "check sent → 1st request"],
    rows,
    [false, false, true, true, true],
  ];
}
