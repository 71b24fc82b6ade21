import * as pulumi from "@pulumi/pulumi";
import { type ProviderHost, startProviderHost } from "./host";
import { UNKNOWN } from "../common/unknown";
import { MASK as SECRET_MASK } from "../base/redact";
import type { EngineState, LocalEngineOptions, OperationResult, Program, ResourceState, RunResult, Step, StepFailure } from "./engineTypes";
import { EngineError } from "./engineTypes";
import { type MonitorLike, type RegisterRequest, makeUrn, protocol } from "./engineProtocol";
import { type Run, type StepEnv, type StepValues, runStep } from "./engineSteps";
import {
  PROVIDER_KEY,
  Semaphore,
  changedKeys,
  errorMessage,
  failure,
  maskPath,
  parsePath,
  resolveStackOutputs,
  stepChanges,
} from "./engineValues";

export * from "./engineTypes";
// The engine speaks the provider's sentinel and prints secrets with the provider's mask.
export { UNKNOWN, SECRET_MASK };

/**
 * A small stand-in for the Pulumi engine, for tests, demos and benchmarks on machines without the
 * Pulumi CLI. The program runs in this process under `pulumi.runtime.setMocks`, so resource
 * registration and the closure serialization of `__provider` are the real ones; every registered
 * resource then goes through the real dynamic-provider host (`startProviderHost`) following the
 * engine's step logic:
 *
 *   Check(old inputs, news) → new: Create | in state: Diff(id, old OUTPUTS, checked news) →
 *   Same | Update | Replace (create-before-delete; the old one is deleted at the end) ;
 *   resources in state but no longer declared are deleted in reverse dependency order.
 *
 * During preview nothing is created or changed: a resource to be created has an unknown id and its
 * outputs are its inputs, so dependents see the unknown sentinel, as under `pulumi preview`.
 *
 * Not modelled: protect, retainOnDelete, ignoreChanges, aliases, imports, invokes, component
 * outputs, and `read`-style `Resource.get`. On a failed step the engine carries on with resources
 * that do not depend on it (like `pulumi up --continue-on-error`) and rejects at the end.
 *
 * Only one operation runs at a time per process: the Pulumi runtime is process-global.
 */

/** The runtime is process-global: operations of all engines in this process run one at a time. */
let exclusive: Promise<unknown> = Promise.resolve();

export class LocalEngine {
  private current: EngineState;
  private readonly limit: Semaphore;
  /** The running operation's provider warnings: all of them, and those no step has taken yet. */
  private warnings?: { all: string[]; pending: string[] };
  /** The stack config the program reads (starts as `options.config`; see setConfig). */
  private programConfig: Record<string, string>;

  private constructor(
    readonly host: ProviderHost,
    private readonly options: LocalEngineOptions,
  ) {
    this.current = structuredClone(options.state ?? {});
    this.limit = new Semaphore(options.parallel ?? 10);
    this.programConfig = { ...options.config };
    host.onStderrLine((line) => {
      if (!this.warnings || !line.startsWith("warning: ")) return;
      this.warnings.all.push(line.slice("warning: ".length));
      this.warnings.pending.push(line.slice("warning: ".length));
    });
  }

  /** Starts the provider host in `cwd` (Configure is called with `config`). */
  static async start(options: LocalEngineOptions): Promise<LocalEngine> {
    const host = await startProviderHost({
      cwd: options.cwd,
      config: options.config,
      env: options.env,
      project: options.project,
      callTimeoutMs: options.callTimeoutMs,
    });
    return new LocalEngine(host, options);
  }

  /** A copy of the state, per URN. Secret values are in clear here: print `printableState()` instead. */
  get state(): EngineState {
    return structuredClone(this.current);
  }

  /** The state with secret values masked as `[secret]` and `__provider` abbreviated, as Pulumi prints state. */
  printableState(): EngineState {
    const out = this.state;
    for (const res of Object.values(out)) {
      for (const path of res.secretPaths) maskPath(res.inputs, parsePath(path));
      for (const key of [...res.secretPaths.map((p) => parsePath(p)[0] as string), ...res.secretOutputs]) {
        if (key in res.outputs) res.outputs[key] = SECRET_MASK;
      }
      for (const props of [res.inputs, res.outputs]) {
        if (typeof props[PROVIDER_KEY] === "string")
          props[PROVIDER_KEY] = `[serialized provider, ${Buffer.byteLength(props[PROVIDER_KEY] as string)} bytes]`;
      }
    }
    return out;
  }

  /**
   * Changes the stack config the program reads from the next operation on, like `pulumi config set`
   * (`undefined` removes a key). The provider keeps the config it was started with.
   */
  setConfig(values: Record<string, string | undefined>): void {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) delete this.programConfig[key];
      else this.programConfig[key] = value;
    }
  }

  /** Plans the program against the state without changing anything; rejects (EngineError) if a check fails. */
  preview(program: Program): Promise<RunResult> {
    return this.serialized(() => this.run(program, true));
  }

  /** Applies the program; rejects with an EngineError listing every failed resource after the run. */
  up(program: Program): Promise<RunResult> {
    return this.serialized(() => this.run(program, false));
  }

  /** Reads every resource back: changed outputs are stored ("update"), vanished resources dropped ("delete"). */
  refresh(): Promise<OperationResult> {
    return this.serialized(async () => {
      const steps: Step[] = [];
      const failures: StepFailure[] = [];
      await Promise.all(
        Object.values(this.current).map(async (res) => {
          try {
            const read = await this.limit.run(() => this.host.read(res.urn, res.id, res.outputs, res.inputs));
            if (!read.id) {
              delete this.current[res.urn];
              return this.record(steps, { urn: res.urn, op: "delete" });
            }
            const diffs = changedKeys(res.outputs, read.properties);
            const values = { olds: res.outputs, news: read.properties, keys: diffs, secretKeys: secretKeysOf(res) };
            res.outputs = read.properties;
            if (read.inputs) res.inputs = read.inputs;
            res.id = read.id;
            this.record(steps, diffs.length ? { urn: res.urn, op: "update", diffs } : { urn: res.urn, op: "same" }, values);
          } catch (e) {
            failures.push(failure(res.urn, "read", e));
          }
        }),
      );
      if (failures.length) throw new EngineError(failures, steps);
      return { steps, warnings: [] };
    });
  }

  /** Deletes every resource in reverse dependency order. */
  destroy(): Promise<OperationResult> {
    return this.serialized(async () => {
      const steps: Step[] = [];
      const failures: StepFailure[] = [];
      await this.deleteInOrder(Object.values(this.current), steps, failures, (res) => delete this.current[res.urn]);
      if (failures.length) throw new EngineError(failures, steps);
      return { steps, warnings: [] };
    });
  }

  /** Stops the provider host. */
  stop(): Promise<void> {
    return this.host.stop();
  }

  // ---- one preview/up ----

  private async run(program: Program, preview: boolean): Promise<RunResult> {
    const run: Run = {
      preview,
      steps: [],
      failures: [],
      failed: new Set(),
      declared: new Set(),
      pendingDeletes: [],
      next: structuredClone(this.current),
    };
    await pulumi.runtime.setMocks(
      {
        newResource: (args) => {
          throw new Error(`LocalEngine does not support reading existing resources (${args.type} ${args.name})`);
        },
        call: (args) => {
          throw new Error(`LocalEngine does not support invokes (${args.token})`);
        },
      },
      this.options.project ?? "project",
      this.options.stack ?? "stack",
      preview,
    );
    // The program (and the lookups in it) read the stack config, as under `pulumi up`.
    pulumi.runtime.setAllConfig(this.programConfig, this.options.secretConfigKeys ?? ["langdock:apiKey"]);
    // setMocks installed a MockMonitor; take over its RegisterResource so that we see the request as the
    // engine does (wire values with unknown sentinels and secret wrappers, dependencies, options).
    const monitor = pulumi.runtime.getMonitor() as unknown as MonitorLike;
    monitor.registerResource = (req, callback) => {
      this.register(run, req).then(
        (resp) => callback(null, resp),
        (err) => callback(err, undefined),
      );
    };
    monitor.registerResourceOutputs = (_req, callback) => callback(null, {});

    let programResult: unknown;
    let programError: unknown;
    // The SDK captures a stack trace for every output promise; with hundreds of resources that is a
    // large share of this process's CPU, and nothing here reads those traces.
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 1;
    try {
      programResult = await program();
      // Every registration holds the runtime's RPC keep-alive until its response is processed, including
      // registrations started later from apply callbacks: when this settles, the program is done.
      await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
    } catch (e) {
      programError = e;
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
    let stack: { outputs: Record<string, unknown>; secretOutputs: string[] } = { outputs: {}, secretOutputs: [] };
    try {
      stack = await resolveStackOutputs(programResult);
    } catch (e) {
      programError ??= e;
    }
    const { outputs, secretOutputs } = stack;
    if (programError) {
      run.failures.push({ urn: "(program)", op: "program", message: errorMessage(programError) });
      if (!preview) this.current = run.next;
      throw new EngineError(run.failures, run.steps, outputs);
    }

    // Resources no longer declared, then old halves of replacements, in reverse dependency order.
    const gone = Object.values(this.current).filter((res) => !run.declared.has(res.urn));
    const toDelete = [...gone, ...run.pendingDeletes];
    if (preview) {
      for (const res of gone) this.record(run.steps, { urn: res.urn, op: "delete" });
    } else {
      await this.deleteInOrder(
        toDelete,
        run.steps,
        run.failures,
        (res) => {
          if (!run.declared.has(res.urn)) delete run.next[res.urn];
        },
        run.pendingDeletes,
      );
      this.current = run.next;
    }
    if (run.failures.length) throw new EngineError(run.failures, run.steps, outputs);
    return { steps: run.steps, outputs, secretOutputs, warnings: [] };
  }

  /** The engine's handling of one RegisterResource: check, diff, then the step. */
  private async register(run: Run, req: RegisterRequest): Promise<unknown> {
    const urn = makeUrn(this.options, req.getType(), req.getName(), req.getParent());
    try {
      return await runStep(this.stepEnv(), run, req, urn);
    } catch (e) {
      // A bug here must not become an unhandled rejection in the program: record it like a failed step.
      run.failures.push(failure(urn, "engine", e));
      run.failed.add(urn);
      const resp = new (protocol().pb.RegisterResourceResponse)();
      resp.setUrn(urn);
      resp.setResult(protocol().pb.Result.FAIL);
      return resp;
    }
  }

  /**
   * Deletes so that nothing is deleted while a resource that depends on it still exists; each wave
   * runs in parallel. After a wave with a failure it stops, as the engine does.
   */
  private async deleteInOrder(
    resources: ResourceState[],
    steps: Step[],
    failures: StepFailure[],
    onDeleted: (res: ResourceState) => void,
    replacedOlds: ResourceState[] = [],
  ): Promise<void> {
    let remaining = [...resources];
    while (remaining.length) {
      const wave = remaining.filter((res) => !remaining.some((other) => other !== res && other.dependencies.includes(res.urn)));
      if (wave.length === 0) throw new Error(`dependency cycle among ${remaining.map((r) => r.urn).join(", ")}`);
      let failed = false;
      await Promise.all(
        wave.map(async (res) => {
          try {
            await this.limit.run(() => this.host.delete(res.urn, res.id, res.outputs, res.inputs));
            if (!replacedOlds.includes(res)) this.record(steps, { urn: res.urn, op: "delete" });
            onDeleted(res);
          } catch (e) {
            failed = true;
            failures.push(failure(res.urn, "delete", e));
          }
        }),
      );
      if (failed) return;
      remaining = remaining.filter((res) => !wave.includes(res));
    }
  }

  private stepEnv(): StepEnv {
    return { host: this.host, limit: this.limit, current: this.current, record: (steps, step, values) => this.record(steps, step, values) };
  }

  /** Records a completed step with its old → new values and the warnings written while it ran, then calls onStep. */
  private record(steps: Step[], step: Step, values?: StepValues): void {
    if (values?.keys && step.op !== "same") {
      const changes = stepChanges(values.keys, values.olds, values.news, values.secretKeys ?? new Set());
      if (changes.length) step.changes = changes;
    }
    const warnings = this.warnings?.pending.splice(0) ?? [];
    if (warnings.length) step.warnings = warnings;
    steps.push(step);
    this.options.onStep?.(step);
  }

  /** One operation at a time per process; its warnings (all arrived: host calls settle after them) go with its result. */
  private serialized<T extends OperationResult>(operation: () => Promise<T>): Promise<T> {
    const guarded = async () => {
      const warnings = (this.warnings = { all: [], pending: [] });
      try {
        return Object.assign(await operation(), { warnings: warnings.all });
      } catch (err) {
        if (err instanceof EngineError) err.warnings.push(...warnings.all);
        throw err;
      } finally {
        this.warnings = undefined;
      }
    };
    const result = exclusive.then(guarded, guarded);
    exclusive = result.catch(() => undefined);
    return result;
  }
}

/** Top-level properties whose values are secret in a stored resource. */
function secretKeysOf(res: ResourceState): Set<string> {
  return new Set([...res.secretPaths.map((p) => String(parsePath(p)[0])), ...res.secretOutputs]);
}
