/**
 * `npm run bench`: the provider through the REAL dynamic-provider host (LocalEngine) against the Langdock
 * emulator with a fixed injected latency. Measures create / no-op diff / update / refresh / delete of
 * 10, 100 and 500 actions plus 50 agents at two concurrencies, the same under a 500 requests/minute rate
 * limit, the size of `__provider`, the provider's start-up and the host's peak memory; prints the tables
 * and a bar chart of the ratios, and writes docs/benchmarks.md.
 *
 * Options (after `--`): --quick (10 and 100 actions only, for trying changes), --no-rate-limit,
 * --only <startup,latency,layers,rate> (those sections; writes no file unless --out is given),
 * --out <file> (default docs/benchmarks.md; "-" writes nothing). scripts/bench.js also takes --no-typecheck.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type * as PulumiModule from "@pulumi/pulumi";
import type * as LangdockModule from "../provider";
import type * as TestingModule from "../provider/testing";
import type { LangdockEmulator, LocalEngine, RequestLogEntry } from "../provider/testing";
import { REPO_ROOT, cleanupInstalledPackage, installPackage, requireInstalled } from "../tests/helpers/installPackage";
import { latencyIdealMs, rateLimitMinMs, rateLimitMinWithHistoryMs, type WindowLimit } from "./ideal";
import { components, hostProfilerEnv, profileSelf, readProfile, startHostProfile, type Components } from "./profile";
import { barChart, fmtBytes, fmtMs, fmtRatio, markdownTable, textTable } from "./report";
import { program, resourceCount, workload, type Workload, AGENTS, ACTIONS_PER_AGENT, ACTIONS_PER_INTEGRATION } from "./workload";

const LATENCY_MS = 25;
const SIZES = [10, 100, 500];
const CONCURRENCIES = [10, 50];
const RATE_LIMIT: WindowLimit = { requests: 500, perMs: 60_000 };
/** 250 actions + 50 agents: create + update alone exceed 500 calls, so the sequence spans one full window. */
const RATE_LIMIT_ACTIONS = 250;
const RATE_LIMIT_CONCURRENCIES = [10, 50];
const TARGETS = { ratio: 1.3, ratioAt: { actions: 100, concurrency: 10 }, rateLimit: 1.2, hostMemoryMB: 200 };
const STARTUP_REPEATS = 3;
/** The whole `npm run bench` must stay under 5 minutes; build and type check take ~20 s before this starts. */
const TIME_BUDGET_MS = 265_000;
const RATE_RUN_ESTIMATE_MS = 75_000;

type OpName = "create" | "no-op diff" | "update" | "refresh" | "delete";
/** Longest chain of requests that must follow one another: integration → action → agent on create, agent → action on delete. */
const DEPTH: Record<OpName, number> = { create: 3, "no-op diff": 0, update: 1, refresh: 1, delete: 2 };

interface OpResult {
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

interface Modules {
  dir: string;
  pulumi: typeof PulumiModule;
  langdock: typeof LangdockModule;
  testing: typeof TestingModule;
}

export async function main(argv: string[]): Promise<void> {
  const quick = argv.includes("--quick");
  const onlyArg = argv.indexOf("--only");
  const only = onlyArg >= 0 ? new Set(argv[onlyArg + 1].split(",")) : null;
  const run = (section: Section) => (only ? only.has(section) : section !== "rate" || !argv.includes("--no-rate-limit"));
  const outArg = argv.indexOf("--out");
  const out = outArg >= 0 ? argv[outArg + 1] : only ? "-" : path.join(REPO_ROOT, "docs", "benchmarks.md");
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

  let startup: Startup | null = null;
  if (run("startup")) {
    log("\n== provider start-up");
    startup = await measureStartup(modules);
    log(textTable(...startupTable(startup)));
  }

  const sizes = quick ? SIZES.filter((n) => n <= 100) : SIZES;
  const runs: OpResult[] = [];
  const memory: Memory[] = [];
  const busy: Array<{ what: string; othersCores: number }> = [];
  if (run("latency")) log(`\n== latency-bound runs (${LATENCY_MS} ms per request)`);
  for (const n of run("latency") ? sizes : []) {
    for (const c of CONCURRENCIES) {
      const w = workload(n);
      const t0 = Date.now();
      const cpu0 = cpuSnapshot();
      const { results, hwmBytes, rssBytes, baselineBytes } = await runSequence(modules, w, c, null);
      const othersCores = othersBusyCores(cpu0, cpuSnapshot());
      busy.push({ what: `${n} actions c${c}`, othersCores });
      runs.push(...results);
      memory.push({ workload: w, concurrency: c, hwmBytes, rssBytes, baselineBytes });
      log(
        `  ${n} actions + ${w.agents} agents on ${w.integrations} integration(s), concurrency ${c}: ${fmtMs(Date.now() - t0)} (host peak RSS ${fmtBytes(hwmBytes)}; other processes busy ${othersCores.toFixed(2)} cores)`,
      );
    }
  }
  if (runs.length) {
    log("");
    log(textTable(...latencyTable(runs)));
  }

  let layers: Layer[] = [];
  let cpuProfile: ComponentProfile | null = null;
  if (run("layers")) {
    log(`\n== where the time goes: update of ${LAYERS_ACTIONS} actions at concurrency ${LAYERS_CONCURRENCY}, layer by layer`);
    const measured = await measureLayers(modules);
    layers = measured.layers;
    cpuProfile = measured.profile;
    log(textTable(...layersTable(layers)));
    log(`\nCPU profile of layer 4 by component:`);
    log(textTable(...profileTable(cpuProfile)));
  }

  const rateRuns: RateRun[] = [];
  const skipped: string[] = [];
  if (run("rate")) {
    log(`\n== rate limit ${RATE_LIMIT.requests} requests / ${RATE_LIMIT.perMs / 1000} s (sliding window, 429 + Retry-After)`);
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
      const { results } = await runSequence(modules, w, c, RATE_LIMIT);
      const totalMs = Date.now() - t0;
      busy.push({ what: `rate limit c${c}`, othersCores: othersBusyCores(cpu0, cpuSnapshot()) });
      const calls = sum(results.map((r) => r.calls));
      const rateRun: RateRun = {
        concurrency: c,
        results,
        totalMs: sum(results.map((r) => r.wallMs)),
        minMs: rateLimitMinMs(calls, RATE_LIMIT, c, LATENCY_MS),
        calls,
        rateLimited: sum(results.map((r) => r.rateLimited)),
        failures: sum(results.map((r) => r.failures)),
      };
      rateRuns.push(rateRun);
      log(`  ${w.actions} actions + ${w.agents} agents, concurrency ${c}: ${fmtMs(totalMs)}`);
    }
    log("");
    log(textTable(...rateTable(rateRuns)));
  }

  const peak = memory.filter((m) => m.workload.actions === Math.max(...sizes));
  if (memory.length) {
    log("\n== provider host memory (VmHWM = peak RSS of the host process over its whole life)");
    log(textTable(...memoryTable(memory)));
  }

  const bars = [
    // Refresh against its per-read bound (see refreshRatio), marked with *.
    ...runs
      .filter((r) => r.ratio !== null)
      .map((r) => ({
        label: `${r.op === "refresh" ? "refresh*" : r.op.padEnd(8)} ${String(r.workload.actions).padStart(3)} actions c${r.concurrency}`,
        value: r.op === "refresh" ? (refreshRatio(r) ?? r.ratio!) : r.ratio!,
        target: TARGETS.ratio,
      })),
    ...rateRuns.map((r) => ({ label: `rate-limited sequence c${r.concurrency}`, value: r.totalMs / r.minMs, target: TARGETS.rateLimit })),
  ];
  log(`\n== ratio to the ideal (# = measured, | = target: ${TARGETS.ratio} latency-bound, ${TARGETS.rateLimit} rate-limited)`);
  log(barChart(bars, Math.max(3, ...bars.map((b) => Math.min(b.value, 10)))));

  const verdicts = targets(runs, rateRuns, peak);
  log("\n== targets");
  for (const v of verdicts) log(`  ${v.pass ? "PASS" : "MISS"}  ${v.text}`);

  const totalMs = Date.now() - started;
  const othersCores = othersBusyCores(machineAtStart, cpuSnapshot());
  log(
    `\nbench total: ${fmtMs(totalMs)}; other processes kept ${othersCores.toFixed(2)} of ${os.cpus().length} cores busy on average meanwhile`,
  );
  if (out !== "-") {
    fs.writeFileSync(
      out,
      markdown({
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
        quick,
        bars,
        hostVersion: hostScriptVersion(modules),
      }),
    );
    log(`wrote ${path.relative(process.cwd(), out)}`);
  }
  cleanupInstalledPackage();
}

type Section = "startup" | "latency" | "layers" | "rate";

interface RateRun {
  concurrency: number;
  results: OpResult[];
  totalMs: number;
  minMs: number;
  calls: number;
  rateLimited: number;
  failures: number;
}

// ---- machine load ----

interface CpuSnapshot {
  /** Busy jiffies of the whole machine (all cores). */
  machineBusy: number;
  /** Jiffies of this process and its reaped children (the provider hosts). */
  own: number;
  at: number;
}

/** From /proc/stat and /proc/self/stat; the bench shares the machine, so it reports what others used. */
function cpuSnapshot(): CpuSnapshot {
  const cpu = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = cpu;
  const self = fs.readFileSync("/proc/self/stat", "utf8");
  const f = self
    .slice(self.lastIndexOf(")") + 2)
    .split(" ")
    .map(Number);
  return { machineBusy: user + nice + system + irq + softirq + steal, own: f[11] + f[12] + f[13] + f[14], at: Date.now() };
}

/** Average number of cores other processes kept busy between two snapshots (hosts still running count as others). */
function othersBusyCores(a: CpuSnapshot, b: CpuSnapshot): number {
  const seconds = (b.at - a.at) / 1000;
  return seconds > 0 ? Math.max(0, (b.machineBusy - a.machineBusy - (b.own - a.own)) / 100 / seconds) : 0;
}

// ---- setup ----

/**
 * The installed copy (tests/helpers/installPackage). Other builds may rewrite dist/ meanwhile: a copy taken
 * mid-build misses files, so it is checked and taken again.
 */
async function load(): Promise<Modules> {
  const required = ["index.js", "runtime.js", "testing/index.js", ...KINDS.map((k) => `shells/${k.toLowerCase()}.js`)];
  let dir = installPackage();
  for (let attempt = 1; ; attempt++) {
    const missing = required.filter((f) => !fs.existsSync(path.join(dir, "node_modules", "pulumi-langdock", "dist", f)));
    if (missing.length === 0) break;
    if (attempt >= 10) throw new Error(`the installed copy in ${dir} misses ${missing.join(", ")}: run npm run build`);
    process.stdout.write(`installed copy incomplete (${missing.join(", ")}; a build is running?), retrying\n`);
    cleanupInstalledPackage();
    await new Promise((resolve) => setTimeout(resolve, 3000));
    dir = installPackage();
  }
  return {
    dir,
    pulumi: requireInstalled<typeof PulumiModule>("@pulumi/pulumi"),
    langdock: requireInstalled<typeof LangdockModule>("pulumi-langdock"),
    testing: requireInstalled<typeof TestingModule>("pulumi-langdock/testing"),
  };
}

function hostScriptVersion(m: Modules): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(m.dir, "node_modules", "@pulumi", "pulumi", "package.json"), "utf8")) as {
    version: string;
  };
  return `@pulumi/pulumi ${pkg.version}`;
}

function engineConfig(emulator: LangdockEmulator): Record<string, string> {
  // The provider's defaults otherwise (5 retries, 120 s retry budget), as users get them.
  return { "langdock:apiKey": emulator.apiKey, "langdock:baseUrl": emulator.url };
}

// ---- __provider ----

type Kind = "Integration" | "Action" | "Trigger" | "Agent";
const KINDS: Kind[] = ["Integration", "Action", "Trigger", "Agent"];

/** What each resource registers, captured under mocks as in tests/engine/serialization.test.ts. */
async function registeredInputs(m: Modules): Promise<Record<Kind, Record<string, unknown>>> {
  const captured: Partial<Record<Kind, Record<string, unknown>>> = {};
  await m.pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        captured[args.type.split(":").pop() as Kind] = args.inputs as Record<string, unknown>;
        return { id: `${args.name}-id`, state: {} };
      },
      call: () => ({}),
    },
    "bench",
    "bench",
    false,
  );
  new m.langdock.Integration("i", { name: "Integration" });
  new m.langdock.Action("a", { integrationId: "i-id", name: "Action", code: "return 1;", inputFields: [{ label: "Query" }] });
  new m.langdock.Trigger("t", { integrationId: "i-id", name: "Trigger" });
  new m.langdock.Agent("g", { name: "Agent", instruction: "Help." });
  await (m.pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
  for (const kind of KINDS) if (!captured[kind]) throw new Error(`no registration captured for ${kind}`);
  return captured as Record<Kind, Record<string, unknown>>;
}

async function serializedProviders(m: Modules): Promise<Record<Kind, string>> {
  const inputs = await registeredInputs(m);
  return Object.fromEntries(KINDS.map((k) => [k, String(inputs[k].__provider)])) as Record<Kind, string>;
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 90 ? `${flat.slice(0, 87)}...` : flat;
}

// ---- start-up ----

interface StartupSample {
  kind: Kind;
  phase: "cold" | "warm";
  /** Check RPC round trip (the host deserializes and configures the provider on a kind's first call). */
  checkMs: number;
  /** From sending the create RPC to the emulator receiving its first request. */
  createToRequestMs: number;
  /** From sending the check RPC (the host loading the provider) to the first request. */
  loadToRequestMs: number;
}

interface Startup {
  spawnMs: number[];
  samples: StartupSample[][];
}

/**
 * In a fresh host, for each kind in turn: check then create a first resource (cold: the host
 * deserializes `__provider`, calls configure, the shell loads the runtime, the client and the kind's
 * code) and a second one (warm). Timestamps: this process sends the RPCs, and the in-process emulator
 * stamps the arrival of each request (same clock), so RPC → first request excludes the latency.
 */
async function measureStartup(m: Modules): Promise<Startup> {
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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function startupTable(s: Startup): [string[], string[][], boolean[]] {
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

// ---- where the time goes ----

const LAYERS_ACTIONS = 100;
const LAYERS_CONCURRENCY = 10;

interface Layer {
  layer: string;
  wallMs: number;
  calls: number;
  idealMs: number | null;
  engineCpuMs: number;
  hostCpuMs: number;
}

/**
 * The update of 100 actions at concurrency 10, built up one layer at a time on one stack: the HTTP client
 * alone (in this process), then the provider host's update RPC (gRPC + the provider + HTTP), then the
 * check → diff → update RPC sequence the engine makes per resource, then the whole `up` (the Pulumi
 * program's registrations under LocalEngine, 151 resources), and the no-op `preview` (the per-resource
 * cost without any HTTP). Each layer changes every action's description, so each really updates.
 */
async function measureLayers(m: Modules): Promise<{ layers: Layer[]; profile: ComponentProfile }> {
  const w = workload(LAYERS_ACTIONS);
  const c = LAYERS_CONCURRENCY;
  const hostProfileFile = path.join(m.dir, `host-${Date.now()}.cpuprofile`);
  const emulator = await m.testing.LangdockEmulator.start({ latencyMs: LATENCY_MS });
  const engine = await m.testing.LocalEngine.start({
    cwd: m.dir,
    config: engineConfig(emulator),
    project: "bench",
    stack: "bench",
    parallel: c,
    env: hostProfilerEnv(m.dir, hostProfileFile),
  });
  const layers: Layer[] = [];
  let engineComponents: Components = {};
  let profiledMs = 0;
  try {
    await engine.up(program(m.langdock, w, 1));
    const actions = Object.values(engine.state).filter((r) => r.type.endsWith(":Action"));
    // The provider's own client, from the installed copy (not exported: loaded by path).
    const clientModule = path.join(m.dir, "node_modules", "pulumi-langdock", "dist", "client", "index.js");
    const { LangdockClient } = require(clientModule) as typeof import("../provider/client");
    const client = new LangdockClient({ apiKey: emulator.apiKey, baseUrl: emulator.url });
    let version = 100;
    const measure = async (layer: string, work: () => Promise<unknown>) => {
      emulator.resetLog();
      const cpu0 = process.cpuUsage();
      const host0 = hostCpuMs(engine.host.pid);
      const t0 = performance.now();
      await work();
      const wallMs = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      const calls = emulator.log.length;
      layers.push({
        layer,
        wallMs,
        calls,
        idealMs: latencyIdealMs(calls, LATENCY_MS, c, 1),
        engineCpuMs: (cpu.user + cpu.system) / 1000,
        hostCpuMs: hostCpuMs(engine.host.pid) - host0,
      });
    };
    await measure("1. HTTP client alone (PUT per action, in the bench process)", () =>
      pool(actions, c, (a) =>
        client.updateAction(String(a.outputs.integrationId), a.id, {
          name: a.inputs.name,
          description: `layer 1, ${version++}`,
          code: a.inputs.code,
        }),
      ),
    );
    await measure("2. + provider host: update RPC per action", () =>
      pool(actions, c, (a) => engine.host.update(a.urn, a.id, a.outputs, { ...a.inputs, description: `layer 2, ${version++}` }, a.inputs)),
    );
    await measure("3. + check and diff RPCs: the engine's RPC sequence", () =>
      pool(actions, c, async (a) => {
        const news = { ...a.inputs, description: `layer 3, ${version++}` };
        const checked = await engine.host.check(a.urn, a.inputs, news);
        await engine.host.diff(a.urn, a.id, a.outputs, checked.inputs);
        await engine.host.update(a.urn, a.id, a.outputs, checked.inputs, a.inputs);
      }),
    );
    await measure(`4. + Pulumi program and LocalEngine: up (${resourceCount(w)} resources)`, () => engine.up(program(m.langdock, w, 2)));
    await measure(`5. no-op preview (${resourceCount(w)} resources, no HTTP)`, () => engine.preview(program(m.langdock, w, 2)));
    // Layer 4 once more, under the CPU profilers (not timed above: profiling slows it down a little).
    await startHostProfile(engine.host.pid);
    const t0 = performance.now();
    engineComponents = components(await profileSelf(() => engine.up(program(m.langdock, w, 3))));
    profiledMs = performance.now() - t0;
  } finally {
    await engine.stop();
    await emulator.close();
  }
  const hostComponents = fs.existsSync(hostProfileFile) ? components(readProfile(hostProfileFile)) : {};
  fs.rmSync(hostProfileFile, { force: true });
  return { layers, profile: { wallMs: profiledMs, engine: engineComponents, host: hostComponents } };
}

interface ComponentProfile {
  /** Wall time of the profiled `up`. */
  wallMs: number;
  engine: Components;
  host: Components;
}

function profileTable(p: ComponentProfile): [string[], string[][], boolean[]] {
  const names = [...new Set([...Object.keys(p.engine), ...Object.keys(p.host)])].filter((n) => n !== "idle");
  const busy = (c: Components) =>
    sum(
      Object.entries(c)
        .filter(([n]) => n !== "idle")
        .map(([, ms]) => ms),
    );
  const engineBusy = busy(p.engine);
  const hostBusy = busy(p.host);
  const cell = (ms: number | undefined, total: number) => (ms ? `${Math.round(ms)} ms (${((100 * ms) / total).toFixed(0)}%)` : "–");
  const rows = names
    .sort((a, b) => (p.engine[b] ?? 0) + (p.host[b] ?? 0) - (p.engine[a] ?? 0) - (p.host[a] ?? 0))
    .map((n) => [n, cell(p.engine[n], engineBusy), cell(p.host[n], hostBusy)]);
  rows.push([
    "**busy in total** (of the operation's wall time)",
    `${Math.round(engineBusy)} ms (${((100 * engineBusy) / p.wallMs).toFixed(0)}% of ${fmtMs(p.wallMs)})`,
    `${Math.round(hostBusy)} ms (${((100 * hostBusy) / p.wallMs).toFixed(0)}%)`,
  ]);
  return [["component", "engine process (program, LocalEngine, emulator)", "provider host"], rows, [false, true, true]];
}

/** Runs `work` over `items` with at most `concurrency` at a time. */
async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

function layersTable(layers: Layer[]): [string[], string[][], boolean[]] {
  return [
    ["layer", "wall time", "HTTP calls", "ideal", "ratio", "CPU engine", "CPU host"],
    layers.map((l) => [
      l.layer,
      fmtMs(l.wallMs),
      String(l.calls),
      fmtMs(l.idealMs),
      l.idealMs ? fmtRatio(l.wallMs / l.idealMs) : "–",
      fmtMs(l.engineCpuMs),
      fmtMs(l.hostCpuMs),
    ]),
    [false, true, true, true, true, true, true],
  ];
}

// ---- runs ----

/** create, no-op diff, update, refresh, delete of `w` through a fresh host and emulator. */
async function runSequence(
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
function checkSteps(r: OpResult): void {
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

function hostMemory(pid: number): { hwmBytes: number; rssBytes: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN) * 1024;
  return { hwmBytes: kb("VmHWM"), rssBytes: kb("VmRSS") };
}

/** utime + stime of a process, from /proc/<pid>/stat (clock ticks of 10 ms). */
function hostCpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // Fields after the command: state is index 0, so utime (field 14) is index 11 and stime index 12.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

// ---- tables ----

function latencyTable(runs: OpResult[]): [string[], string[][], boolean[]] {
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
function refreshRatio(r: OpResult): number | null {
  if (!r.reads) return null;
  return r.wallMs / (Math.ceil(r.reads / r.concurrency) * LATENCY_MS);
}

function rateTable(rateRuns: RateRun[]): [string[], string[][], boolean[]] {
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

interface Memory {
  workload: Workload;
  concurrency: number;
  /** VmHWM after the whole sequence. */
  hwmBytes: number;
  /** VmRSS after the whole sequence. */
  rssBytes: number;
  /** VmRSS right after start (Configure answered, no resource yet). */
  baselineBytes: number;
}

function memoryTable(memory: Memory[]): [string[], string[][], boolean[]] {
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

// ---- targets ----

interface Verdict {
  pass: boolean;
  text: string;
}

function targets(
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

// ---- docs/benchmarks.md ----

function machine(): string[] {
  const cpu = os.cpus();
  return [
    `- CPU: ${cpu[0]?.model.trim() ?? "unknown"}, ${cpu.length} cores`,
    `- Memory: ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    `- OS: ${os.type()} ${os.release()} (${os.arch()})`,
    `- Node.js: ${process.version}`,
    `- Date: ${new Date().toISOString()}`,
  ];
}

function markdown(d: {
  runs: OpResult[];
  rateRuns: RateRun[];
  memory: Memory[];
  serialized: Record<Kind, string>;
  startup: Startup | null;
  layers: Layer[];
  cpuProfile: ComponentProfile | null;
  verdicts: Verdict[];
  totalMs: number;
  othersCores: number;
  busy: Array<{ what: string; othersCores: number }>;
  skipped: string[];
  quick: boolean;
  bars: Array<{ label: string; value: number; target: number }>;
  hostVersion: string;
}): string {
  const md = (t: [string[], string[][], boolean[]]) => markdownTable(...t);
  const lines = [
    "# Benchmarks",
    "",
    "Generated by `npm run bench` (scripts/bench.js → bench/main.ts); do not edit by hand. `npm run bench -- --quick` skips the 500-action runs, `--only startup,latency,layers,rate` runs some sections (and writes nothing), `--out <file>` writes elsewhere.",
    "",
    `Every operation runs through the real dynamic-provider host over gRPC (\`LocalEngine\` from \`pulumi-langdock/testing\`, ${d.hostVersion}), with the package installed as a real copy under node_modules as \`npm install\` does (tests/helpers/installPackage.ts), against the Langdock emulator with a fixed injected latency of ${LATENCY_MS} ms per request. The Pulumi program, LocalEngine and the emulator share the benchmark process ("engine process" below); the provider host is a second process. Each workload gets a fresh host and emulator. The provider runs with its default settings (5 retries, 120 s retry budget).`,
    "",
    "## Machine",
    "",
    ...machine(),
    `- Bench total: ${fmtMs(d.totalMs)}${d.quick ? " (--quick)" : ""}${d.skipped.length ? `; skipped: ${d.skipped.join(", ")}` : ""}`,
    `- Other processes on the machine kept ${d.othersCores.toFixed(2)} cores busy on average during the run (from /proc/stat minus this process and its hosts)${d.busy.length ? `; per workload: ${d.busy.map((b) => `${b.what}: ${b.othersCores.toFixed(2)}`).join(", ")}` : ""}. Wall times on a shared machine vary with that load; the CPU columns do not.`,
    "",
    "## Targets",
    "",
    ...d.verdicts.map((v) => `- ${v.pass ? "PASS" : "**MISS**"}: ${v.text}`),
    "",
  ];
  if (d.runs.length) {
    lines.push(
      "## Latency-bound runs",
      "",
      `Workload: N actions (${ACTIONS_PER_INTEGRATION} per integration: 10 and 100 actions on one integration, 500 on five) plus ${AGENTS} agents, each using ${ACTIONS_PER_AGENT} of the actions. Operations in order on one stack: create (\`up\`), no-op diff (\`preview\` of the unchanged program), update (\`up\` with every action's description changed; integrations and agents stay the same), \`refresh\`, delete (\`destroy\`). Concurrency is LocalEngine's \`parallel\` (like \`pulumi up --parallel\`): at most that many provider calls (check, diff, create, update, read, delete) at a time.`,
      "",
      "- HTTP calls: requests in the emulator's log during the operation.",
      `- Ideal: the latency-bound ideal, calls × ${LATENCY_MS} ms ÷ concurrency, but at least the chain of requests that must follow one another × ${LATENCY_MS} ms (create: integration → action → agent = 3; delete: agent → action = 2; update and refresh: 1); the chain only decides for small workloads at concurrency 50. Operations without calls show the time only.`,
      "- Ratio: wall time ÷ ideal.",
      "- \\* Refresh: concurrent reads of one integration's actions share one in-flight `GET /integrations/v1/{id}`, so refresh makes far fewer calls than it reads resources, and calls × latency ÷ concurrency understates what a refresh must wait: every read still waits for a round trip, its own or a shared one, so with c reads at a time it cannot take less than ⌈resources read ÷ c⌉ × latency. The starred ratio is against that bound.",
      "- CPU engine / CPU host: CPU time of the engine process and of the provider host during the operation.",
      "",
      md(latencyTable(d.runs)),
      "",
    );
    const drift = d.runs.filter((r) => r.op === "refresh" && (r.steps.update ?? 0) > 0);
    if (drift.length) {
      lines.push(
        `Refresh reported ${[...new Set(drift.map((r) => r.steps.update))].join(" / ")} resources as changed although nothing changed in Langdock: outputs written by create differ from what read returns (see the report of the run).`,
        "",
      );
    }
  }
  if (d.layers.length) {
    const [http, host, rpcs, up, preview] = d.layers;
    lines.push(
      `## Where the time goes: update of ${LAYERS_ACTIONS} actions at concurrency ${LAYERS_CONCURRENCY}`,
      "",
      "The same update built up layer by layer on one stack (each layer changes every action's description again, so each makes 100 PUTs), then the whole `up` once more under CPU profilers of both processes.",
      "",
      md(layersTable(d.layers)),
      "",
    );
    if (http && host && rpcs && up && preview) {
      lines.push(
        `Reading it: the HTTP client alone already needs ${fmtRatio(http.wallMs / http.idealMs!)} × the ideal (per request ${((http.engineCpuMs / http.calls) * 1).toFixed(1)} ms of CPU for axios and the in-process emulator, serialized on one thread while the 10 requests of a round complete together); the provider host's gRPC hop brings it to ${fmtRatio(host.wallMs / host.idealMs!)} (host CPU ${(host.hostCpuMs / host.calls).toFixed(1)} ms per update RPC); the engine's check and diff RPCs to ${fmtRatio(rpcs.wallMs / rpcs.idealMs!)}; the Pulumi program's registrations and LocalEngine to ${fmtRatio(up.wallMs / up.idealMs!)}. The no-op preview of the same ${resourceCount(workload(LAYERS_ACTIONS))} resources, with no HTTP at all, takes ${fmtMs(preview.wallMs)} (${fmtMs(preview.engineCpuMs)} of engine-process CPU), already ${fmtRatio(preview.wallMs / up.idealMs!)} × the update's ideal: the operation is bound by CPU in the engine process, not by the latency it waits on.`,
        "",
      );
    }
    if (d.cpuProfile) {
      lines.push(
        `CPU profile of layer 4 (the \`up\`) by component; "other" is V8 native code, microtasks and timers (mostly promise resolution of the Pulumi SDK's outputs in the engine process):`,
        "",
        md(profileTable(d.cpuProfile)),
        "",
      );
    }
  }
  if (d.rateRuns.length) {
    lines.push(
      `## Under a rate limit of ${RATE_LIMIT.requests} requests per minute`,
      "",
      `The emulator's sliding window (\`faults.setRateLimit({ requests: ${RATE_LIMIT.requests}, perMs: ${RATE_LIMIT.perMs} })\`): a request is admitted only if fewer than ${RATE_LIMIT.requests} were admitted in the last ${RATE_LIMIT.perMs / 1000} s, otherwise it gets 429 with an integer-second Retry-After (rounded up, until the oldest admission leaves the window). Workload: ${RATE_LIMIT_ACTIONS} actions + ${AGENTS} agents (${workload(RATE_LIMIT_ACTIONS).integrations} integrations), the same five operations back to back. Create and update together need more than ${RATE_LIMIT.requests} calls, so the sequence runs into the limit and must wait out one window. LocalEngine's per-call deadline is raised to 10 minutes (the Pulumi engine sets none): a call may wait a whole window.`,
      "",
      "The limit's minimum for n calls from an empty window at concurrency c (L = latency, R = requests, W = window): the first R calls form a burst limited only by concurrency; call i ≥ R cannot be admitted before call i − R plus W. So admissions satisfy a_i ≥ max(a_{i−R} + W, a_{i−c} + L) with a_0 = L, which gives",
      "",
      "    T_min(n) = ⌊(n − 1) / R⌋ · W + (⌊((n − 1) mod R) / c⌋ + 1) · L",
      "",
      "— one full window per complete burst of R, plus the latency-bound time of the last, partial burst. The **total** row compares the sequence's time (the sum of its operations) with T_min of all its calls; 429s are not counted as calls, they are what the limit costs. Each operation's own minimum is the same schedule computed request by request from what the window already holds when the operation starts (the admissions of the operations before it), so an operation that finds the window full is charged only the wait the window forces. Failed operations: resources whose step failed (EngineError failures).",
      "",
      md(rateTable(d.rateRuns)),
      "",
    );
  }
  const sizes = KINDS.map((k) => [k, String(Buffer.byteLength(d.serialized[k])), "`" + oneLine(d.serialized[k]).replace(/`/g, "'") + "`"]);
  lines.push(
    "## `__provider` sizes",
    "",
    "The serialized provider Pulumi stores in every resource's inputs and outputs, from the installed copy (captured under mocks as in tests/engine/serialization.test.ts).",
    "",
    markdownTable(["resource", "bytes", "text"], sizes, [false, true, false]),
    "",
  );
  if (d.startup) {
    lines.push(
      "## Provider start-up",
      "",
      `A fresh host per run (${STARTUP_REPEATS} runs, medians). For Integration, Action and Agent in turn the benchmark sends a check and then a create RPC for a first resource of the kind (cold: the host deserializes that \`__provider\` with require-from-string and calls its configure; the shell loads \`pulumi-langdock/runtime\` and the kind's schema on check, and on the first create the HTTP client with axios and zod and the kind's CRUD code), then for a second one (warm: everything loaded). The emulator runs in the benchmark process and stamps each request's arrival with the same clock that timed the RPCs, so "create RPC → 1st request" is the provider's own time before its first request leaves (gRPC both ways included, latency excluded) and "check sent → 1st request" is the whole span from the host loading the provider to its first request as the engine drives it (check, then create). Cold minus warm is the start-up cost; Integration pays for the runtime and the client, Action and Agent only for their own modules.`,
      "",
      `Spawning the host until it answered Configure: ${d.startup.spawnMs.map((x) => `${x} ms`).join(", ")} (Pulumi's host loading @pulumi/pulumi, before any provider code).`,
      "",
      md(startupTable(d.startup)),
      "",
    );
  }
  if (d.memory.length) {
    lines.push(
      "## Provider host memory",
      "",
      "From /proc/<host pid>/status: VmRSS right after the host answered Configure (before any resource), and after the whole create → diff → update → refresh → delete sequence VmHWM (the host process's peak resident set over its life) and VmRSS.",
      "",
      md(memoryTable(d.memory)),
      "",
    );
  }
  if (d.bars.length) {
    lines.push(
      "## Ratios",
      "",
      `\`#\` = measured ratio to the ideal, \`|\` = target (${TARGETS.ratio} latency-bound, ${TARGETS.rateLimit} rate-limited), \`>\` = cut off.`,
      "",
      "```",
      barChart(d.bars, Math.max(3, ...d.bars.map((b) => Math.min(b.value, 10)))),
      "```",
      "",
    );
  }
  return lines.join("\n");
}
