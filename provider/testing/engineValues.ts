/** Values as LocalEngine moves them between the program, the state and the provider host. */
import * as pulumi from "@pulumi/pulumi";
import { ProviderError, type Props } from "./host";
import { deepEqual } from "../base/props";
import { UNKNOWN } from "../common/unknown";
import { MASK as SECRET_MASK } from "../base/redact";
import { UNKNOWN_VALUE, type StepChange, type StepFailure } from "./engineTypes";

export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
const OUTPUT_VALUE_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
export const PROVIDER_KEY = "__provider";

// ---- values ----

/**
 * Turns the program's wire values into what the engine sends a provider that does not accept
 * secrets or resource references: secrets unwrapped (their paths remembered), references replaced by
 * the resource's id, unknowns kept as the sentinel string.
 */
export function fromWire(raw: Props): { value: Props; secretPaths: string[] } {
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

export function markSecret(props: Props, keys: Set<string>): Props {
  const out: Props = {};
  for (const [k, v] of Object.entries(props)) out[k] = keys.has(k) ? { [SIG_KEY]: SECRET_SIG, value: v } : v;
  return out;
}

export function pick(props: Props, keys: string[]): Props {
  return Object.fromEntries(keys.filter((k) => k in props).map((k) => [k, props[k]]));
}

export function withoutProvider(props: Props): Props {
  const { [PROVIDER_KEY]: _provider, ...rest } = props;
  return rest;
}

/** Top-level properties (other than `__provider`) whose values differ. */
export function changedKeys(a: Props, b: Props): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  keys.delete(PROVIDER_KEY);
  return [...keys].filter((k) => !deepEqual(a[k], b[k])).sort();
}

/** "a.b[0].c" → ["a", "b", 0, "c"]. */
export function parsePath(path: string): Array<string | number> {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]));
}

export function maskPath(root: Props, path: Array<string | number>): void {
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
export async function resolveStackOutputs(result: unknown): Promise<{ outputs: Record<string, unknown>; secretOutputs: string[] }> {
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
  if (pulumi.isUnknown(value) || value === UNKNOWN) return UNKNOWN_VALUE;
  if (Array.isArray(value)) return value.map(replaceUnknowns);
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceUnknowns(v)]));
  }
  return value;
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function failure(urn: string, op: string, err: unknown): StepFailure {
  const result: StepFailure = { urn, op, message: errorMessage(err) };
  if (err instanceof ProviderError && err.partial) result.partial = err.partial;
  return result;
}

/** Bounds concurrent provider calls (the engine's `--parallel`). */
export class Semaphore {
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

/** A value as a step record shows it: secret masked, unknowns (anywhere inside) as {@link UNKNOWN_VALUE}. */
export function shownValue(value: unknown, secret: boolean): unknown {
  if (value === undefined) return undefined;
  if (secret) return SECRET_MASK;
  if (value === UNKNOWN) return UNKNOWN_VALUE;
  if (Array.isArray(value)) return value.map((v) => shownValue(v, false));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shownValue(v, false)]));
  return value;
}

/** Old → new values of `keys` (never `__provider`), secrets masked. */
export function stepChanges(keys: string[], olds: Props | undefined, news: Props | undefined, secretKeys: Set<string>): StepChange[] {
  return keys
    .filter((k) => k !== PROVIDER_KEY)
    .map((property) => {
      const change: StepChange = { property };
      const secret = secretKeys.has(property);
      if (olds && olds[property] !== undefined) change.old = shownValue(olds[property], secret);
      if (news && news[property] !== undefined) change.new = shownValue(news[property], secret);
      return change;
    });
}
