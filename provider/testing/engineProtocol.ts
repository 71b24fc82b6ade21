/** The parts of the Pulumi resource-monitor protocol LocalEngine speaks. */
import { createRequire } from "module";
import type { LocalEngineOptions } from "./engineTypes";

// ---- the monitor protocol (only what we use) ----

export interface RegisterRequest {
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

export interface MonitorLike {
  registerResource(req: RegisterRequest, callback: (err: unknown, resp: unknown) => void): void;
  registerResourceOutputs(req: unknown, callback: (err: unknown, resp: unknown) => void): void;
}

interface ResourceProto {
  pb: typeof import("@pulumi/pulumi/proto/resource_pb");
  Struct: typeof import("google-protobuf/google/protobuf/struct_pb").Struct;
}
let resourceProto: ResourceProto | undefined;
/** The generated messages of the same @pulumi/pulumi instance the program uses. */
export function protocol(): ResourceProto {
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
export function makeUrn(options: LocalEngineOptions, type: string, name: string, parent: string): string {
  const parentType = parent ? parent.split("::")[2] : "";
  const qualified = parentType && parentType !== "pulumi:pulumi:Stack" ? `${parentType}$${type}` : type;
  return `urn:pulumi:${options.stack ?? "stack"}::${options.project ?? "project"}::${qualified}::${name}`;
}
