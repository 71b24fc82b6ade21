/** The latency-bound runs: create, no-op diff, update, refresh, delete of a workload through LocalEngine. */
import type { LocalEngine, RequestLogEntry } from "../provider/testing";
import { engineConfig, LATENCY_MS, type Modules } from "./common";
import { latencyIdealMs, rateLimitMinWithHistoryMs, type WindowLimit } from "./ideal";
import { cpuSnapshot, hostCpuMs, hostMemory, othersBusyCores } from "./machine";
import { fmtBytes, fmtMs, fmtRatio } from "./report";
import { program, resourceCount, workload, type Workload } from "./workload";

export const SIZES = [10, 100, 500];
export const CONCURRENCIES = [10, 50];
export type OpName = "create" | "no-op diff" | "update" | "refresh" | "delete";
/** Longest chain of requests that must follow one another: integration → action → agent on create, agent → action on delete. */
export const DEPTH: Record<OpName, number> = { create: 3, "no-op diff": 0, update: 1, refresh: 1, delete: 2 };

export interface OpResult {
  op: OpName;
  workload: Workload;
  concurrency: number;
  wallMs: number;
  /** Requests the emulator logged during the operation (including 429s). */
  requests: number;
  /** Requests answered 429 by the rate limit. */
  rateLimited: number;
  /** Requests that were not rate limited: the calls the operation needed. */
  calls: number;
  idealMs: number | null;
  ratio: number | null;
  failures: number;
  steps: Record<string, number>;
  /** CPU time of this process (engine, program, emulator) and of the provider host during the operation. */
  engineCpuMs: number;
  hostCpuMs: number;
  /** Refresh only: resources read (each waits for at least one round trip, even when it shares a GET). */
  reads?: number;
}
/** create, no-op diff, update, refresh, delete of `w` through a fresh host and emulator. */
/** The sequence of every size at every concurrency, each with a fresh host and emulator. */
export async function runLatencyBound(
  m: Modules,
  sizes: number[],
  log: (line?: string) => void,
): Promise<{ runs: OpResult[]; memory: Memory[]; busy: Array<{ what: string; othersCores: number }> }> {
  const runs: OpResult[] = [];
  const memory: Memory[] = [];
  const busy: Array<{ what: string; othersCores: number }> = [];
  for (const n of sizes) {
    for (const c of CONCURRENCIES) {
      const w = workload(n);
      const t0 = Date.now();
      const cpu0 = cpuSnapshot();
      const { results, hwmBytes, rssBytes, baselineBytes } = await runSequence(m, w, c, null);
      const othersCores = othersBusyCores(cpu0, cpuSnapshot());
      busy.push({ what: `${n} actions c${c}`, othersCores });
      runs.push(...results);
      memory.push({ workload: w, concurrency: c, hwmBytes, rssBytes, baselineBytes });
      log(
        `  ${n} actions + ${w.agents} agents on ${w.integrations} integration(s), concurrency ${c}: ${fmtMs(Date.now() - t0)} (host peak RSS ${fmtBytes(hwmBytes)}; other processes busy ${othersCores.toFixed(2)} cores)`,
      );
    }
  }
  return { runs, memory, busy };
}

export async function runSequence(
  m: Modules,
  w: Workload,
  concurrency: number,
  rateLimit: WindowLimit | null,
): Promise<{ results: OpResult[]; hwmBytes: number; rssBytes: number; baselineBytes: number }> {
  const emulator = await m.testing.LangdockEmulator.start({ latencyMs: LATENCY_MS });
  if (rateLimit) emulator.faults.setRateLimit(rateLimit);
  let engine: LocalEngine;
  try {
    engine = await m.testing.LocalEngine.start({
      cwd: m.dir,
      config: engineConfig(emulator),
      project: "bench",
      stack: "bench",
      parallel: concurrency,
      // The Pulumi engine sets no deadline on provider calls; under the rate limit one call may wait out a whole window.
      callTimeoutMs: 10 * 60_000,
    });
  } catch (e) {
    await emulator.close();
    throw e;
  }
  const baselineBytes = hostMemory(engine.host.pid).rssBytes;
  const history: RequestLogEntry[] = [];
  const results: OpResult[] = [];
  const measure = async (op: OpName, run: () => Promise<{ steps: Array<{ op: string }> }>) => {
    emulator.resetLog();
    const cpu0 = process.cpuUsage();
    const hostCpu0 = hostCpuMs(engine.host.pid);
    const startMs = Date.now();
    const t0 = performance.now();
    let steps: Array<{ op: string }> = [];
    let failures = 0;
    try {
      steps = (await run()).steps;
    } catch (e) {
      const err = e as Error & { failures?: unknown[]; steps?: Array<{ op: string }> };
      if (err.name !== "EngineError") throw e;
      failures = err.failures?.length ?? 0;
      steps = err.steps ?? [];
      process.stdout.write(`  ${op}: ${err.message.split("\n").slice(0, 4).join("\n    ")}\n`);
    }
    const wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const engineCpuMs = (cpu.user + cpu.system) / 1000;
    const hostCpu = hostCpuMs(engine.host.pid) - hostCpu0;
    const entries = [...emulator.log];
    const rateLimited = entries.filter((e) => e.fault === "rateLimit").length;
    const calls = entries.length - rateLimited;
    const stepCounts: Record<string, number> = {};
    for (const s of steps) stepCounts[s.op] = (stepCounts[s.op] ?? 0) + 1;
    let idealMs: number | null;
    if (rateLimit) {
      const admitted = history.filter((e) => e.fault !== "rateLimit").map((e) => e.startedAt + e.durationMs);
      idealMs = calls
        ? Math.max(rateLimitMinWithHistoryMs(calls, rateLimit, concurrency, LATENCY_MS, startMs, admitted), DEPTH[op] * LATENCY_MS)
        : null;
    } else {
      idealMs = latencyIdealMs(calls, LATENCY_MS, concurrency, DEPTH[op]);
    }
    history.push(...entries);
    const result: OpResult = {
      op,
      workload: w,
      concurrency,
      wallMs,
      requests: entries.length,
      rateLimited,
      calls,
      idealMs,
      ratio: idealMs ? wallMs / idealMs : null,
      failures,
      steps: stepCounts,
      engineCpuMs,
      hostCpuMs: hostCpu,
    };
    if (op === "refresh") result.reads = steps.length;
    checkSteps(result);
    results.push(result);
  };
  try {
    await measure("create", () => engine.up(program(m.langdock, w, 1)));
    await measure("no-op diff", () => engine.preview(program(m.langdock, w, 1)));
    await measure("update", () => engine.up(program(m.langdock, w, 2)));
    await measure("refresh", () => engine.refresh());
    await measure("delete", () => engine.destroy());
    const { hwmBytes, rssBytes } = hostMemory(engine.host.pid);
    return { results, hwmBytes, rssBytes, baselineBytes };
  } finally {
    await engine.stop();
    await emulator.close();
  }
}

/** Warns when an operation did not do what the benchmark means to measure. */
export function checkSteps(r: OpResult): void {
  const total = resourceCount(r.workload);
  const expected: Record<OpName, Record<string, number>> = {
    create: { create: total },
    "no-op diff": { same: total },
    update: { update: r.workload.actions, same: total - r.workload.actions },
    refresh: {},
    delete: { delete: total },
  };
  if (r.op === "refresh") {
    const read = (r.steps.same ?? 0) + (r.steps.update ?? 0);
    if (read !== total)
      process.stdout.write(`  warning: refresh of ${r.workload.actions} actions at c${r.concurrency} read ${read} of ${total} resources\n`);
    return;
  }
  const want = JSON.stringify(Object.entries(expected[r.op]).sort());
  const got = JSON.stringify(Object.entries(r.steps).sort());
  if (want !== got)
    process.stdout.write(`  warning: ${r.op} of ${r.workload.actions} actions at c${r.concurrency}: steps ${got}, expected ${want}\n`);
}

export function latencyTable(runs: OpResult[]): [string[], string[][], boolean[]] {
  const rows = runs.map((r) => [
    r.op,
    String(r.workload.actions),
    String(resourceCount(r.workload)),
    String(r.concurrency),
    fmtMs(r.wallMs),
    String(r.calls),
    fmtMs(r.idealMs),
    fmtRatio(r.ratio) + (r.op === "refresh" ? ` (${fmtRatio(refreshRatio(r))}*)` : ""),
    fmtMs(r.engineCpuMs),
    fmtMs(r.hostCpuMs),
  ]);
  return [
    ["operation", "actions", "resources", "concurrency", "wall time", "HTTP calls", "ideal", "ratio", "CPU engine", "CPU host"],
    rows,
    [false, true, true, true, true, true, true, true, true, true],
  ];
}

/** Refresh: every resource read waits for a round trip of its own or a shared one: ⌈reads / c⌉ × latency. */
export function refreshRatio(r: OpResult): number | null {
  if (!r.reads) return null;
  return r.wallMs / (Math.ceil(r.reads / r.concurrency) * LATENCY_MS);
}

export interface Memory {
  workload: Workload;
  concurrency: number;
  /** VmHWM after the whole sequence. */
  hwmBytes: number;
  /** VmRSS after the whole sequence. */
  rssBytes: number;
  /** VmRSS right after start (Configure answered, no resource yet). */
  baselineBytes: number;
}

export function memoryTable(memory: Memory[]): [string[], string[][], boolean[]] {
  return [
    ["actions", "resources", "concurrency", "host RSS at start", "host peak RSS (VmHWM)", "host RSS after destroy"],
    memory.map((x) => [
      String(x.workload.actions),
      String(resourceCount(x.workload)),
      String(x.concurrency),
      fmtBytes(x.baselineBytes),
      fmtBytes(x.hwmBytes),
      fmtBytes(x.rssBytes),
    ]),
    [true, true, true, true, true, true],
  ];
}
