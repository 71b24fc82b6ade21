/** Where the time goes: one update built up layer by layer, then profiled. */
import * as fs from "fs";
import * as path from "path";
import { engineConfig, LATENCY_MS, pool, sum, type Modules } from "./common";
import { latencyIdealMs } from "./ideal";
import { hostCpuMs } from "./machine";
import { components, hostProfilerEnv, profileSelf, readProfile, startHostProfile, type Components } from "./profile";
import { fmtMs, fmtRatio } from "./report";
import { program, resourceCount, workload } from "./workload";
import { DEFAULT_SETTINGS } from "../provider/config";

export const LAYERS_ACTIONS = 100;
export const LAYERS_CONCURRENCY = 10;

export interface Layer {
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
export async function measureLayers(m: Modules): Promise<{ layers: Layer[]; profile: ComponentProfile }> {
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
    const client = new LangdockClient({ ...DEFAULT_SETTINGS, apiKey: emulator.apiKey, baseUrl: emulator.url });
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
          name: String(a.inputs.name),
          description: `layer 1, ${version++}`,
          code: a.inputs.code as string | undefined,
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

export interface ComponentProfile {
  /** Wall time of the profiled `up`. */
  wallMs: number;
  engine: Components;
  host: Components;
}

export function profileTable(p: ComponentProfile): [string[], string[][], boolean[]] {
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

export function layersTable(layers: Layer[]): [string[], string[][], boolean[]] {
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
