import * as runtime from "../../provider/runtime";
import { processState } from "../../provider/base/processState";
import { LangdockEmulator, type EmulatorOptions } from "../../provider/emulator";
import type { ResourceKind } from "../../provider/kinds";

type Props = Record<string, unknown>;

/**
 * Drives the provider runtime in-process (as the host would call it) against a fresh emulator, for
 * CRUD-level tests. Engine-level tests in tests/engine go through the real host instead.
 */
export async function startRuntime(options: EmulatorOptions = {}, config: Record<string, string> = {}) {
  const emulator = await LangdockEmulator.start(options);
  const values: Record<string, string> = {
    "langdock:apiKey": emulator.apiKey,
    "langdock:baseUrl": emulator.url,
    "langdock:maxRetries": "4",
    ...config,
  };
  await runtime.configure({ config: { get: (key: string) => values[key] } });
  const warnings: string[] = [];
  const stderr = jest.spyOn(process.stderr, "write").mockImplementation((chunk: unknown) => {
    warnings.push(String(chunk));
    return true;
  });

  /** check (which must pass) then create, as `pulumi up` does for a new resource. */
  async function create(kind: ResourceKind, args: Props) {
    const inputs = await checked(kind, args);
    const { id, outs } = await runtime.create(kind, inputs);
    return { id, outs, inputs };
  }

  async function checked(kind: ResourceKind, args: Props): Promise<Props> {
    const { inputs, failures } = await runtime.check(kind, {}, args);
    if (failures.length > 0) throw new Error(`check failed: ${JSON.stringify(failures)}`);
    return inputs;
  }

  /** check then diff against stored outputs, as `pulumi preview` does for an existing resource. */
  async function plan(kind: ResourceKind, id: string, outs: Props, args: Props) {
    const inputs = await checked(kind, args);
    return { inputs, diff: await runtime.diff(kind, id, outs, inputs) };
  }

  return {
    emulator,
    runtime,
    warnings,
    create,
    checked,
    plan,
    /** What a later `pulumi up` (a new provider process) starts with: no resource holds any object yet. */
    newRun() {
      processState.claims.clear();
    },
    async stop() {
      stderr.mockRestore();
      await emulator.close();
    },
  };
}

export type RuntimeHarness = Awaited<ReturnType<typeof startRuntime>>;
