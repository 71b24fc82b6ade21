/** The same sequence under a rate limit, against the limit's minimum. */
import { LATENCY_MS, sum, type Modules } from "./common";
import { rateLimitMinMs, type WindowLimit } from "./ideal";
import { cpuSnapshot, othersBusyCores } from "./machine";
import { fmtMs, fmtRatio } from "./report";
import { runSequence, type OpResult } from "./sequence";
import { workload } from "./workload";

export const RATE_LIMIT: WindowLimit = { requests: 500, perMs: 60_000 };
/** 250 actions + 50 agents: create + update alone exceed 500 calls, so the sequence spans one full window. */
export const RATE_LIMIT_ACTIONS = 250;
export const RATE_LIMIT_CONCURRENCIES = [10, 50];
/** The sections after the paired comparison must stay under 5 minutes; the later rate-limited runs are dropped to stay in it. */
export const TIME_BUDGET_MS = 265_000;
const RATE_RUN_ESTIMATE_MS = 75_000;

export interface RateRun {
  concurrency: number;
  results: OpResult[];
  totalMs: number;
  minMs: number;
  calls: number;
  rateLimited: number;
  failures: number;
}
/** The sequence under the rate limit at each concurrency; `started` is when the budgeted sections began. */
export async function runRateLimited(
  m: Modules,
  started: number,
  log: (line?: string) => void,
): Promise<{ rateRuns: RateRun[]; skipped: string[]; busy: Array<{ what: string; othersCores: number }> }> {
  const rateRuns: RateRun[] = [];
  const skipped: string[] = [];
  const busy: Array<{ what: string; othersCores: number }> = [];
  for (const [i, c] of RATE_LIMIT_CONCURRENCIES.entries()) {
    // Each rate-limited run waits out a window (~70 s); on a busy machine the later ones are dropped to stay in budget.
    if (i > 0 && Date.now() - started + RATE_RUN_ESTIMATE_MS > TIME_BUDGET_MS) {
      skipped.push(`rate limit at concurrency ${c} (time budget: ${fmtMs(Date.now() - started)} elapsed)`);
      log(`  skipped concurrency ${c}: ${fmtMs(Date.now() - started)} elapsed, it would end past the ${fmtMs(TIME_BUDGET_MS)} budget`);
      continue;
    }
    const w = workload(RATE_LIMIT_ACTIONS);
    const t0 = Date.now();
    const cpu0 = cpuSnapshot();
    const { results } = await runSequence(m, w, c, RATE_LIMIT);
    const totalMs = Date.now() - t0;
    busy.push({ what: `rate limit c${c}`, othersCores: othersBusyCores(cpu0, cpuSnapshot()) });
    const calls = sum(results.map((r) => r.calls));
    rateRuns.push({
      concurrency: c,
      results,
      totalMs: sum(results.map((r) => r.wallMs)),
      minMs: rateLimitMinMs(calls, RATE_LIMIT, c, LATENCY_MS),
      calls,
      rateLimited: sum(results.map((r) => r.rateLimited)),
      failures: sum(results.map((r) => r.failures)),
    });
    log(`  ${w.actions} actions + ${w.agents} agents, concurrency ${c}: ${fmtMs(totalMs)}`);
  }
  return { rateRuns, skipped, busy };
}

export function rateTable(rateRuns: RateRun[]): [string[], string[][], boolean[]] {
  const rows: string[][] = [];
  for (const run of rateRuns) {
    for (const r of run.results) {
      rows.push([
        r.op,
        String(r.concurrency),
        fmtMs(r.wallMs),
        String(r.calls),
        String(r.rateLimited),
        fmtMs(r.idealMs),
        fmtRatio(r.ratio),
        String(r.failures),
      ]);
    }
    rows.push([
      "**total**",
      String(run.concurrency),
      fmtMs(run.totalMs),
      String(run.calls),
      String(run.rateLimited),
      fmtMs(run.minMs),
      fmtRatio(run.totalMs / run.minMs),
      String(run.failures),
    ]);
  }
  return [
    ["operation", "concurrency", "wall time", "HTTP calls", "429s", "limit's minimum", "ratio", "failed operations"],
    rows,
    [false, true, true, true, true, true, true, true],
  ];
}
