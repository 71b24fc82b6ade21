/**
 * The native plugin's front door: Pulumi's ResourceProvider gRPC service over the same runtime the dynamic
 * shells call. It translates the protocol (secret wrappers, detailed diffs, timeouts, import ids, the engine's
 * log) and nothing else: validation, comparison, CRUD, adoption and error messages are the runtime's.
 */
import * as runtime from "../runtime";
import { KINDS, RESOURCE_KINDS, type ResourceKind } from "../kinds";
import { inOperation, type OperationScope } from "../base/operation";
import { hasCode } from "../errors/langdockError";
import { secretOutputsOf } from "../common/spec";
import { sanitize } from "../base/props";
import { redact } from "../base/redact";
import type { Props } from "../common/crud";
import type { Protocol } from "./protocol";
import { unwrapSecrets, wrapSecrets } from "./values";
import { FUNCTIONS } from "./functions";
import { configSource, checkConfig, diffConfig, isExplicitProvider } from "./settings";

export const PACKAGE = "langdock";
export const tokenOf = (kind: ResourceKind): string => `${PACKAGE}:index:${kind}`;

/** How the service reports to the engine (its Log service), with the resource's URN. */
export type EngineLog = (severity: "warning" | "info", message: string, urn: string) => Promise<void>;

type Struct = { toJavaScript(): unknown };
type Request = Record<string, (...args: never[]) => unknown>;
type Callback = (err: unknown, value?: unknown, trailer?: unknown) => void;

export interface ServiceOptions {
  proto: Protocol;
  log: EngineLog;
  version: string;
  schema(): string;
}

/** The ResourceProvider service's handlers, keyed as @grpc/grpc-js expects them. */
export function providerService({ proto, log, version, schema }: ServiceOptions): Record<string, unknown> {
  const pb = proto.provider;
  const { Struct } = proto.struct;
  const toStruct = (props: Props) => Struct.fromJavaScript(sanitize(props) as never);
  const fromStruct = (value: Struct | undefined) => unwrapSecrets((value?.toJavaScript() ?? {}) as Props);

  /** Runs one call: errors become gRPC errors (a partial state travels as ErrorResourceInitFailed). */
  const unary =
    (handler: (req: Request) => Promise<unknown>) =>
    (call: { request: Request }, callback: Callback): void => {
      handler(call.request).then(
        (resp) => callback(null, resp),
        (err: unknown) => {
          const { error, trailer } = grpcError(err);
          callback(error, null, trailer);
        },
      );
    };

  function grpcError(err: unknown): { error: unknown; trailer?: unknown } {
    const message = redact(err instanceof Error ? err.message : String(err));
    const metadata = new proto.grpc.Metadata();
    const partial = err as { id?: unknown; properties?: Props; reasons?: string[]; kind?: ResourceKind };
    if (typeof partial.id === "string" && partial.id !== "" && partial.properties) {
      const detail = new pb.ErrorResourceInitFailed();
      detail.setId(partial.id);
      const { __provider: _dynamicOnly, ...properties } = partial.properties;
      detail.setProperties(toStruct(partial.kind ? withSecrets(partial.kind, properties, new Set()) : properties));
      detail.setReasonsList(partial.reasons ?? [message]);
      const status = new proto.status.Status();
      status.setCode(proto.grpc.status.UNKNOWN);
      status.setMessage(message);
      const any = new proto.any.Any();
      any.pack(detail.serializeBinary(), "pulumirpc.ErrorResourceInitFailed");
      status.addDetails(any);
      metadata.add("grpc-status-details-bin", Buffer.from(status.serializeBinary()));
    }
    return { error: { code: proto.grpc.status.UNKNOWN, details: message, message, metadata }, trailer: metadata };
  }

  /** Outputs with the kind's secret properties, and whatever arrived secret, wrapped as secrets. */
  function withSecrets(kind: ResourceKind, props: Props, secretKeys: Set<string>): Props {
    return wrapSecrets(props, [...secretKeys, ...secretOutputsOf(KINDS[kind].spec)]);
  }

  /**
   * One resource operation in its scope: warnings go to the engine's log under the resource's URN, and
   * `timeoutSeconds` (the resource's customTimeouts) bounds everything it does.
   */
  async function operation<T>(urn: string, op: "create" | "update" | "delete" | "", timeoutSeconds: number, run: () => Promise<T>) {
    const pending: Promise<void>[] = [];
    const scope: OperationScope = { report: (severity, message) => void pending.push(log(severity, message, urn)) };
    if (op && timeoutSeconds > 0) {
      scope.deadline = Date.now() + timeoutSeconds * 1000;
      scope.deadlineName = `customTimeouts.${op} (${timeoutSeconds}s)`;
    }
    try {
      return await inOperation(scope, run);
    } catch (err) {
      if (hasCode(err, "operation_timeout")) throw timeoutAdvice(err as Error, op, resourceName(urn));
      throw err;
    } finally {
      await Promise.allSettled(pending);
    }
  }

  return {
    getPluginInfo: unary(async () => new proto.plugin.PluginInfo().setVersion(version)),
    getSchema: unary(async () => new pb.GetSchemaResponse().setSchema(schema())),
    cancel: unary(async () => new proto.empty.Empty()),

    checkConfig: unary(async (req) => {
      const news = fromStruct(req.getNews() as Struct);
      const failures = checkConfig(news.plain, isExplicitProvider(String(req.getUrn())));
      const resp = new pb.CheckResponse().setInputs(toStruct(wrapSecrets(news.plain, [...news.secretKeys, "apiKey"])));
      return resp.setFailuresList(failures.map((f) => new pb.CheckFailure().setProperty(f.property).setReason(f.reason)));
    }),
    diffConfig: unary(async (req) => {
      const diffs = diffConfig(fromStruct(req.getOlds() as Struct).plain, fromStruct(req.getNews() as Struct).plain);
      const resp = new pb.DiffResponse().setDiffsList(diffs);
      return resp.setChanges(diffs.length > 0 ? pb.DiffResponse.DiffChanges.DIFF_SOME : pb.DiffResponse.DiffChanges.DIFF_NONE);
    }),
    configure: unary(async (req) => {
      const args = fromStruct(req.getArgs() as Struct).plain;
      const variables = new Map((req.getVariablesMap() as unknown as { entries(): Iterable<[string, string]> }).entries());
      await runtime.configure({ config: configSource(args, variables) });
      return new pb.ConfigureResponse().setAcceptsecrets(true).setSupportspreview(true).setAcceptresources(false);
    }),

    check: unary(async (req) => {
      const kind = kindOf(req);
      const olds = fromStruct(req.getOlds() as Struct);
      const news = fromStruct(req.getNews() as Struct);
      const urn = String(req.getUrn());
      const result = await operation(urn, "", 0, () => runtime.check(kind, olds.plain, news.plain));
      const resp = new pb.CheckResponse().setInputs(toStruct(withSecrets(kind, result.inputs, news.secretKeys)));
      return resp.setFailuresList(result.failures.map((f) => new pb.CheckFailure().setProperty(f.property).setReason(f.reason)));
    }),

    diff: unary(async (req) => {
      const kind = kindOf(req);
      const olds = fromStruct(req.getOlds() as Struct).plain;
      const news = fromStruct(req.getNews() as Struct).plain;
      const urn = String(req.getUrn());
      const result = await operation(urn, "", 0, () => runtime.diff(kind, String(req.getId()), olds, news));
      const resp = new pb.DiffResponse()
        .setChanges(result.changes ? pb.DiffResponse.DiffChanges.DIFF_SOME : pb.DiffResponse.DiffChanges.DIFF_NONE)
        .setReplacesList(result.replaces)
        .setDiffsList(result.diffs)
        .setDeletebeforereplace(result.deleteBeforeReplace)
        .setHasdetaileddiff(true);
      const detailed = resp.getDetaileddiffMap();
      const { Kind } = pb.PropertyDiff;
      for (const key of result.diffs) {
        const replace = result.replaces.includes(key);
        const kindOfChange =
          olds[key] === undefined
            ? replace
              ? Kind.ADD_REPLACE
              : Kind.ADD
            : news[key] === undefined
              ? replace
                ? Kind.DELETE_REPLACE
                : Kind.DELETE
              : replace
                ? Kind.UPDATE_REPLACE
                : Kind.UPDATE;
        detailed.set(key, new pb.PropertyDiff().setKind(kindOfChange).setInputdiff(true));
      }
      return resp;
    }),

    create: unary(async (req) => {
      const kind = kindOf(req);
      const news = fromStruct(req.getProperties() as Struct);
      const urn = String(req.getUrn());
      if (req.getPreview()) {
        // What the engine shows until the create runs: the checked inputs; outputs only Langdock knows stay unknown.
        const { previewOutputs } = require("./schema") as typeof import("./schema");
        return new pb.CreateResponse().setProperties(toStruct(withSecrets(kind, previewOutputs(kind, news.plain), news.secretKeys)));
      }
      const result = await operation(urn, "create", Number(req.getTimeout()), () => runtime.create(kind, news.plain)).catch(
        (err: unknown) => {
          throw Object.assign(err as object, { kind });
        },
      );
      return new pb.CreateResponse().setId(result.id).setProperties(toStruct(withSecrets(kind, result.outs, news.secretKeys)));
    }),

    read: unary(async (req) => {
      const kind = kindOf(req);
      const urn = String(req.getUrn());
      const id = String(req.getId());
      const props = fromStruct(req.getProperties() as Struct);
      const inputs = fromStruct(req.getInputs() as Struct);
      const secretKeys = new Set([...props.secretKeys, ...inputs.secretKeys]);
      // No state at all: `pulumi import` (or a `get`) names the object by its import id.
      const importing = Object.keys(props.plain).length === 0 && Object.keys(inputs.plain).length === 0;
      const result: { id: string; props?: Props; inputs?: Props } = await operation(urn, "", 0, () =>
        importing ? runtime.importRead(kind, tokenOf(kind), id) : runtime.read(kind, id, props.plain),
      );
      const resp = new pb.ReadResponse().setId(result.id);
      if (!result.props) return resp;
      resp.setProperties(toStruct(withSecrets(kind, result.props, secretKeys)));
      if (result.inputs) resp.setInputs(toStruct(withSecrets(kind, result.inputs, secretKeys)));
      return resp;
    }),

    update: unary(async (req) => {
      const kind = kindOf(req);
      const olds = fromStruct(req.getOlds() as Struct);
      const news = fromStruct(req.getNews() as Struct);
      const urn = String(req.getUrn());
      const secretKeys = new Set([...news.secretKeys, ...olds.secretKeys]);
      if (req.getPreview()) {
        // A preview never writes: what the update would leave, as far as the program says (Langdock fills in the rest).
        const { previewOutputs } = require("./schema") as typeof import("./schema");
        return new pb.UpdateResponse().setProperties(toStruct(withSecrets(kind, previewOutputs(kind, news.plain), secretKeys)));
      }
      const run = () => runtime.update(kind, String(req.getId()), olds.plain, news.plain);
      const result = await operation(urn, "update", Number(req.getTimeout()), run).catch((err: unknown) => {
        throw Object.assign(err as object, { kind });
      });
      return new pb.UpdateResponse().setProperties(toStruct(withSecrets(kind, result.outs, secretKeys)));
    }),

    delete: unary(async (req) => {
      const kind = kindOf(req);
      const props = fromStruct(req.getProperties() as Struct).plain;
      const urn = String(req.getUrn());
      await operation(urn, "delete", Number(req.getTimeout()), () => runtime.delete(kind, String(req.getId()), props));
      return new proto.empty.Empty();
    }),

    invoke: unary(async (req) => {
      const token = String(req.getTok());
      const name = token.startsWith(`${PACKAGE}:index:`) ? token.slice(`${PACKAGE}:index:`.length) : "";
      const fn = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
      if (!fn)
        throw new Error(
          `Unknown function ${token}: ${PACKAGE} offers ${Object.keys(FUNCTIONS)
            .map((f) => `${PACKAGE}:index:${f}`)
            .join(", ")}.`,
        );
      const args = fromStruct(req.getArgs() as Struct).plain;
      const { functionArgs } = require("./schema") as typeof import("./schema");
      const missing = functionArgs(token).filter((arg) => typeof args[arg] !== "string" || (args[arg] as string).trim() === "");
      const resp = new pb.InvokeResponse();
      if (missing.length > 0) {
        const failure = (arg: string) => new pb.CheckFailure().setProperty(arg).setReason(`${token} needs ${arg}, a non-empty string`);
        return resp.setFailuresList(missing.map(failure));
      }
      const answer = await operation("", "", 0, () => runtime.lookup((client) => fn.call(args as Record<string, string>, client)));
      return resp.setReturn(toStruct((fn.listProperty ? { [fn.listProperty]: answer } : answer) as Props));
    }),

    ...Object.fromEntries(
      ["handshake", "parameterize", "call", "construct", "attach", "getMapping", "getMappings"].map((method) => [
        method,
        (_call: unknown, callback: Callback) =>
          callback({ code: proto.grpc.status.UNIMPLEMENTED, details: `${method} is not implemented by the ${PACKAGE} provider` }),
      ]),
    ),
    list: (call: { emit(event: string, err: unknown): void }) =>
      call.emit("error", { code: proto.grpc.status.UNIMPLEMENTED, details: `list is not implemented by the ${PACKAGE} provider` }),
  };
}

/** The kind a request is about, from its type (or, from older engines, its URN's type). */
function kindOf(req: Request): ResourceKind {
  const type = String(req.getType?.() || typeFromUrn(String(req.getUrn())));
  const kind = type.startsWith(`${PACKAGE}:index:`) ? type.slice(`${PACKAGE}:index:`.length) : "";
  if ((RESOURCE_KINDS as string[]).includes(kind)) return kind as ResourceKind;
  throw new Error(`Unknown resource type ${type}: ${PACKAGE} manages ${RESOURCE_KINDS.map(tokenOf).join(", ")}.`);
}

/** `urn:pulumi:<stack>::<project>::<parent$…$type>::<name>` → the type. */
function typeFromUrn(urn: string): string {
  const qualified = urn.split("::")[2] ?? "";
  return qualified.split("$").pop() ?? "";
}

function resourceName(urn: string): string {
  return urn.split("::").slice(3).join("::");
}

/** The client's OperationTimeoutError, with what the user does next (said once, here, per operation). */
function timeoutAdvice(err: Error, op: string, name: string): Error {
  const next =
    op === "create"
      ? "run `pulumi up` again (with a longer customTimeouts.create if Langdock is slow): an object this create made meanwhile is found by its name and adopted when it matches the program, never duplicated"
      : op === "update"
        ? "run `pulumi up` again (with a longer customTimeouts.update if Langdock is slow): the next preview shows the same change and `up` sends it again"
        : "run `pulumi destroy` or `pulumi up` again (with a longer customTimeouts.delete if Langdock is slow): the resource stays in the state until its delete succeeds";
  err.message = `${op.charAt(0).toUpperCase()}${op.slice(1)} of ${name} stopped: ${err.message.replace(/\.$/, "")}; ${next}.`;
  return err;
}
