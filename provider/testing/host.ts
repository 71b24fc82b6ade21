import { ChildProcess, spawn } from "child_process";
import { createRequire } from "module";
import * as readline from "readline";

/**
 * Drives the real Pulumi dynamic-provider host (`@pulumi/pulumi/cmd/dynamic-provider`) over gRPC the
 * way the Pulumi engine does, without a Pulumi CLI: spawn it in the program directory, read its port
 * from the first stdout line, call Configure, then Check/Diff/Create/Read/Update/Delete with the
 * resource's serialized `__provider` in the properties. Every value crosses the real protobuf Struct
 * encoding, so what works here works under `pulumi up`.
 */

import type { PartialState, Props, CheckResult, DiffResult, CreateResult, ReadResult, UpdateResult } from "./hostTypes";

export * from "./hostTypes";

/** A failed host call. `message` is the provider's own message. */
export class ProviderError extends Error {
  override name = "ProviderError";
  constructor(
    message: string,
    readonly operation: string,
    readonly urn: string,
    /** gRPC status code (2 = UNKNOWN for provider errors, 4 = DEADLINE_EXCEEDED, 14 = UNAVAILABLE). */
    readonly code: number,
    /** Set when the error carried `ErrorResourceInitFailed`: the engine keeps this id and these properties. */
    readonly partial?: PartialState,
  ) {
    super(message);
  }
}

export interface ProviderHostOptions {
  /** The Pulumi program directory; `pulumi-langdock` must be installed in its node_modules. */
  cwd: string;
  /** Stack config the engine would send to Configure, e.g. `{ "langdock:apiKey": "…", "langdock:baseUrl": "…" }`. */
  config?: Record<string, string>;
  /** Extra environment for the host process (merged over this process's environment). */
  env?: NodeJS.ProcessEnv;
  /** Project name (the host resolves config keys without a namespace against it). Default "project". */
  project?: string;
  /** Time to wait for the host to print its port. Default 20 s. */
  startTimeoutMs?: number;
  /** Deadline of every call. Default 180 s, above the provider's own retry budget. */
  callTimeoutMs?: number;
}

export interface ProviderHost {
  readonly pid: number;
  readonly port: number;
  /** Lines the host (and the provider code in it) wrote to stderr; the host logs every failed check/diff/read/delete here. */
  readonly stderr: string[];
  /** Calls `listener` with each stderr line as it arrives; returns a function that stops it. */
  onStderrLine(listener: (line: string) => void): () => void;
  /** Lines written to stdout after the port line (provider `console.log`). */
  readonly stdout: string[];
  check(urn: string, olds: Props, news: Props): Promise<CheckResult>;
  diff(urn: string, id: string, olds: Props, news: Props): Promise<DiffResult>;
  /** Note: the dynamic host ignores `preview` and really creates; the engine never calls create in preview. */
  create(urn: string, news: Props, options?: { preview?: boolean }): Promise<CreateResult>;
  read(urn: string, id: string, props: Props, inputs?: Props): Promise<ReadResult>;
  update(urn: string, id: string, olds: Props, news: Props, oldInputs?: Props): Promise<UpdateResult>;
  delete(urn: string, id: string, props: Props, oldInputs?: Props): Promise<void>;
  /** Closes the connection and kills the host (SIGTERM, then SIGKILL after 3 s). */
  stop(): Promise<void>;
}

const DEFAULT_START_TIMEOUT_MS = 20_000;

/** Runs `then` after the I/O already readable now (the host's stderr lines) has been processed. */
function afterPendingReads(then: () => void): void {
  setImmediate(() => setImmediate(then));
}
// Above the provider's own budget (120 s of retries plus a 30 s request), so a rate-limited call ends
// with the provider's message rather than this deadline.
const DEFAULT_CALL_TIMEOUT_MS = 180_000;

/** Spawns the dynamic-provider host in `cwd`, connects, and calls Configure with `config`. */
export async function startProviderHost(options: ProviderHostOptions): Promise<ProviderHost> {
  const proto = loadProtocol();
  const script = hostScript(options.cwd);
  const child = spawn(process.execPath, [script, "127.0.0.1:1"], {
    cwd: options.cwd,
    env: { ...process.env, PULUMI_NODEJS_PROJECT: options.project ?? "project", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  liveChildren.add(child);
  child.once("exit", () => liveChildren.delete(child));

  const stderr: string[] = [];
  const stdout: string[] = [];
  const listeners = new Set<(line: string) => void>();
  readline.createInterface({ input: child.stderr! }).on("line", (line) => {
    stderr.push(line);
    for (const listener of listeners) listener(line);
  });
  let port: number;
  try {
    port = await readPort(child, stdout, stderr, options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS);
  } catch (e) {
    kill(child);
    throw e;
  }

  const client = new proto.rpc.ResourceProviderClient(`127.0.0.1:${port}`, proto.grpc.credentials.createInsecure());
  const callTimeoutMs = options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
  const { Struct } = proto.struct;
  const toStruct = (value: Props) => Struct.fromJavaScript(toWire(value) as Record<string, never>);
  const fromStruct = (value: { toJavaScript(): unknown } | undefined): Props => (value ? (value.toJavaScript() as Props) : {});

  /** One unary call with a deadline; gRPC errors become ProviderErrors carrying the provider's message. */
  const call = <Resp>(method: string, urn: string, request: unknown): Promise<Resp> =>
    new Promise((resolve, reject) => {
      const deadline = Date.now() + callTimeoutMs;
      const unary = (client as unknown as Record<string, UnaryCall<Resp>>)[method].bind(client);
      unary(request, new proto.grpc.Metadata(), { deadline }, (err, resp) => {
        // The host writes stderr (a pipe, synchronous on Linux) before it answers, so its lines are already
        // readable here; one turn of the event loop delivers them, and the call settles after its warnings.
        afterPendingReads(() => {
          if (!err) return resolve(resp);
          reject(toProviderError(proto, err, method, urn, callTimeoutMs, child, stderr));
        });
      });
    });

  const configure = new proto.pb.ConfigureRequest();
  configure.setArgs(toStruct(options.config ?? {}));
  configure.setAcceptsecrets(false);
  configure.setAcceptresources(false);
  try {
    await call("configure", "", configure);
  } catch (e) {
    client.close();
    kill(child);
    throw e;
  }

  let stopped: Promise<void> | undefined;
  return {
    pid: child.pid!,
    port,
    stderr,
    stdout,
    onStderrLine(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async check(urn, olds, news) {
      const req = new proto.pb.CheckRequest();
      req.setUrn(urn);
      req.setOlds(toStruct(olds));
      req.setNews(toStruct(news));
      const resp = await call<InstanceType<typeof proto.pb.CheckResponse>>("check", urn, req);
      return {
        inputs: fromStruct(resp.getInputs()),
        failures: resp.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })),
      };
    },
    async diff(urn, id, olds, news) {
      const req = forResource(new proto.pb.DiffRequest(), urn, id);
      req.setOlds(toStruct(olds));
      req.setNews(toStruct(news));
      const resp = await call<InstanceType<typeof proto.pb.DiffResponse>>("diff", urn, req);
      const changes = resp.getChanges();
      const { DiffChanges } = proto.pb.DiffResponse;
      return {
        changes: changes === DiffChanges.DIFF_SOME ? true : changes === DiffChanges.DIFF_NONE ? false : undefined,
        replaces: resp.getReplacesList(),
        deleteBeforeReplace: resp.getDeletebeforereplace(),
        diffs: resp.getDiffsList(),
      };
    },
    async create(urn, news, opts) {
      const req = new proto.pb.CreateRequest();
      req.setUrn(urn);
      req.setProperties(toStruct(news));
      req.setPreview(opts?.preview ?? false);
      const resp = await call<InstanceType<typeof proto.pb.CreateResponse>>("create", urn, req);
      return { id: resp.getId(), properties: fromStruct(resp.getProperties()) };
    },
    async read(urn, id, props, inputs) {
      const req = forResource(new proto.pb.ReadRequest(), urn, id);
      req.setProperties(toStruct(props));
      if (inputs) req.setInputs(toStruct(inputs));
      const resp = await call<InstanceType<typeof proto.pb.ReadResponse>>("read", urn, req);
      const result: ReadResult = { id: resp.getId(), properties: fromStruct(resp.getProperties()) };
      if (resp.hasInputs()) result.inputs = fromStruct(resp.getInputs());
      return result;
    },
    async update(urn, id, olds, news, oldInputs) {
      const req = forResource(new proto.pb.UpdateRequest(), urn, id);
      req.setOlds(toStruct(olds));
      req.setNews(toStruct(news));
      if (oldInputs) req.setOldInputs(toStruct(oldInputs));
      const resp = await call<InstanceType<typeof proto.pb.UpdateResponse>>("update", urn, req);
      return { properties: fromStruct(resp.getProperties()) };
    },
    async delete(urn, id, props, oldInputs) {
      const req = forResource(new proto.pb.DeleteRequest(), urn, id);
      req.setProperties(toStruct(props));
      if (oldInputs) req.setOldInputs(toStruct(oldInputs));
      await call("delete", urn, req);
    },
    stop() {
      stopped ??= (async () => {
        client.close();
        await kill(child);
      })();
      return stopped;
    },
  };
}

// ---- protocol modules ----

type GrpcModule = typeof import("@grpc/grpc-js");
interface Protocol {
  grpc: GrpcModule;
  rpc: typeof import("@pulumi/pulumi/proto/provider_grpc_pb");
  pb: typeof import("@pulumi/pulumi/proto/provider_pb");
  status: typeof import("@pulumi/pulumi/proto/status_pb");
  struct: typeof import("google-protobuf/google/protobuf/struct_pb");
}

let protocol: Protocol | undefined;

/**
 * Loads gRPC and the generated messages from @pulumi/pulumi's own install location: they are its
 * dependencies, not ours, and must be the very instances its generated client code uses.
 */
function loadProtocol(): Protocol {
  if (protocol) return protocol;
  const fromPulumi = createRequire(require.resolve("@pulumi/pulumi/package.json"));
  protocol = {
    grpc: fromPulumi("@grpc/grpc-js"),
    rpc: fromPulumi("@pulumi/pulumi/proto/provider_grpc_pb"),
    pb: fromPulumi("@pulumi/pulumi/proto/provider_pb"),
    status: fromPulumi("@pulumi/pulumi/proto/status_pb"),
    struct: fromPulumi("google-protobuf/google/protobuf/struct_pb"),
  };
  return protocol;
}

/** The host script the engine would run for this program: the program's own @pulumi/pulumi. */
function hostScript(cwd: string): string {
  try {
    return require.resolve("@pulumi/pulumi/cmd/dynamic-provider/index.js", { paths: [cwd] });
  } catch {
    return require.resolve("@pulumi/pulumi/cmd/dynamic-provider/index.js");
  }
}

// ---- values ----

/** google-protobuf's Struct rejects `undefined`: drop it from objects, make it `null` in lists (as JSON does). */
function toWire(value: unknown): unknown {
  if (value === undefined) return null;
  if (Array.isArray(value)) return value.map(toWire);
  if (value && typeof value === "object") {
    const out: Props = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined && typeof v !== "function") out[k] = toWire(v);
    return out;
  }
  return value;
}

// ---- errors ----

/** The shape of every generated unary client method (request, metadata, options, callback). */
type UnaryCall<Resp> = (
  request: unknown,
  metadata: unknown,
  options: { deadline: number },
  callback: (err: GrpcError | null, resp: Resp) => void,
) => void;

interface GrpcError extends Error {
  code: number;
  details: string;
  metadata?: { get(key: string): Array<string | Buffer> };
}

function toProviderError(
  proto: Protocol,
  err: GrpcError,
  method: string,
  urn: string,
  timeoutMs: number,
  child: ChildProcess,
  stderr: string[],
): ProviderError {
  const { status } = proto.grpc;
  let message = err.details || err.message;
  if (err.code === status.DEADLINE_EXCEEDED) message = `${method} timed out after ${timeoutMs} ms (${message})`;
  if (err.code === status.UNAVAILABLE && child.exitCode !== null) {
    message = `the provider host exited with code ${child.exitCode}: ${stderr.slice(-20).join("\n")}`;
  }
  return new ProviderError(message, method, urn, err.code, decodePartial(proto, err));
}

/** Decodes `ErrorResourceInitFailed` from the `grpc-status-details-bin` trailer, as the engine does. */
function decodePartial(proto: Protocol, err: GrpcError): PartialState | undefined {
  const raw = err.metadata?.get("grpc-status-details-bin")?.[0];
  if (!raw) return undefined;
  const bytes = typeof raw === "string" ? Buffer.from(raw, "base64") : raw;
  const statusMsg = proto.status.Status.deserializeBinary(new Uint8Array(bytes));
  for (const any of statusMsg.getDetailsList()) {
    if (!any.getTypeName().endsWith("pulumirpc.ErrorResourceInitFailed")) continue;
    const detail = proto.pb.ErrorResourceInitFailed.deserializeBinary(any.getValue_asU8());
    return {
      id: detail.getId(),
      properties: (detail.getProperties()?.toJavaScript() ?? {}) as Props,
      reasons: detail.getReasonsList(),
    };
  }
  return undefined;
}

// ---- process management ----

/** Hosts still running; killed when this process exits so no test run leaves one behind. */
const liveChildren = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of liveChildren) child.kill("SIGKILL");
});

function readPort(child: ChildProcess, stdout: string[], stderr: string[], timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let port: number | undefined;
    const timer = setTimeout(() => fail(`did not print its port within ${timeoutMs} ms`), timeoutMs);
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(`The dynamic provider host ${why}.\n${stderr.slice(-30).join("\n")}`));
    };
    readline.createInterface({ input: child.stdout! }).on("line", (line) => {
      if (port !== undefined) return void stdout.push(line);
      port = Number(line.trim());
      clearTimeout(timer);
      if (Number.isInteger(port) && port > 0) resolve(port);
      else fail(`printed "${line}" instead of its port`);
    });
    child.once("error", (e) => fail(`could not start: ${e.message}`));
    child.once("exit", (code, signal) => {
      // Let buffered stderr lines arrive before reporting.
      if (port === undefined) setTimeout(() => fail(`exited (code ${code}, signal ${signal}) before printing its port`), 50);
    });
  });
}

function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 3_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** The request fields every call about an existing resource carries. */
function forResource<R extends { setUrn(urn: string): void; setId(id: string): void }>(req: R, urn: string, id: string): R {
  req.setUrn(urn);
  req.setId(id);
  return req;
}
