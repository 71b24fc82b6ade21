/** The targets the bench checks. */
import { LATENCY_MS } from "./common";
import type { RateRun } from "./rate";
import { fmtMs, fmtRatio, type Bar } from "./report";
import { refreshRatio, type Memory, type OpResult } from "./sequence";
import { resourceCount } from "./workload";

export const TARGETS = { ratio: 1.3, ratioAt: { actions: 100, concurrency: 10 }, rateLimit: 1.2, hostMemoryMB: 200 };
export interface Verdict {
  pass: boolean;
  text: string;
}

export function targets(
  runs: OpResult[],
  rateRuns: Array<{ concurrency: number; totalMs: number; minMs: number; failures: number }>,
  peak: Memory[],
): Verdict[] {
  const verdicts: Verdict[] = [];
  const { actions, concurrency } = TARGETS.ratioAt;
  for (const r of runs.filter((x) => x.workload.actions === actions && x.concurrency === concurrency && x.ratio !== null)) {
    const ratio = r.op === "refresh" ? refreshRatio(r)! : r.ratio!;
    const how = r.op === "refresh" ? ` against ⌈reads ÷ c⌉ × latency (${fmtRatio(r.ratio)} against calls × latency ÷ c)` : "";
    const ideal = r.op === "refresh" ? Math.ceil(r.reads! / r.concurrency) * LATENCY_MS : r.idealMs!;
    const cpu = `; CPU: engine process ${fmtMs(r.engineCpuMs)} = ${fmtRatio(r.engineCpuMs / ideal)} × the ideal, provider host ${fmtMs(r.hostCpuMs)} = ${fmtRatio(r.hostCpuMs / ideal)} ×`;
    verdicts.push({
      pass: ratio <= TARGETS.ratio,
      text: `${r.op} of ${actions} actions at concurrency ${concurrency}: ratio ${fmtRatio(ratio)}${how} (target ≤ ${TARGETS.ratio})${cpu}`,
    });
  }
  for (const r of rateRuns) {
    const ratio = r.totalMs / r.minMs;
    verdicts.push({
      pass: ratio <= TARGETS.rateLimit && r.failures === 0,
      text: `rate limit, concurrency ${r.concurrency}: ${fmtMs(r.totalMs)} = ${fmtRatio(ratio)} × the limit's minimum ${fmtMs(r.minMs)} (target ≤ ${TARGETS.rateLimit}), ${r.failures} failed operations (target 0)`,
    });
  }
  if (peak.length) {
    const top = peak.reduce((a, b) => (b.hwmBytes > a.hwmBytes ? b : a));
    const mb = top.hwmBytes / 1024 / 1024;
    verdicts.push({
      pass: mb < TARGETS.hostMemoryMB,
      text: `provider host peak RSS (VmHWM) at ${resourceCount(top.workload)} resources: ${mb.toFixed(0)} MB, the larger of concurrency ${peak.map((p) => p.concurrency).join(" and ")} (target < ${TARGETS.hostMemoryMB} MB)`,
    });
  }
  return verdicts;
}

/** Every ratio to its ideal, for the bar chart; refresh against its per-read bound (see refreshRatio), marked with *. */
export function ratioBars(runs: OpResult[], rateRuns: RateRun[]): Bar[] {
  return [
    ...runs
      .filter((r) => r.ratio !== null)
      .map((r) => ({
        label: `${r.op === "refresh" ? "refresh*" : r.op.padEnd(8)} ${String(r.workload.actions).padStart(3)} actions c${r.concurrency}`,
        value: r.op === "refresh" ? (refreshRatio(r) ?? r.ratio!) : r.ratio!,
        target: TARGETS.ratio,
      })),
    ...rateRuns.map((r) => ({ label: `rate-limited sequence c${r.concurrency}`, value: r.totalMs / r.minMs, target: TARGETS.rateLimit })),
  ];
}
