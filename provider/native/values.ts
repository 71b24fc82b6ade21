/**
 * Property values as the engine exchanges them with a plugin that accepts secrets: a secret is wrapped
 * (`{ [SIG]: SECRET, value }`), an unknown value at preview is the sentinel string the runtime already
 * understands. The runtime works on plain values; these helpers unwrap what comes in and wrap what goes out.
 */
import type { Props } from "../common/crud";

export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

function isSecret(value: unknown): value is { value: unknown } {
  return !!value && typeof value === "object" && (value as Props)[SIG_KEY] === SECRET_SIG;
}

/** The value with every secret wrapper removed, and the top-level properties that held a secret anywhere inside. */
export function unwrapSecrets(props: Props | undefined): { plain: Props; secretKeys: Set<string> } {
  const secretKeys = new Set<string>();
  let found = false;
  const walk = (value: unknown): unknown => {
    if (isSecret(value)) {
      found = true;
      return walk(value.value);
    }
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === "object" && (value as Props)[SIG_KEY] === undefined) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    }
    return value; // scalars, and assets or archives (another signature) as they are
  };
  const plain: Props = {};
  for (const [key, value] of Object.entries(props ?? {})) {
    found = false;
    plain[key] = walk(value);
    if (found) secretKeys.add(key);
  }
  return { plain, secretKeys };
}

/** `props` with the given top-level properties wrapped as secrets (the engine then keeps them encrypted). */
export function wrapSecrets(props: Props, keys: Iterable<string>): Props {
  const out: Props = { ...props };
  for (const key of keys) {
    if (out[key] !== undefined && !isSecret(out[key])) out[key] = { [SIG_KEY]: SECRET_SIG, value: out[key] };
  }
  return out;
}
