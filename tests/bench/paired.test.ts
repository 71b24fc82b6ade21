/**
 * The benchmark's paired machinery runs (so it does not rot between `npm run bench` runs): a tiny N in two
 * rounds, both contenders through the real host and emulator. Structure only, never speed.
 */
import { load } from "../../bench/common";
import { measurePaired } from "../../bench/paired";
import { pairedTable } from "../../bench/pairedReport";

jest.setTimeout(60_000);

test("two paired rounds give a table with both providers, their paired ratio and finite numbers", async () => {
  const m = await load();
  const result = await measurePaired(m, { sizes: [3], concurrencies: [2], rounds: 2, profile: null });

  expect(result.runs.map((r) => [r.round, r.position, r.contender])).toEqual([
    [0, 0, "package"],
    [0, 1, "baseline"],
    [1, 0, "baseline"],
    [1, 1, "package"],
  ]);
  for (const run of result.runs) expect(run.calls).toBe(3); // one POST per action, nothing else

  expect(result.cells).toHaveLength(1);
  const [cell] = result.cells;
  for (const stats of [cell.package, cell.baseline]) {
    for (const s of [stats.wallMs, stats.idealRatio, stats.hostCpuPerOpMs]) {
      expect(s.n).toBe(2);
      for (const x of [s.median, s.min, s.max]) expect(Number.isFinite(x)).toBe(true);
      expect(s.min).toBeLessThanOrEqual(s.max);
    }
    expect(stats.callsPerOp).toBe(1);
  }
  expect(cell.wallRatio.n).toBe(2);
  expect(Number.isFinite(cell.wallRatio.median) && cell.wallRatio.median > 0).toBe(true);

  const [header, rows] = pairedTable(result);
  expect(header).toContain("wall time");
  expect(rows.map((r) => r[2])).toEqual(["pulumi-langdock", "baseline (inline provider)", "**package ÷ baseline, paired**"]);
  for (const row of rows) expect(row.join(" ")).not.toMatch(/NaN|Infinity|undefined/);
});
