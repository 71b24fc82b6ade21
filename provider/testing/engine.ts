import * as pulumi from "@pulumi/pulumi";
import { createRequire } from "module";
import { type CheckFailure, type PartialState, type Props, type ProviderHost, ProviderError, startProviderHost } from "./host";
import { deepEqual } from "../common/props";
import { UNKNOWN } from "../common/unknown";
import { MASK as SECRET_MASK } from "../common/redact";

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

export type StepOp = "create" | "update" | "replace" | "delete" | "same";

export interface Step {
  urn: string;
  op: StepOp;
  /** Top-level properties that differ (for create: none; for delete: none). */
  diffs?: string[];
  /** Properties that force a replacement. */
  replaces?: string[];
}

export interface StepFailure {
  urn: string;
  /** The operation that failed: check, create, update, replace, delete, read, or skip (a dependency failed). */
  op: string;
  message: string;
  /** Check failures, when `op` is "check". */
  failures?: CheckFailure[];
  /** Partial state the provider reported; it has been stored. */
  partial?: PartialState;
}

export interface ResourceState {
  urn: string;
  type: string;
  name: string;
  id: string;
  /** Checked inputs, as the provider returned them from Check (with `__provider`). */
  inputs: Props;
  /** Outputs from Create/Update/Read (with `__provider`). */
  outputs: Props;
  /** URNs this resource depends on. */
  dependencies: string[];
  /** Input paths the program marked secret (`a`, `a.b`, `a[0]`); outputs are secret per top-level property. */
  secretPaths: string[];
  /** Output properties the resource declared secret (`additionalSecretOutputs`). */
  secretOutputs: string[];
}

export type EngineState = Record<string, ResourceState>;

/** A program: declares resources; its (awaited) return value is the stack's outputs. */
export type Program = () => unknown;

export interface RunResult {
  steps: Step[];
  /** Stack outputs, resolved. Unknown values (preview) are the unknown sentinel string. */
  outputs: Record<string, unknown>;
  /** Names of stack outputs that are secret. */
  secretOutputs: string[];
}

export interface OperationResult {
  steps: Step[];
}

/** Thrown (rejected) by preview/up/refresh/destroy after the whole operation ran, when any step failed. */
export class EngineError extends Error {
  override name = "EngineError";
  constructor(
    readonly failures: StepFailure[],
    readonly steps: Step[],
    readonly outputs: Record<string, unknown> = {},
  ) {
    super(`${failures.length} resource operation(s) failed:\n${failures.map((f) => `  ${f.urn} (${f.op}): ${f.message}`).join("\n")}`);
  }
}

export interface LocalEngineOptions {
  /** Program directory: `pulumi-langdock` must be installed in its node_modules (the host runs there). */
  cwd: string;
  /** Stack config sent to the provider's Configure, e.g. `{ "langdock:apiKey": key, "langdock:baseUrl": url }`. */
  config?: Record<string, string>;
  /** Extra environment for the provider host. */
  env?: NodeJS.ProcessEnv;
  /** Maximum concurrent provider calls; default 10 (like `pulumi up --parallel`). */
  parallel?: number;
  project?: string;
  stack?: string;
  /** Start from this state (e.g. one saved from `engine.state`). */
  state?: EngineState;
  /** Called as each step completes (or is planned, in preview). */
  onStep?: (step: Step) => void;
  /** Deadline of each provider call; default 180 s (longer than the provider's own retry budget). */
  callTimeoutMs?: number;
}

const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
const OUTPUT_VALUE_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
const PROVIDER_KEY = "__provider";

/** The runtime is process-global: operations of all engines in this process run one at a time. */
let exclusive: Promise<unknown> = Promise.resolve();

export class LocalEngine {
  private current: EngineState;
  private readonly limit: Semaphore;

  private constructor(
    readonly host: ProviderHost,
    private readonly options: LocalEngineOptions,
  ) {
    this.current = structuredClone(options.state ?? {});
    this.limit = new Semaphore(options.parallel ?? 10);
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
            res.id = read.id;
            res.outputs = read.properties;
            if (read.inputs) res.inputs = read.inputs;
            this.record(steps, diffs.length ? { urn: res.urn, op: "update", diffs } : { urn: res.urn, op: "same" });
          } catch (e) {
            failures.push(failure(res.urn, "read", e));
          }
        }),
      );
      if (failures.length) throw new EngineError(failures, steps);
      return { steps };
    });
  }

  /** Deletes every resource in reverse dependency order. */
  destroy(): Promise<OperationResult> {
    return this.serialized(async () => {
      const steps: Step[] = [];
      const failures: StepFailure[] = [];
      await this.deleteInOrder(Object.values(this.current), steps, failures, (res) => delete this.current[res.urn]);
      if (failures.length) throw new EngineError(failures, steps);
      return { steps };
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
    return { steps: run.steps, outputs, secretOutputs };
  }

  /** The engine's handling of one RegisterResource: check, diff, then the step. */
  private async register(run: Run, req: RegisterRequest): Promise<unknown> {
    const urn = makeUrn(this.options, req.getType(), req.getName(), req.getParent());
    try {
      return await this.step(run, req, urn);
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

  private async step(run: Run, req: RegisterRequest, urn: string): Promise<unknown> {
    const type = req.getType();
    const name = req.getName();
    const { pb, Struct } = protocol();
    const respond = (id: string, object: Props, ok = true) => {
      const resp = new pb.RegisterResourceResponse();
      resp.setUrn(urn);
      resp.setId(id);
      resp.setObject(Struct.fromJavaScript(object as Record<string, never>));
      // A failed resource's outputs stay unknown, so nothing downstream sees made-up values.
      resp.setResult(ok ? pb.Result.SUCCESS : pb.Result.FAIL);
      return resp;
    };
    const raw = (req.getObject()?.toJavaScript() ?? {}) as Props;
    if (!req.getCustom()) return respond("", raw); // components: nothing to do
    run.declared.add(urn);

    const { value: news, secretPaths } = fromWire(raw);
    const secretOutputs = req.getAdditionalsecretoutputsList();
    const dependencies = req.getDependenciesList();
    const unknownOutputs = () => Object.fromEntries(Object.keys(news).map((k) => [k, UNKNOWN]));
    const fail = (op: string, err: unknown) => {
      run.failures.push(failure(urn, op, err));
      run.failed.add(urn);
      return respond("", unknownOutputs(), false);
    };
    const blocker = dependencies.find((d) => run.failed.has(d));
    if (blocker) return fail("skip", new Error(`not attempted: it depends on ${blocker}, which failed`));
    if (!type.startsWith("pulumi-nodejs:dynamic")) return fail("check", new Error(`LocalEngine only runs dynamic resources, not ${type}`));

    const old = this.current[urn];
    // What the program sees: the outputs, with the properties that came in secret marked secret again.
    const secretKeys = new Set([...secretPaths.map((p) => String(parsePath(p)[0])), ...secretOutputs]);
    const toProgram = (props: Props) => markSecret(withoutProvider(props), secretKeys);
    const remember = (id: string, inputs: Props, outputs: Props) => {
      run.next[urn] = { urn, type, name, id, inputs, outputs, dependencies, secretPaths, secretOutputs };
    };

    let checked: Props;
    try {
      const result = await this.limit.run(() => this.host.check(urn, old?.inputs ?? {}, news));
      if (result.failures.length) {
        const err = new Error(result.failures.map((f) => `${f.property}: ${f.reason}`).join("; "));
        run.failures.push({ ...failure(urn, "check", err), failures: result.failures });
        run.failed.add(urn);
        return respond("", unknownOutputs(), false);
      }
      checked = result.inputs;
    } catch (e) {
      return fail("check", e);
    }

    if (!old) {
      this.record(run.steps, { urn, op: "create" });
      if (run.preview) return respond("", toProgram(checked));
      try {
        const created = await this.limit.run(() => this.host.create(urn, checked));
        remember(created.id, checked, created.properties);
        return respond(created.id, toProgram(created.properties));
      } catch (e) {
        return this.failStep(run, urn, "create", e, (p) => remember(p.id, checked, p.properties), fail);
      }
    }

    let diff;
    try {
      diff = await this.limit.run(() => this.host.diff(urn, old.id, old.outputs, checked));
    } catch (e) {
      return fail("diff", e);
    }
    // DIFF_UNKNOWN: the engine compares old and new inputs itself.
    const inputDiffs = changedKeys(old.inputs, checked);
    const changes = diff.changes ?? inputDiffs.length > 0;
    const forced = req.getReplaceonchangesList().filter((k) => inputDiffs.includes(k));
    const replaces = [...new Set([...diff.replaces, ...(changes ? forced : [])])];
    // For display: the provider's list if any, else changed inputs, else (drift found by refresh) the
    // inputs whose stored outputs no longer match.
    const drifted = () => changedKeys(pick(old.outputs, Object.keys(checked)), checked);
    const diffs = diff.diffs.length ? diff.diffs : [...new Set([...(inputDiffs.length ? inputDiffs : drifted()), ...replaces])].sort();

    if (!changes && replaces.length === 0) {
      this.record(run.steps, { urn, op: "same" });
      remember(old.id, checked, old.outputs);
      return respond(old.id, toProgram(old.outputs));
    }
    if (replaces.length === 0) {
      this.record(run.steps, { urn, op: "update", diffs });
      if (run.preview) return respond(old.id, toProgram(checked));
      try {
        const updated = await this.limit.run(() => this.host.update(urn, old.id, old.outputs, checked, old.inputs));
        remember(old.id, checked, updated.properties);
        return respond(old.id, toProgram(updated.properties));
      } catch (e) {
        // The update did not happen: the old state stands, unless the provider reported partial state.
        return this.failStep(run, urn, "update", e, (p) => remember(p.id || old.id, checked, p.properties), fail);
      }
    }

    this.record(run.steps, { urn, op: "replace", diffs, replaces });
    if (run.preview) return respond("", toProgram(checked));
    const deleteFirst = diff.deleteBeforeReplace || req.getDeletebeforereplace();
    try {
      if (deleteFirst) {
        await this.limit.run(() => this.host.delete(urn, old.id, old.outputs, old.inputs));
        delete run.next[urn];
      }
      const created = await this.limit.run(() => this.host.create(urn, checked));
      remember(created.id, checked, created.properties);
      // Create-before-delete: the old one goes once everything else is done (dependents moved over).
      if (!deleteFirst) run.pendingDeletes.push(old);
      return respond(created.id, toProgram(created.properties));
    } catch (e) {
      return this.failStep(
        run,
        urn,
        "replace",
        e,
        (p) => {
          // The replacement exists (partially) and takes the URN; the old one must still be deleted.
          remember(p.id, checked, p.properties);
          if (!deleteFirst) run.pendingDeletes.push(old);
        },
        fail,
      );
    }
  }

  /** Records a failed create/update; keeps the partial state the provider reported, as the engine does. */
  private failStep(
    run: Run,
    urn: string,
    op: string,
    err: unknown,
    keep: (p: PartialState) => void,
    fail: (op: string, e: unknown) => unknown,
  ) {
    const partial = err instanceof ProviderError ? err.partial : undefined;
    if (partial) keep(partial);
    return fail(op, err);
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

  private record(steps: Step[], step: Step): void {
    steps.push(step);
    this.options.onStep?.(step);
  }

  private serialized<T>(operation: () => Promise<T>): Promise<T> {
    const result = exclusive.then(operation, operation);
    exclusive = result.catch(() => undefined);
    return result;
  }
}

interface Run {
  preview: boolean;
  steps: Step[];
  failures: StepFailure[];
  /** URNs whose step failed or was skipped; their dependents are skipped. */
  failed: Set<string>;
  declared: Set<string>;
  /** Old halves of create-before-delete replacements, deleted at the end. */
  pendingDeletes: ResourceState[];
  /** The state being built (committed after `up`, discarded after preview). */
  next: EngineState;
}

// ---- the monitor protocol (only what we use) ----

interface RegisterRequest {
  getType(): string;
  getName(): string;
  getParent(): string;
  getCustom(): boolean;
  getObject(): { toJavaScript(): unknown } | undefined;
  getDependenciesList(): string[];
  getAdditionalsecretoutputsList(): string[];
  getReplaceonchangesList(): string[];
  getDeletebeforereplace(): boolean;
}

interface MonitorLike {
  registerResource(req: RegisterRequest, callback: (err: unknown, resp: unknown) => void): void;
  registerResourceOutputs(req: unknown, callback: (err: unknown, resp: unknown) => void): void;
}

interface ResourceProto {
  pb: typeof import("@pulumi/pulumi/proto/resource_pb");
  Struct: typeof import("google-protobuf/google/protobuf/struct_pb").Struct;
}
let resourceProto: ResourceProto | undefined;
/** The generated messages of the same @pulumi/pulumi instance the program uses. */
function protocol(): ResourceProto {
  if (!resourceProto) {
    const fromPulumi = createRequire(require.resolve("@pulumi/pulumi/package.json"));
    resourceProto = {
      pb: fromPulumi("@pulumi/pulumi/proto/resource_pb"),
      Struct: fromPulumi("google-protobuf/google/protobuf/struct_pb").Struct,
    };
  }
  return resourceProto;
}

/** Like the engine: children of the stack (or of nothing) get plain URNs; others carry the parent's type. */
function makeUrn(options: LocalEngineOptions, type: string, name: string, parent: string): string {
  const parentType = parent ? parent.split("::")[2] : "";
  const qualified = parentType && parentType !== "pulumi:pulumi:Stack" ? `${parentType}$${type}` : type;
  return `urn:pulumi:${options.stack ?? "stack"}::${options.project ?? "project"}::${qualified}::${name}`;
}

// ---- values ----

/**
 * Turns the program's wire values into what the engine sends a provider that does not accept
 * secrets or resource references: secrets unwrapped (their paths remembered), references replaced by
 * the resource's id, unknowns kept as the sentinel string.
 */
function fromWire(raw: Props): { value: Props; secretPaths: string[] } {
  const secretPaths: string[] = [];
  const walk = (value: unknown, path: string): unknown => {
    if (Array.isArray(value)) return value.map((v, i) => walk(v, `${path}[${i}]`));
    if (!value || typeof value !== "object") return value;
    const obj = value as Props;
    switch (obj[SIG_KEY]) {
      case SECRET_SIG:
        secretPaths.push(path);
        return walk(obj.value, path);
      case RESOURCE_SIG:
        return obj.id === undefined ? obj.urn : obj.id === "" ? UNKNOWN : obj.id;
      case OUTPUT_VALUE_SIG:
        if (obj.secret) secretPaths.push(path);
        return obj.value === undefined ? UNKNOWN : walk(obj.value, path);
      case undefined:
        return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, walk(v, path ? `${path}.${k}` : k)]));
      default:
        return obj; // assets and archives pass through
    }
  };
  const value = walk(raw, "") as Props;
  // The serialized provider is secret only when its closure captured secrets; that is not a user input.
  return { value, secretPaths: secretPaths.filter((p) => p !== PROVIDER_KEY) };
}

function markSecret(props: Props, keys: Set<string>): Props {
  const out: Props = {};
  for (const [k, v] of Object.entries(props)) out[k] = keys.has(k) ? { [SIG_KEY]: SECRET_SIG, value: v } : v;
  return out;
}

function pick(props: Props, keys: string[]): Props {
  return Object.fromEntries(keys.filter((k) => k in props).map((k) => [k, props[k]]));
}

function withoutProvider(props: Props): Props {
  const { [PROVIDER_KEY]: _provider, ...rest } = props;
  return rest;
}

/** Top-level properties (other than `__provider`) whose values differ. */
function changedKeys(a: Props, b: Props): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  keys.delete(PROVIDER_KEY);
  return [...keys].filter((k) => !deepEqual(a[k], b[k])).sort();
}

/** "a.b[0].c" → ["a", "b", 0, "c"]. */
function parsePath(path: string): Array<string | number> {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]));
}

function maskPath(root: Props, path: Array<string | number>): void {
  let node: unknown = root;
  for (const segment of path.slice(0, -1)) {
    if (!node || typeof node !== "object") return;
    node = (node as Record<string | number, unknown>)[segment];
  }
  const last = path[path.length - 1];
  if (node && typeof node === "object" && last !== undefined && last in node)
    (node as Record<string | number, unknown>)[last] = SECRET_MASK;
}

/** Resolves the program's return value: each top-level output awaited, unknowns as the sentinel. */
async function resolveStackOutputs(result: unknown): Promise<{ outputs: Record<string, unknown>; secretOutputs: string[] }> {
  const outputs: Record<string, unknown> = {};
  const secretOutputs: string[] = [];
  if (!result || typeof result !== "object") return { outputs, secretOutputs };
  for (const [key, value] of Object.entries(result)) {
    const output = pulumi.output(value) as unknown as { promise(withUnknowns: boolean): Promise<unknown>; isSecret: Promise<boolean> };
    outputs[key] = replaceUnknowns(await output.promise(true));
    if (await output.isSecret) secretOutputs.push(key);
  }
  return { outputs, secretOutputs };
}

function replaceUnknowns(value: unknown): unknown {
  if (pulumi.isUnknown(value)) return UNKNOWN;
  if (Array.isArray(value)) return value.map(replaceUnknowns);
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceUnknowns(v)]));
  }
  return value;
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function failure(urn: string, op: string, err: unknown): StepFailure {
  const result: StepFailure = { urn, op, message: errorMessage(err) };
  if (err instanceof ProviderError && err.partial) result.partial = err.partial;
  return result;
}

/** Bounds concurrent provider calls (the engine's `--parallel`). */
class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  constructor(private readonly max: number) {
    if (!Number.isInteger(max) || max < 1) throw new Error(`parallel must be a whole number of at least 1, got ${max}`);
  }
  async run<T>(task: () => Promise<T>): Promise<T> {
    // A finishing task hands its slot straight to the next waiter, so no newcomer can slip in between.
    if (this.active < this.max) this.active++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}
