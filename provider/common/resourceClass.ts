import type * as pulumi from "@pulumi/pulumi";

/** Dynamic resources register as `pulumi-nodejs:dynamic/langdock:<Class>`. */
export const MODULE = "langdock";

/** Every output property is declared `undefined` before the args, so Pulumi exposes it even when unset. */
export const allOutputs = <K extends string>(...keys: K[]) => Object.fromEntries(keys.map((k) => [k, undefined])) as Record<K, undefined>;

/** The output type of an input property: the same shape, resolved. */
export type Out<T> = pulumi.Output<pulumi.Unwrap<T>>;
