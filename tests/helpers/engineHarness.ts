import type * as PulumiModule from "@pulumi/pulumi";
import type * as LangdockModule from "../../provider";
import type * as TestingModule from "../../provider/testing";
import type { LocalEngine, LocalEngineOptions, EngineError } from "../../provider/testing";
import type { LangdockEmulator, EmulatorOptions } from "../../provider/emulator";
import { installPackage, requireInstalled } from "../../tooling/installPackage";

/**
 * Engine-level test setup: a fresh emulator, and a LocalEngine whose provider host runs the INSTALLED
 * package (see installPackage). Resource classes, @pulumi/pulumi and the engine are all loaded from the
 * installed copy (the emulator too, from `pulumi-langdock/testing`), so serialization, the host and the
 * runtime are exactly what users run.
 */
export interface Harness {
  dir: string;
  pulumi: typeof PulumiModule;
  langdock: typeof LangdockModule;
  emulator: LangdockEmulator;
  engine: LocalEngine;
  /** Stops the engine (kills the host) and closes the emulator. */
  stop(): Promise<void>;
}

export async function startHarness(
  options: { emulator?: EmulatorOptions; engine?: Partial<LocalEngineOptions>; config?: Record<string, string> } = {},
): Promise<Harness> {
  const dir = installPackage();
  const pulumi = requireInstalled<typeof PulumiModule>("@pulumi/pulumi");
  const langdock = requireInstalled<typeof LangdockModule>("pulumi-langdock");
  const testing = requireInstalled<typeof TestingModule>("pulumi-langdock/testing");
  const emulator = await testing.LangdockEmulator.start(options.emulator);
  let engine: LocalEngine;
  try {
    engine = await testing.LocalEngine.start({
      cwd: dir,
      config: { "langdock:apiKey": emulator.apiKey, "langdock:baseUrl": emulator.url, "langdock:maxRetries": "2", ...options.config },
      project: "consumer",
      stack: "test",
      // Below jest's 60 s per test, so a hung call fails with its own message instead of a jest timeout.
      callTimeoutMs: 20_000,
      ...options.engine,
    });
  } catch (e) {
    await emulator.close();
    throw e;
  }
  return {
    dir,
    pulumi,
    langdock,
    emulator,
    engine,
    async stop() {
      await engine.stop();
      await emulator.close();
    },
  };
}

/** The URN LocalEngine gives a resource of this package (project "consumer", stack "test"). */
export function urnOf(
  kind: "Integration" | "Action" | "Trigger" | "Agent" | "Attachment" | "KnowledgeFile" | "Skill",
  name: string,
): string {
  return `urn:pulumi:test::consumer::pulumi-nodejs:dynamic/langdock:${kind}::${name}`;
}

/** The EngineError an operation rejected with (fails the test if it resolved). */
export async function engineError(operation: Promise<unknown>): Promise<EngineError> {
  try {
    await operation;
  } catch (e) {
    if ((e as Error).name === "EngineError") return e as EngineError;
    throw e;
  }
  throw new Error("expected the operation to fail, but it succeeded");
}

/** Steps as compact `op name` strings, sorted, for readable assertions. */
export function opsOf(steps: ReadonlyArray<{ urn: string; op: string }>): string[] {
  return steps.map((s) => `${s.op} ${s.urn.split("::").pop()}`).sort();
}
