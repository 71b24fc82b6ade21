/**
 * The benchmark's paired machinery runs (so it does not rot between `npm run bench` runs): a tiny N in two
 * rounds, both contenders through the real host and emulator. Structure only, never speed.
 */
import { load } from "../../bench/common";
import { actionRegistrations, actionUrn, baselineEnv } from "../../bench/baseline";
import { createIntegration, measurePaired } from "../../bench/paired";
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
  for (const run of result.runs) {
    if (run.contender === "baseline")
      expect(run.calls).toBe(3); // one POST per action, nothing else
    // One POST per action, plus at most one read of the integration per create (what already has the
    // name, so an interrupted create is resolved by id; concurrent creates share it).
    else expect([4, 5, 6]).toContain(run.calls);
  }

  expect(result.cells).toHaveLength(1);
  const [cell] = result.cells;
  for (const stats of [cell.package, cell.baseline]) {
    for (const s of [stats.wallMs, stats.idealRatio, stats.hostCpuPerOpMs]) {
      expect(s.n).toBe(2);
      for (const x of [s.median, s.min, s.max]) expect(Number.isFinite(x)).toBe(true);
      expect(s.min).toBeLessThanOrEqual(s.max);
    }
  }
  expect(cell.baseline.callsPerOp).toBe(1);
  expect(cell.package.callsPerOp).toBeGreaterThan(1);
  expect(cell.package.callsPerOp).toBeLessThanOrEqual(2);
  expect(cell.wallRatio.n).toBe(2);
  expect(Number.isFinite(cell.wallRatio.median) && cell.wallRatio.median > 0).toBe(true);

  const [header, rows] = pairedTable(result);
  expect(header).toContain("wall time");
  expect(rows.map((r) => r[2])).toEqual(["pulumi-langdock", "baseline (inline provider)", "**package ÷ baseline, paired**"]);
  for (const row of rows) expect(row.join(" ")).not.toMatch(/NaN|Infinity|undefined/);
});

test("the baseline is a working inline provider: create, read, update and delete through the real host", async () => {
  const m = await load();
  const registered = (await actionRegistrations(m)).baseline;
  const emulator = await m.testing.LangdockEmulator.start();
  const host = await m.testing.startProviderHost({ cwd: m.dir, project: "bench", env: baselineEnv(emulator) });
  try {
    const integrationId = await createIntegration(emulator.url, emulator.apiKey);
    const urn = actionUrn("baseline", 0);
    const news = { ...registered, integrationId, name: "Action 0" };
    const checked = await host.check(urn, {}, news);
    const created = await host.create(urn, checked.inputs);
    expect(created.properties).toMatchObject({ name: "Action 0", description: "Benchmark action" });
    expect((await host.read(urn, created.id, created.properties)).id).toBe(created.id);

    const updated = await host.update(urn, created.id, created.properties, { ...checked.inputs, description: "Changed" });
    expect(updated.properties).toMatchObject({ description: "Changed" });
    await host.delete(urn, created.id, updated.properties);
    expect((await host.read(urn, created.id, updated.properties)).id).toBe("");
    expect(emulator.log.slice(1).map((e) => `${e.method} ${e.status}`)).toEqual([
      "POST 201",
      "GET 200",
      "PUT 200",
      "DELETE 200",
      "GET 200",
    ]);
  } finally {
    await host.stop();
    await emulator.close();
  }
});
