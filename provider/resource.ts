import * as pulumi from "@pulumi/pulumi";
import type { ResourceKind } from "./kinds";
import { serializableProvider } from "./shells/make";
import { secretOutputsOf, type ResourceSpec } from "./common/spec";

/** Dynamic resources register as `pulumi-nodejs:dynamic/langdock:<kind>`. */
const MODULE = "langdock";

/** The output type of an input property: the same shape, resolved. */
export type Out<T> = pulumi.Output<pulumi.Unwrap<T>>;

/**
 * The output names a class registers, from a record of every output its kind's wire module writes
 * (`XxxOutputs`): a missing or an extra name is a compile error. adoptId and unmanaged are inputs the
 * state carries, not outputs a program reads.
 */
export function outputNames<O>(names: Record<Exclude<keyof O, "adoptId" | "unmanaged">, true>): string[] {
  return Object.keys(names);
}

/**
 * The base of the resource classes. Every output property is declared `undefined` before the args, so
 * Pulumi exposes it even when unset; secret outputs and replace-on-change come from the kind's spec.
 * The provider is a plain object, not the `shells/<kind>` module's exports, so `__provider` is
 * serialized by value (see shells/make.ts).
 */
export abstract class LangdockResource extends pulumi.dynamic.Resource {
  protected constructor(
    kind: ResourceKind,
    spec: ResourceSpec,
    name: string,
    args: object,
    outputs: readonly string[],
    opts: pulumi.CustomResourceOptions | undefined,
  ) {
    const declared = Object.fromEntries(outputs.map((key) => [key, undefined]));
    const secretOutputs = secretOutputsOf(spec);
    const fromSpec: pulumi.CustomResourceOptions = {
      ...(secretOutputs.length > 0 ? { additionalSecretOutputs: secretOutputs } : {}),
      ...(spec.replaceOnChanges.length > 0 ? { replaceOnChanges: [...spec.replaceOnChanges] } : {}),
    };
    super(serializableProvider(kind), name, { ...declared, ...args }, pulumi.mergeOptions(opts, fromSpec), MODULE, kind);
  }
}
