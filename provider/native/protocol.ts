import { createRequire } from "module";

/**
 * gRPC and Pulumi's generated messages, loaded from @pulumi/pulumi's own install location: they are its
 * dependencies, and its generated service definitions must be served with the very instances they load.
 */
export interface Protocol {
  grpc: typeof import("@grpc/grpc-js");
  providerRpc: typeof import("@pulumi/pulumi/proto/provider_grpc_pb");
  provider: typeof import("@pulumi/pulumi/proto/provider_pb");
  plugin: typeof import("@pulumi/pulumi/proto/plugin_pb");
  engineRpc: typeof import("@pulumi/pulumi/proto/engine_grpc_pb");
  engine: typeof import("@pulumi/pulumi/proto/engine_pb");
  status: typeof import("@pulumi/pulumi/proto/status_pb");
  struct: typeof import("google-protobuf/google/protobuf/struct_pb");
  any: typeof import("google-protobuf/google/protobuf/any_pb");
  empty: typeof import("google-protobuf/google/protobuf/empty_pb");
}

let loaded: Protocol | undefined;

export function loadProtocol(): Protocol {
  if (loaded) return loaded;
  const fromPulumi = createRequire(require.resolve("@pulumi/pulumi/package.json"));
  loaded = {
    grpc: fromPulumi("@grpc/grpc-js"),
    providerRpc: fromPulumi("@pulumi/pulumi/proto/provider_grpc_pb"),
    provider: fromPulumi("@pulumi/pulumi/proto/provider_pb"),
    plugin: fromPulumi("@pulumi/pulumi/proto/plugin_pb"),
    engineRpc: fromPulumi("@pulumi/pulumi/proto/engine_grpc_pb"),
    engine: fromPulumi("@pulumi/pulumi/proto/engine_pb"),
    status: fromPulumi("@pulumi/pulumi/proto/status_pb"),
    struct: fromPulumi("google-protobuf/google/protobuf/struct_pb"),
    any: fromPulumi("google-protobuf/google/protobuf/any_pb"),
    empty: fromPulumi("google-protobuf/google/protobuf/empty_pb"),
  };
  return loaded;
}
