/** Tables and text for the paired comparison (bench/paired.ts). */
import { CONTENDERS, type Contender } from "./baseline";
import type { HostProfile, PairedCell, PairedResult } from "./paired";
import type { Components } from "./profile";
import { fmtMs, fmtRatio } from "./report";
import { fmtSpread, type Spread } from "./stats";

type Table = [string[], string[][], boolean[]];

const LABEL: Record<Contender, string> = { package: "pulumi-langdock", baseline: "baseline (inline provider)" };
const ms1 = (x: number) => `${x.toFixed(1)} ms`;
const ms = (x: number) => fmtMs(x);
const ratio = (x: number) => fmtRatio(x);

/** One row per contender and cell, then the paired ratio of the cell. */
export function pairedTable(result: PairedResult): Table {
  const rows: string[][] = [];
  for (const cell of result.cells) {
    for (const contender of CONTENDERS) {
      const s = cell[contender];
      rows.push([
        String(cell.n),
        String(cell.c),
        LABEL[contender],
        fmtSpread(s.wallMs, ms),
        fmtSpread(s.idealRatio, ratio),
        fmtSpread(s.hostCpuPerOpMs, ms1),
        fmtSpread(s.benchCpuPerOpMs, ms1),
        s.callsPerOp.toFixed(2),
      ]);
    }
    rows.push([
      String(cell.n),
      String(cell.c),
      "**package ÷ baseline, paired**",
      fmtSpread(cell.wallRatio, ratio),
      "",
      fmtSpread(cell.hostCpuRatio, ratio),
      "",
      "",
    ]);
  }
  return [
    ["N", "c", "provider", "wall time", "÷ ideal", "host CPU per resource", "bench-process CPU per resource", "HTTP calls per resource"],
    rows,
    [true, true, false, true, true, true, true, true],
  ];
}

/** The package's share of host CPU and the components around it, per resource, for both contenders. */
export function hostProfileTable(p: HostProfile): Table {
  const busy = (c: Components) => Object.entries(c).reduce((a, [name, v]) => (name === "idle" ? a : a + v), 0);
  const totals = { package: busy(p.components.package), baseline: busy(p.components.baseline) };
  const names = [...new Set(CONTENDERS.flatMap((k) => Object.keys(p.components[k])))].filter((n) => n !== "idle");
  names.sort((a, b) => (p.components.package[b] ?? 0) - (p.components.package[a] ?? 0));
  const cell = (k: Contender, name: string) => {
    const v = p.components[k][name];
    return v ? `${(v / p.n).toFixed(2)} ms (${((100 * v) / totals[k]).toFixed(0)}%)` : "–";
  };
  const rows = names.map((name) => [name, cell("package", name), cell("baseline", name)]);
  rows.push(["**busy in total**", ...CONTENDERS.map((k) => `${(totals[k] / p.n).toFixed(2)} ms`)]);
  return [["component of host CPU", `${LABEL.package} (per resource, share)`, LABEL.baseline], rows, [false, true, true]];
}

/** The package's own code (files under its dist/) as a share of the host's busy CPU. */
export function packageShare(p: HostProfile): { ownPct: number; zodPct: number; axiosPct: number } {
  const c = p.components.package;
  const busy = Object.entries(c).reduce((a, [name, v]) => (name === "idle" ? a : a + v), 0);
  const pct = (name: string) => (100 * (c[name] ?? 0)) / busy;
  return { ownPct: pct("provider code"), zodPct: pct("zod"), axiosPct: pct("axios") };
}

export function shareText(p: HostProfile): string {
  const share = packageShare(p);
  return `the package's own code ${share.ownPct.toFixed(0)}% of the host's busy CPU, zod (its validation) ${share.zodPct.toFixed(0)}%, axios ${share.axiosPct.toFixed(0)}%`;
}

/** The headline: the paired ratio and both ratios to the ideal for each cell, one line each. */
export function pairedSummary(result: PairedResult): string[] {
  return result.cells.map(
    (cell: PairedCell) =>
      `${cell.n} actions at c${cell.c}: package ÷ baseline ${spreadText(cell.wallRatio)}; ÷ ideal: package ${spreadText(cell.package.idealRatio)}, baseline ${spreadText(cell.baseline.idealRatio)}`,
  );
}

function spreadText(s: Spread): string {
  return fmtSpread(s, ratio);
}

/** The paired section of docs/benchmarks.md. */
export function pairedMarkdown(result: PairedResult, md: (t: Table) => string, latencyMs: number): string[] {
  const { sizes, concurrencies, rounds } = result.options;
  const lines = [
    "## Side by side with a hand-written inline provider (Check + Create)",
    "",
    `The baseline is the obvious minimal inline dynamic provider a user would write (bench/baseline.ts): a plain \`pulumi.dynamic.ResourceProvider\` object whose create/read/update/delete make one axios call each, with no check, validation or retries. Both create N actions on one integration exactly as the engine does (Check, then Create with the checked inputs, for each resource, at most c at a time) through the same real dynamic-provider host over gRPC, against the same emulator (${latencyMs} ms per request). Each run has a fresh emulator and a fresh host, spawned and configured before the clock starts, so the first Check and Create pay for loading the provider, as in a real \`pulumi up\`. ${rounds} paired rounds of N = ${sizes.join(" / ")} at c = ${concurrencies.join(" / ")}: in each round every cell runs both back to back, the package first in even rounds and the baseline first in odd ones.`,
    "",
    "- Values are the median over the rounds and, in parentheses, the range (min–max).",
    `- ÷ ideal: wall time ÷ the latency-bound ideal N × ${latencyMs} ms ÷ c (one request per resource).`,
    "- Host CPU per resource: utime + stime of the provider host (from /proc/<pid>/stat, 10 ms ticks) over the run ÷ N.",
    "- Bench-process CPU per resource: `process.cpuUsage()` of the benchmark process, which plays the engine's side of gRPC and runs the emulator, over the run ÷ N.",
    "- package ÷ baseline, paired: in each round the package's value ÷ the baseline's of the same round (wall time; host CPU in the CPU column), then median and range over the rounds. Load from other processes hits both runs of a round alike, so this ratio is the robust number; absolute times on a shared machine are not.",
    "",
    md(pairedTable(result)),
    "",
    rangeSentence(result),
    "",
  ];
  if (result.profile) {
    lines.push(
      `Host CPU by component (one extra, untimed run per contender of ${result.profile.n} actions at c${result.profile.c} under a sampling CPU profiler in the host, module loading included; a sample counts for the innermost frame with a known file: "provider code" = files under the installed package's dist/, "other" = V8 native code, microtasks and timers, and the baseline's own inline code). In the package's host: ${shareText(result.profile)}.`,
      "",
      md(hostProfileTable(result.profile)),
      "",
    );
  }
  return lines;
}

/** Where the medians of the paired ratios lie across all cells. */
export function rangeSentence(result: PairedResult): string {
  const range = (values: number[]) => `${ratio(Math.min(...values))}–${ratio(Math.max(...values))}`;
  const cells = result.cells;
  return `Across the ${cells.length} cells the medians of the paired ratio package ÷ baseline lie in ${range(cells.map((c) => c.wallRatio.median))} for wall time and ${range(cells.map((c) => c.hostCpuRatio.median))} for host CPU; the medians of wall time ÷ the ideal lie in ${range(cells.map((c) => c.package.idealRatio.median))} for the package and ${range(cells.map((c) => c.baseline.idealRatio.median))} for the baseline.`;
}
