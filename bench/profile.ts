/**
 * CPU profiles of the two processes of an operation, summed by component: this process (the Pulumi
 * program, LocalEngine, its gRPC client and the in-process emulator) through node:inspector, and the
 * provider host through a preload script (NODE_OPTIONS=--require) that profiles between SIGUSR2 and
 * SIGTERM and writes the profile when the host is stopped.
 */
import * as fs from "fs";
import * as inspector from "inspector";
import * as path from "path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export type Components = Record<string, number>;

const HOST_PRELOAD = `// Written by bench/profile.ts: CPU profile of the provider host between SIGUSR2 and SIGTERM.
const inspector = require("inspector");
const fs = require("fs");
const session = new inspector.Session();
session.connect();
process.on("SIGUSR2", () => {
  session.post("Profiler.enable", () => session.post("Profiler.setSamplingInterval", { interval: 500 }, () => session.post("Profiler.start")));
});
process.on("SIGTERM", () => {
  session.post("Profiler.stop", (err, result) => {
    if (!err && result) fs.writeFileSync(process.env.BENCH_HOST_PROFILE, JSON.stringify(result.profile));
    process.exit(0);
  });
});
`;

/** Environment for a provider host that can be profiled; the profile lands in `file` when it stops. */
export function hostProfilerEnv(dir: string, file: string): NodeJS.ProcessEnv {
  const preload = path.join(dir, "bench-host-profiler.js");
  fs.writeFileSync(preload, HOST_PRELOAD);
  return { NODE_OPTIONS: `--require ${preload}`, BENCH_HOST_PROFILE: file };
}

/** Starts profiling the host (see hostProfilerEnv) and waits a moment for the profiler to run. */
export async function startHostProfile(pid: number): Promise<void> {
  process.kill(pid, "SIGUSR2");
  await new Promise((resolve) => setTimeout(resolve, 300));
}

/** Profiles this process while `work` runs. */
export async function profileSelf(work: () => Promise<unknown>): Promise<Profile> {
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params ?? {}, (err, result) => (err ? reject(err) : resolve(result))));
  await post("Profiler.enable");
  await post("Profiler.setSamplingInterval", { interval: 500 });
  await post("Profiler.start");
  let failure: unknown;
  try {
    await work();
  } catch (err) {
    failure = err;
  }
  const { profile } = (await post("Profiler.stop")) as { profile: Profile };
  session.disconnect();
  if (failure) throw failure;
  return profile;
}

export function readProfile(file: string): Profile {
  return JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
}

/** Milliseconds of samples per component; a sample counts for the innermost frame that has a component. */
export function components(profile: Profile): Components {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const out: Components = {};
  for (const [id, us] of selfUs) {
    const name = componentOf(id, byId, parent);
    out[name] = (out[name] ?? 0) + us / 1000;
  }
  return out;
}

function componentOf(id: number, byId: Map<number, ProfileNode>, parent: Map<number, number>): string {
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const { functionName, url } = byId.get(cur)!.callFrame;
    if (functionName === "(idle)") return "idle";
    if (functionName === "(garbage collector)") return "garbage collection";
    if (/google-protobuf|\/proto\/[^/]*_pb\.js/.test(url)) return "protobuf (Struct and messages)";
    if (/@grpc\/grpc-js|node:internal\/http2/.test(url)) return "gRPC (grpc-js, http2)";
    if (/pulumi-langdock\/dist\/testing\//.test(url)) return "LocalEngine and host driver";
    if (/pulumi-langdock\/dist\/emulator\//.test(url)) return "emulator";
    if (/pulumi-langdock\/dist\//.test(url)) return "provider code";
    if (/@pulumi\/pulumi\//.test(url)) return "Pulumi SDK";
    if (/\/axios\/|follow-redirects|form-data|proxy-from-env/.test(url)) return "axios";
    if (/\/zod\//.test(url)) return "zod";
    if (/^node:(_http|http|net|internal\/http|internal\/stream|internal\/streams|stream)/.test(url)) return "Node http/net";
  }
  return "other (V8 native, microtasks, timers)";
}
