import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";

/**
 * Type-level parity between a public `…Args` interface and the zod schema that checks it. Both sides are
 * brought to one shape — every `pulumi.Input` resolved, every property marked "optional" or "required",
 * lists and nested objects compared the same way all the way down — and must then be identical: a property
 * only one side has, a wider or narrower enum, a different optionality or a nested difference all fail.
 */
export type Parity<Args, Schema extends z.ZodType> = Identical<Shape<pulumi.Unwrap<Args>>, Shape<z.input<Schema>>>;

type Shape<T> = [T] extends [readonly (infer E)[]]
  ? { list: Shape<E> }
  : [T] extends [object]
    ? { [K in keyof T]-?: [Shape<Exclude<T[K], undefined>>, { [P in K]?: T[K] } extends Pick<T, K> ? "optional" : "required"] }
    : T;

/** Identity, not mutual assignability (which would let a missing optional property through). */
type Identical<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;

/**
 * Parity for inputs naming a local file (the file kinds' `file`, an integration's `icon`): they also accept a
 * `pulumi.asset.FileAsset`, which check turns into its path before the schema sees it (files/fileAsset.ts, called from runtime.ts). So a FileAsset on the
 * Args side counts as the path string; everything else (another asset kind too) is compared as `Parity` does.
 */
export type FileParity<Args, Schema extends z.ZodType> = Parity<FileAssetAsPath<Args>, Schema>;

/** Homomorphic, so each property keeps its optionality; only `file` and `icon` change (the one property check resolves). */
type FileAssetAsPath<Args> = { [K in keyof Args]: K extends "file" | "icon" ? AssetAsPath<Args[K]> : Args[K] };

type AssetAsPath<T> = T extends pulumi.asset.FileAsset
  ? string
  : T extends Promise<infer U>
    ? Promise<AssetAsPath<U>>
    : T extends pulumi.OutputInstance<infer U>
      ? pulumi.OutputInstance<AssetAsPath<U>>
      : T;
