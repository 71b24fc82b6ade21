/**
 * The package side by side with the baseline (bench/baseline.ts): N actions created as the engine creates
 * them (Check, then Create with the checked inputs, for each resource; at most c resources at a time),
 * through the same real dynamic-provider host and the same emulator. Each run gets a fresh emulator and a
 * fresh host (spawned and configured before the clock starts), so the first Check and Create pay for
 * loading the provider as in a real `pulumi up`. In every round each cell runs both contenders back to
 * back, package first in even rounds and baseline first in odd ones; the per-round ratio of the two is
 * robust to what else the machine does meanwhile.
 */
import * as fs from "fs";
import * as path from "path";
import { actionRegistrations, actionUrn, baselineEnv, CONTENDERS, type Contender } from "./baseline";
import { engineConfig, LATENCY_MS, pool, type Modules } from "./common";
import { latencyIdealMs } from "./ideal";
import { hostCpuMs } from "./machine";
import { components, hostProfilerEnv, readProfile, startHostProfile, type Components } from "./profile";
import { spread, type Spread } from "./stats";

export interface PairedOptions {
  sizes: number[];
  concurrencies: number[];
  rounds: number;
  /** The cell profiled once per contender after the rounds (not timed); null: no profile. */
  profile: { n: number; c: number } | null;
  log?: (line: string) => void;
}

export interface PairedRun {
  contender: Contender;
  n: number;
  c: number;
  round: number;
  /** 0 if this contender ran first in its round. */
  position: number;
  wallMs: number;
  /** CPU time (user + system) of the provider host during the run. */
  hostCpuMs: number;
  /** CPU time of this process (the engine's side of gRPC and the in-process emulator) during the run. */
  benchCpuMs: number;
  /** Requests the emulator logged during the run. */
  calls: number;
}

export interface ContenderStats {
  wallMs: Spread;
  /** Wall time ÷ the latency-bound ideal. */
  idealRatio: Spread;
  hostCpuPerOpMs: Spread;
  benchCpuPerOpMs: Spread;
  callsPerOp: number;
}

export interface PairedCell {
  n: number;
  c: number;
  idealMs: number;
  package: ContenderStats;
  baseline: ContenderStats;
  /** Per round: the package's wall time ÷ the baseline's in the same round. */
  wallRatio: Spread;
  /** Per round: the package's host CPU ÷ the baseline's. */
  hostCpuRatio: Spread;
}

export interface HostProfile {
  n: number;
  c: number;
  /** Milliseconds of host CPU per component, per contender. */
  components: Record<Contender, Components>;
}

export interface PairedResult {
  options: Omit<PairedOptions, "log">;
  runs: PairedRun[];
  cells: PairedCell[];
  profile: HostProfile | null;
}

export async function measurePaired(m: Modules, options: PairedOptions): Promise<PairedResult> {
  const log = options.log ?? (() => undefined);
  const registrations = await actionRegistrations(m);
  const runs: PairedRun[] = [];
  for (let round = 0; round < options.rounds; round++) {
    const order = round % 2 === 0 ? CONTENDERS : [...CONTENDERS].reverse();
    for (const n of options.sizes) {
      for (const c of options.concurrencies) {
        const pair = [];
        for (const [position, contender] of order.entries()) {
          const measured = await createActions(m, registrations[contender], contender, n, c);
          pair.push({
            contender,
            n,
            c,
            round,
            position,
            wallMs: measured.wallMs,
            hostCpuMs: measured.hostCpuMs,
            benchCpuMs: measured.benchCpuMs,
            calls: measured.calls,
          });
        }
        runs.push(...pair);
        log(
          `  round ${round + 1}/${options.rounds}, ${n} actions at c${c}: ${pair.map((r) => `${r.contender} ${Math.round(r.wallMs)} ms`).join(", ")}`,
        );
      }
    }
  }
  const cells = options.sizes.flatMap((n) => options.concurrencies.map((c) => summarize(runs, n, c)));
  let profile: HostProfile | null = null;
  if (options.profile) {
    const { n, c } = options.profile;
    log(`  profiling the host: ${n} actions at c${c}, once per contender`);
    const byContender = {} as Record<Contender, Components>;
    for (const contender of CONTENDERS) {
      byContender[contender] = (await createActions(m, registrations[contender], contender, n, c, { profile: true })).profile!;
    }
    profile = { n, c, components: byContender };
  }
  const { log: _log, ...recorded } = options;
  return { options: recorded, runs, cells, profile };
}

/** A fresh emulator, integration and host; then Check + Create of `n` actions at concurrency `c`, timed. */
async function createActions(
  m: Modules,
  registered: Record<string, unknown>,
  contender: Contender,
  n: number,
  c: number,
  opts: { profile?: boolean } = {},
): Promise<{ wallMs: number; hostCpuMs: number; benchCpuMs: number; calls: number; profile?: Components }> {
  const emulator = await m.testing.LangdockEmulator.start({ latencyMs: LATENCY_MS });
  const profileFile = path.join(m.dir, `paired-${contender}-${process.pid}-${Date.now()}.cpuprofile`);
  try {
    const integrationId = await createIntegration(emulator.url, emulator.apiKey);
    const env = { ...baselineEnv(emulator), ...(opts.profile ? hostProfilerEnv(m.dir, profileFile) : {}) };
    // Both hosts get the same config and environment; only `__provider` differs.
    const host = await m.testing.startProviderHost({ cwd: m.dir, config: engineConfig(emulator), project: "bench", env });
    let measured: { wallMs: number; hostCpuMs: number; benchCpuMs: number; calls: number };
    try {
      if (opts.profile) await startHostProfile(host.pid);
      emulator.resetLog();
      const cpu0 = hostCpuMs(host.pid);
      const benchCpu0 = process.cpuUsage();
      const t0 = performance.now();
      await pool(
        Array.from({ length: n }, (_, i) => i),
        c,
        async (i) => {
          const urn = actionUrn(contender, i);
          const news = { ...registered, integrationId, name: `Action ${i}`, description: `Benchmark action ${i}` };
          const checked = await host.check(urn, {}, news);
          if (checked.failures.length) throw new Error(`${contender}: check of action ${i} failed: ${JSON.stringify(checked.failures)}`);
          await host.create(urn, checked.inputs);
        },
      );
      const wallMs = performance.now() - t0;
      const benchCpu = process.cpuUsage(benchCpu0);
      measured = {
        wallMs,
        hostCpuMs: hostCpuMs(host.pid) - cpu0,
        benchCpuMs: (benchCpu.user + benchCpu.system) / 1000,
        calls: emulator.log.length,
      };
    } finally {
      await host.stop();
    }
    const failed = emulator.log.filter((e) => e.status >= 300 || e.status === 0).length;
    if (failed) throw new Error(`${contender}: ${failed} of ${emulator.log.length} requests failed`);
    const profile = opts.profile && fs.existsSync(profileFile) ? components(readProfile(profileFile)) : undefined;
    if (opts.profile && !profile) throw new Error(`${contender}: the host wrote no CPU profile`);
    return { ...measured, profile };
  } finally {
    fs.rmSync(profileFile, { force: true });
    await emulator.close();
  }
}

export async function createIntegration(baseUrl: string, apiKey: string): Promise<string> {
  const response = await fetch(`${baseUrl}/integrations/v1/create`, {
    method: "POST",
    headers: { Authorization: `Bearer ${apiKey}`, "Content-Type": "application/json" },
    body: JSON.stringify({ name: "Bench integration" }),
  });
  if (!response.ok) throw new Error(`creating the bench integration: HTTP ${response.status}`);
  return ((await response.json()) as { integration: { id: string } }).integration.id;
}

function summarize(runs: PairedRun[], n: number, c: number): PairedCell {
  const idealMs = latencyIdealMs(n, LATENCY_MS, c, 1)!;
  const cell = runs.filter((r) => r.n === n && r.c === c);
  const stats = (contender: Contender): ContenderStats => {
    const mine = cell.filter((r) => r.contender === contender);
    return {
      wallMs: spread(mine.map((r) => r.wallMs)),
      idealRatio: spread(mine.map((r) => r.wallMs / idealMs)),
      hostCpuPerOpMs: spread(mine.map((r) => r.hostCpuMs / n)),
      benchCpuPerOpMs: spread(mine.map((r) => r.benchCpuMs / n)),
      callsPerOp: mine.length ? mine.reduce((a, r) => a + r.calls, 0) / mine.length / n : NaN,
    };
  };
  const rounds = [...new Set(cell.map((r) => r.round))];
  const pairs = rounds.map((round) => {
    const get = (contender: Contender) => cell.find((r) => r.round === round && r.contender === contender)!;
    return { pkg: get("package"), base: get("baseline") };
  });
  return {
    n,
    c,
    idealMs,
    package: stats("package"),
    baseline: stats("baseline"),
    wallRatio: spread(pairs.map((p) => p.pkg.wallMs / p.base.wallMs)),
    hostCpuRatio: spread(pairs.map((p) => p.pkg.hostCpuMs / p.base.hostCpuMs)),
  };
}
