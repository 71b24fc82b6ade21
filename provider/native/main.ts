#!/usr/bin/env node
/**
 * `pulumi-resource-langdock`: the native provider plugin. The engine starts one process per provider
 * instance (the default provider and each explicit `langdock.Provider`), passing its own address; the
 * process serves Pulumi's ResourceProvider gRPC service on a loopback port it prints as its first line.
 * Everything it keeps (settings, client, rate-limit cooldown, claims) is therefore per provider instance.
 */
import { loadProtocol, type Protocol } from "./protocol";
import { providerService, type EngineLog } from "./service";
import { packageSchema } from "./schema";

/** The engine's address: the one argument that is not a flag (`--logtostderr`, `-v=9`, `--tracing …`). */
function engineAddress(args: string[]): string | undefined {
  const positional = args.filter((arg, i) => !arg.startsWith("-") && !(args[i - 1] === "--tracing"));
  return positional[positional.length - 1];
}

/** Warnings and progress go to the engine's Log service, so the CLI shows them under the resource; stderr otherwise. */
function engineLog(proto: Protocol, address: string | undefined): EngineLog {
  const client = address ? new proto.engineRpc.EngineClient(address, proto.grpc.credentials.createInsecure()) : undefined;
  const toStderr = (severity: string, message: string) =>
    void process.stderr.write(`${severity === "warning" ? "warning: " : ""}${message}\n`);
  return (severity, message, urn) =>
    new Promise((resolve) => {
      if (!client) return resolve(toStderr(severity, message));
      const request = new proto.engine.LogRequest()
        .setSeverity(severity === "warning" ? proto.engine.LogSeverity.WARNING : proto.engine.LogSeverity.INFO)
        .setMessage(message)
        .setUrn(urn);
      client.log(request, new proto.grpc.Metadata(), { deadline: Date.now() + 10_000 }, (err) => {
        if (err) toStderr(severity, message);
        resolve();
      });
    });
}

export async function main(args: string[]): Promise<number> {
  const proto = loadProtocol();
  const { version } = require("../../package.json") as { version: string };
  const server = new proto.grpc.Server({ "grpc.max_receive_message_length": 400 * 1024 * 1024 });
  const service = providerService({ proto, log: engineLog(proto, engineAddress(args)), version, schema: packageSchema });
  server.addService(proto.providerRpc.ResourceProviderService, service as never);
  return new Promise((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", proto.grpc.ServerCredentials.createInsecure(), (err, port) => (err ? reject(err) : resolve(port))),
  );
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    // The engine reads the port from the first line of stdout.
    (port) => process.stdout.write(`${port}\n`),
    (err: unknown) => {
      process.stderr.write(`pulumi-resource-langdock could not start: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
