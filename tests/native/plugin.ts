import { spawn, type ChildProcess } from "child_process";
import * as path from "path";
import * as readline from "readline";
import { loadProtocol } from "../../provider/native/protocol";
import { SECRET_SIG, SIG_KEY } from "../../provider/native/values";

/**
 * Drives the built native plugin (`dist/native/main.js`) over gRPC the way the engine does, with a fake
 * engine whose Log service records what the plugin reports. Values cross the real protobuf encoding.
 */
export type Props = Record<string, unknown>;
export const PLUGIN = path.join(__dirname, "..", "..", "dist", "native", "main.js");
export const secret = (value: unknown) => ({ [SIG_KEY]: SECRET_SIG, value });
export const urnOf = (kind: string, name: string) => `urn:pulumi:test::project::langdock:index:${kind}::${name}`;

export interface LogEntry {
  severity: number;
  message: string;
  urn: string;
}

export interface PluginError extends Error {
  code: number;
  details: string;
  partial?: { id: string; properties: Props; reasons: string[] };
}

const proto = loadProtocol();
type Unary = (req: unknown, md: unknown, opts: unknown, cb: (err: PluginError | null, resp: never) => void) => void;

export async function startPlugin(env: NodeJS.ProcessEnv = {}) {
  const logs: LogEntry[] = [];
  const engine = new proto.grpc.Server();
  engine.addService(proto.engineRpc.EngineService, {
    log: (call: { request: InstanceType<typeof proto.engine.LogRequest> }, cb: (e: null, r: unknown) => void) => {
      logs.push({ severity: call.request.getSeverity(), message: call.request.getMessage(), urn: call.request.getUrn() });
      cb(null, new proto.empty.Empty());
    },
  } as never);
  const enginePort = await new Promise<number>((resolve, reject) =>
    engine.bindAsync("127.0.0.1:0", proto.grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))),
  );
  const child: ChildProcess = spawn(process.execPath, [PLUGIN, "--logtostderr", `127.0.0.1:${enginePort}`], {
    env: { ...process.env, LANGDOCK_API_KEY: "", LANGDOCK_BASE_URL: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stderr: string[] = [];
  readline.createInterface({ input: child.stderr! }).on("line", (line) => stderr.push(line));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no port within 20 s: ${stderr.join("\n")}`)), 20_000);
    readline.createInterface({ input: child.stdout! }).once("line", (line) => {
      clearTimeout(timer);
      resolve(Number(line));
    });
    child.once("exit", (code) => reject(new Error(`plugin exited with ${code}: ${stderr.join("\n")}`)));
  });
  const client = new proto.providerRpc.ResourceProviderClient(`127.0.0.1:${port}`, proto.grpc.credentials.createInsecure());
  const { Struct } = proto.struct;
  const pb = proto.provider;
  const struct = (value: Props) => Struct.fromJavaScript(JSON.parse(JSON.stringify(value)) as never);
  const js = (value: { toJavaScript(): unknown } | undefined) => (value?.toJavaScript() ?? {}) as Props;

  const call = <R>(method: string, req: unknown): Promise<R> =>
    new Promise((resolve, reject) => {
      const fn = (client as unknown as Record<string, Unary>)[method].bind(client);
      fn(req, new proto.grpc.Metadata(), { deadline: Date.now() + 60_000 }, (err, resp) => {
        if (!err) return resolve(resp as R);
        const raw = (err as unknown as { metadata?: { get(k: string): Buffer[] } }).metadata?.get("grpc-status-details-bin")?.[0];
        if (raw) {
          const status = proto.status.Status.deserializeBinary(new Uint8Array(raw));
          for (const any of status.getDetailsList()) {
            const detail = pb.ErrorResourceInitFailed.deserializeBinary(any.getValue_asU8());
            err.partial = { id: detail.getId(), properties: js(detail.getProperties()), reasons: detail.getReasonsList() };
          }
        }
        reject(err);
      });
    });

  return {
    logs,
    stderr,
    pid: child.pid!,
    async configure(args: Props) {
      const resp = await call<InstanceType<typeof pb.ConfigureResponse>>(
        "configure",
        new pb.ConfigureRequest().setArgs(struct(args)).setAcceptsecrets(true),
      );
      return { acceptSecrets: resp.getAcceptsecrets(), supportsPreview: resp.getSupportspreview() };
    },
    async checkConfig(news: Props, urn = "urn:pulumi:test::project::pulumi:providers:langdock::default") {
      const resp = await call<InstanceType<typeof pb.CheckResponse>>(
        "checkConfig",
        new pb.CheckRequest().setUrn(urn).setNews(struct(news)).setOlds(struct({})),
      );
      return {
        inputs: js(resp.getInputs()),
        failures: resp.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })),
      };
    },
    async diffConfig(olds: Props, news: Props) {
      const resp = await call<InstanceType<typeof pb.DiffResponse>>(
        "diffConfig",
        new pb.DiffRequest().setUrn("urn:p").setOlds(struct(olds)).setNews(struct(news)),
      );
      return { changes: resp.getChanges(), diffs: resp.getDiffsList(), replaces: resp.getReplacesList() };
    },
    async check(urn: string, olds: Props, news: Props) {
      const resp = await call<InstanceType<typeof pb.CheckResponse>>(
        "check",
        new pb.CheckRequest().setUrn(urn).setOlds(struct(olds)).setNews(struct(news)),
      );
      return {
        inputs: js(resp.getInputs()),
        failures: resp.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })),
      };
    },
    async diff(urn: string, id: string, olds: Props, news: Props) {
      const resp = await call<InstanceType<typeof pb.DiffResponse>>(
        "diff",
        new pb.DiffRequest().setUrn(urn).setId(id).setOlds(struct(olds)).setNews(struct(news)),
      );
      const detailed: Record<string, number> = {};
      resp.getDetaileddiffMap().forEach((v, k) => (detailed[k] = v.getKind()));
      return { changes: resp.getChanges(), replaces: resp.getReplacesList(), diffs: resp.getDiffsList(), detailed };
    },
    async create(urn: string, news: Props, options: { preview?: boolean; timeout?: number } = {}) {
      const req = new pb.CreateRequest()
        .setUrn(urn)
        .setProperties(struct(news))
        .setPreview(!!options.preview)
        .setTimeout(options.timeout ?? 0);
      const resp = await call<InstanceType<typeof pb.CreateResponse>>("create", req);
      return { id: resp.getId(), properties: js(resp.getProperties()) };
    },
    async read(urn: string, id: string, props: Props = {}, inputs: Props = {}) {
      const req = new pb.ReadRequest().setUrn(urn).setId(id).setProperties(struct(props)).setInputs(struct(inputs));
      const resp = await call<InstanceType<typeof pb.ReadResponse>>("read", req);
      return { id: resp.getId(), properties: js(resp.getProperties()), inputs: resp.hasInputs() ? js(resp.getInputs()) : undefined };
    },
    async update(urn: string, id: string, olds: Props, news: Props, timeout = 0, preview = false) {
      const req = new pb.UpdateRequest()
        .setUrn(urn)
        .setId(id)
        .setOlds(struct(olds))
        .setNews(struct(news))
        .setTimeout(timeout)
        .setPreview(preview);
      return { properties: js((await call<InstanceType<typeof pb.UpdateResponse>>("update", req)).getProperties()) };
    },
    async delete(urn: string, id: string, props: Props, timeout = 0) {
      await call("delete", new pb.DeleteRequest().setUrn(urn).setId(id).setProperties(struct(props)).setTimeout(timeout));
    },
    async invoke(tok: string, args: Props = {}) {
      const resp = await call<InstanceType<typeof pb.InvokeResponse>>("invoke", new pb.InvokeRequest().setTok(tok).setArgs(struct(args)));
      return {
        result: js(resp.getReturn()),
        failures: resp.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })),
      };
    },
    async getSchema() {
      return JSON.parse(
        (await call<InstanceType<typeof pb.GetSchemaResponse>>("getSchema", new pb.GetSchemaRequest())).getSchema(),
      ) as Props;
    },
    async pluginInfo() {
      return (await call<InstanceType<typeof proto.plugin.PluginInfo>>("getPluginInfo", new proto.empty.Empty())).getVersion();
    },
    async stop() {
      client.close();
      engine.forceShutdown();
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGKILL");
        await exited;
      }
    },
  };
}
export type Plugin = Awaited<ReturnType<typeof startPlugin>>;
