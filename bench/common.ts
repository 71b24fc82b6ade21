/** What every measurement shares: the installed package, its modules, the provider config, small helpers. */
import * as fs from "fs";
import * as path from "path";
import type * as PulumiModule from "@pulumi/pulumi";
import type * as LangdockModule from "../provider";
import type * as TestingModule from "../provider/testing";
import type { LangdockEmulator } from "../provider/testing";
import { cleanupInstalledPackage, installPackage, requireInstalled } from "../tooling/installPackage";

/** Fixed latency the emulator adds to every request. */
export const LATENCY_MS = 25;

export interface Modules {
  dir: string;
  pulumi: typeof PulumiModule;
  langdock: typeof LangdockModule;
  testing: typeof TestingModule;
}
/**
 * The installed copy (tooling/installPackage.ts). Other builds may rewrite dist/ meanwhile: a copy taken
 * mid-build misses files, so it is checked and taken again.
 */
export async function load(): Promise<Modules> {
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

export function hostScriptVersion(m: Modules): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(m.dir, "node_modules", "@pulumi", "pulumi", "package.json"), "utf8")) as {
    version: string;
  };
  return `@pulumi/pulumi ${pkg.version}`;
}

export function engineConfig(emulator: LangdockEmulator): Record<string, string> {
  // The provider's defaults otherwise (5 retries, 120 s retry budget), as users get them.
  return { "langdock:apiKey": emulator.apiKey, "langdock:baseUrl": emulator.url };
}

export type Kind = "Integration" | "Action" | "Trigger" | "Agent";
export const KINDS: Kind[] = ["Integration", "Action", "Trigger", "Agent"];

/** What each resource registers, captured under mocks as in tests/engine/serialization.test.ts. */
/** The inputs (with `__provider`) each resource `register` creates sends to the engine, by resource name, under mocks. */
export async function captureRegistrations(m: Modules, register: () => void): Promise<Map<string, Record<string, unknown>>> {
  const captured = new Map<string, Record<string, unknown>>();
  await m.pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        captured.set(args.name, args.inputs as Record<string, unknown>);
        return { id: `${args.name}-id`, state: {} };
      },
      call: () => ({}),
    },
    "bench",
    "bench",
    false,
  );
  register();
  await (m.pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
  return captured;
}

/** What each kind registers, captured as in tests/engine/serialization.test.ts. */
export async function registeredInputs(m: Modules): Promise<Record<Kind, Record<string, unknown>>> {
  const captured = await captureRegistrations(m, () => {
    new m.langdock.Integration("Integration", { name: "Integration" });
    new m.langdock.Action("Action", { integrationId: "i-id", name: "Action", code: "return 1;", inputFields: [{ label: "Query" }] });
    new m.langdock.Trigger("Trigger", { integrationId: "i-id", name: "Trigger" });
    new m.langdock.Agent("Agent", { name: "Agent", instruction: "Help." });
  });
  for (const kind of KINDS) if (!captured.has(kind)) throw new Error(`no registration captured for ${kind}`);
  return Object.fromEntries(KINDS.map((k) => [k, captured.get(k)!])) as Record<Kind, Record<string, unknown>>;
}

export async function serializedProviders(m: Modules): Promise<Record<Kind, string>> {
  const inputs = await registeredInputs(m);
  return Object.fromEntries(KINDS.map((k) => [k, String(inputs[k].__provider)])) as Record<Kind, string>;
}

export function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 90 ? `${flat.slice(0, 87)}...` : flat;
}
/** Runs `work` over `items` with at most `concurrency` at a time. */
export async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}
export function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
