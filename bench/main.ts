/**
 * `npm run bench`: the provider through the REAL dynamic-provider host against the Langdock emulator with a
 * fixed injected latency. Sections, one module each:
 * - paired (paired.ts, baseline.ts): Check + Create of N actions, the package side by side with a minimal
 *   hand-written inline provider through the same host and emulator, in paired rounds; host CPU per
 *   resource and, from a CPU profile of the host, the package's share of it.
 * - startup (startup.ts): the provider's start-up in a fresh host.
 * - latency (sequence.ts): create / no-op diff / update / refresh / delete of 10, 100 and 500 actions plus
 *   50 agents through LocalEngine at two concurrencies, and the host's peak memory.
 * - layers (layers.ts): where the time of one update goes, layer by layer, and a CPU profile.
 * - rate (rate.ts): the same sequence under a 500 requests/minute limit.
 * - engine (engine.ts): `pulumi up` / `refresh` / `destroy` of 100 and 500 actions through the real Pulumi
 *   CLI, the package against the same inline provider, in paired rounds (skipped without a CLI;
 *   --engine-sizes, --engine-rounds). `--only engine --out docs/benchmarks.md` rewrites only its block.
 * Prints the tables and writes docs/benchmarks.md.
 *
 * Options (after `--`): --quick (latency runs of 10 and 100 actions, paired N = 100 only), --no-rate-limit,
 * --only <paired,startup,latency,layers,rate> (those sections; writes no file unless --out is given),
 * --out <file> (default docs/benchmarks.md; "-" writes nothing), and for the paired section --sizes 100,500
 * (BENCH_SIZES), --concurrency 10,50 (BENCH_CONCURRENCY), --rounds 5 (BENCH_ROUNDS), --no-profile; --note "<text>"
 * (BENCH_NOTE) adds a line about the machine to docs/benchmarks.md (e.g. what else ran on it).
 * scripts/bench.js also takes --no-typecheck.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { REPO_ROOT, cleanupInstalledPackage } from "../tooling/installPackage";
import { hostScriptVersion, LATENCY_MS, load, oneLine, serializedProviders } from "./common";
import { LAYERS_ACTIONS, LAYERS_CONCURRENCY, layersTable, measureLayers, profileTable, type ComponentProfile, type Layer } from "./layers";
import { cpuSnapshot, machine, othersBusyCores } from "./machine";
import { engineBlockOf, engineMarkdown, engineTable, measureRealEngine, upsertEngineBlock, type EngineResult } from "./engine";
import { markdown } from "./markdown";
import { measurePaired, type PairedResult } from "./paired";
import { hostProfileTable, pairedSummary, pairedTable, rangeSentence, shareText } from "./pairedReport";
import { RATE_LIMIT, rateTable, runRateLimited, type RateRun } from "./rate";
import { barChart, fmtMs, textTable } from "./report";
import { latencyTable, memoryTable, runLatencyBound, SIZES, type Memory, type OpResult } from "./sequence";
import { measureStartup, startupTable, type Startup } from "./startup";
import { ratioBars, TARGETS, targets } from "./targets";

const PAIRED = { sizes: [100, 500, 2000], concurrencies: [10, 50], rounds: 5 };
/** The cell whose host is profiled once per contender after the paired rounds. */
const PAIRED_PROFILE = { n: 500, c: 10 };

type Section = "paired" | "startup" | "latency" | "layers" | "rate" | "engine";

function listOption(argv: string[], flag: string, env: string | undefined, fallback: number[]): number[] {
  const i = argv.indexOf(flag);
  const text = i >= 0 ? argv[i + 1] : env;
  if (!text) return fallback;
  const values = text.split(",").map(Number);
  if (values.some((v) => !Number.isInteger(v) || v <= 0))
    throw new Error(`${flag}: expected positive integers separated by commas, got "${text}"`);
  return values;
}

export async function main(argv: string[]): Promise<void> {
  const quick = argv.includes("--quick");
  const onlyArg = argv.indexOf("--only");
  const only = onlyArg >= 0 ? new Set(argv[onlyArg + 1].split(",")) : null;
  const run = (section: Section) => (only ? only.has(section) : section !== "rate" || !argv.includes("--no-rate-limit"));
  const outArg = argv.indexOf("--out");
  const out = outArg >= 0 ? argv[outArg + 1] : only ? "-" : path.join(REPO_ROOT, "docs", "benchmarks.md");
  const pairedSizes = listOption(argv, "--sizes", process.env.BENCH_SIZES, quick ? [100] : PAIRED.sizes);
  const pairedConcurrencies = listOption(argv, "--concurrency", process.env.BENCH_CONCURRENCY, PAIRED.concurrencies);
  const [rounds] = listOption(argv, "--rounds", process.env.BENCH_ROUNDS, [PAIRED.rounds]);
  const noteArg = argv.indexOf("--note");
  const note = noteArg >= 0 ? argv[noteArg + 1] : (process.env.BENCH_NOTE ?? null);
  const profileCell = { n: pairedSizes.includes(PAIRED_PROFILE.n) ? PAIRED_PROFILE.n : pairedSizes[0], c: pairedConcurrencies[0] };
  const started = Date.now();
  const machineAtStart = cpuSnapshot();
  const log = (line = "") => process.stdout.write(`${line}\n`);

  const modules = await load();
  log(
    `pulumi-langdock benchmark: latency ${LATENCY_MS} ms, ${hostScriptVersion(modules)}; program dir ${path.relative(REPO_ROOT, modules.dir)}`,
  );
  log(`machine: ${machine().join("; ").replace(/- /g, "")}`);

  log("\n== __provider sizes");
  const serialized = await serializedProviders(modules);
  for (const [kind, text] of Object.entries(serialized)) log(`  ${kind.padEnd(11)} ${Buffer.byteLength(text)} bytes  ${oneLine(text)}`);

  const busy: Array<{ what: string; othersCores: number }> = [];
  let paired: PairedResult | null = null;
  if (run("paired")) {
    log(
      `\n== Check + Create side by side with a minimal inline provider: ${rounds} paired rounds, N = ${pairedSizes.join("/")}, c = ${pairedConcurrencies.join("/")}`,
    );
    const cpu0 = cpuSnapshot();
    paired = await measurePaired(modules, {
      sizes: pairedSizes,
      concurrencies: pairedConcurrencies,
      rounds,
      profile: argv.includes("--no-profile") ? null : profileCell,
      log,
    });
    busy.push({ what: "paired rounds", othersCores: othersBusyCores(cpu0, cpuSnapshot()) });
    log("\nmedian (min–max) over the rounds:");
    log(textTable(...pairedTable(paired)));
    if (paired.profile) {
      log(`\nhost CPU by component, ${paired.profile.n} actions at c${paired.profile.c}: ${shareText(paired.profile)}`);
      log(textTable(...hostProfileTable(paired.profile)));
    }
    log("");
    for (const line of pairedSummary(paired)) log(`  ${line}`);
    log(`  ${rangeSentence(paired)}`);
  }
  // The budget of the rate-limited runs counts from here: the paired section's length depends on its options.
  const sectionsStarted = Date.now();

  let startup: Startup | null = null;
  if (run("startup")) {
    log("\n== provider start-up");
    startup = await measureStartup(modules);
    log(textTable(...startupTable(startup)));
  }

  const sizes = quick ? SIZES.filter((n) => n <= 100) : SIZES;
  let runs: OpResult[] = [];
  let memory: Memory[] = [];
  if (run("latency")) {
    log(`\n== latency-bound runs (${LATENCY_MS} ms per request)`);
    const latency = await runLatencyBound(modules, sizes, log);
    ({ runs, memory } = latency);
    busy.push(...latency.busy);
    log("");
    log(textTable(...latencyTable(runs)));
  }

  let layers: Layer[] = [];
  let cpuProfile: ComponentProfile | null = null;
  if (run("layers")) {
    log(`\n== where the time goes: update of ${LAYERS_ACTIONS} actions at concurrency ${LAYERS_CONCURRENCY}, layer by layer`);
    ({ layers, profile: cpuProfile } = await measureLayers(modules));
    log(textTable(...layersTable(layers)));
    log(`\nCPU profile of layer 4 by component:`);
    log(textTable(...profileTable(cpuProfile)));
  }

  let rateRuns: RateRun[] = [];
  let skipped: string[] = [];
  if (run("rate")) {
    log(`\n== rate limit ${RATE_LIMIT.requests} requests / ${RATE_LIMIT.perMs / 1000} s (sliding window, 429 + Retry-After)`);
    const rate = await runRateLimited(modules, sectionsStarted, log);
    ({ rateRuns, skipped } = rate);
    busy.push(...rate.busy);
    log("");
    log(textTable(...rateTable(rateRuns)));
  }

  const peak = memory.filter((m) => m.workload.actions === Math.max(...sizes));
  if (memory.length) {
    log("\n== provider host memory (VmHWM = peak RSS of the host process over its whole life)");
    log(textTable(...memoryTable(memory)));
  }

  let engine: EngineResult | undefined;
  if (run("engine")) {
    const engineSizes = listOption(argv, "--engine-sizes", process.env.BENCH_ENGINE_SIZES, quick ? [100] : [100, 500]);
    const [engineRounds] = listOption(argv, "--engine-rounds", process.env.BENCH_ENGINE_ROUNDS, [quick ? 1 : 3]);
    log(`\n== real Pulumi engine: up / refresh / destroy of N = ${engineSizes.join("/")} actions, ${engineRounds} paired rounds`);
    engine = await measureRealEngine(modules, { sizes: engineSizes, rounds: engineRounds, log });
    if (engine) log(textTable(...engineTable(engine)));
  }

  const bars = ratioBars(runs, rateRuns);
  if (bars.length) {
    log(`\n== ratio to the ideal (# = measured, | = target: ${TARGETS.ratio} latency-bound, ${TARGETS.rateLimit} rate-limited)`);
    log(barChart(bars, Math.max(3, ...bars.map((b) => Math.min(b.value, 10)))));
  }

  const verdicts = targets(runs, rateRuns, peak);
  if (verdicts.length) log("\n== targets");
  for (const v of verdicts) log(`  ${v.pass ? "PASS" : "MISS"}  ${v.text}`);

  const totalMs = Date.now() - started;
  const othersCores = othersBusyCores(machineAtStart, cpuSnapshot());
  log(
    `\nbench total: ${fmtMs(totalMs)}; other processes kept ${othersCores.toFixed(2)} of ${os.cpus().length} cores busy on average meanwhile`,
  );
  if (out !== "-") {
    const previousEngineBlock = engineBlockOf(out);
    const engineBlock = engine && engineMarkdown(engine, note);
    if (only && [...only].every((section) => section === "engine")) {
      // Only the real-engine block changes; the rest of the file is the last full run's.
      upsertEngineBlock(out, engineBlock, previousEngineBlock);
      log(`wrote the real-engine section of ${path.relative(process.cwd(), out)}`);
      cleanupInstalledPackage();
      return;
    }
    const results = {
      paired,
      runs,
      rateRuns,
      memory,
      serialized,
      startup,
      layers,
      cpuProfile,
      verdicts,
      totalMs,
      othersCores,
      busy,
      skipped,
    };
    fs.writeFileSync(out, markdown({ ...results, quick, note, bars, hostVersion: hostScriptVersion(modules) }));
    upsertEngineBlock(out, engineBlock, previousEngineBlock);
    log(`wrote ${path.relative(process.cwd(), out)}`);
  }
  cleanupInstalledPackage();
}
