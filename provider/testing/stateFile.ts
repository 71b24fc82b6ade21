import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from "node:crypto";
import type { EngineState, ResourceState } from "./engineTypes";
import { parsePath } from "./engineValues";

/**
 * A LocalEngine state that can be written to disk (or a CI cache) without secrets in clear, like a
 * Pulumi passphrase-encrypted stack: every secret value (inputs at the program's secret paths,
 * outputs the program or resource marked secret) is AES-256-GCM encrypted with a key derived from
 * the passphrase; everything else stays readable. `openState` gives back the state to start from.
 */
export interface SealedState {
  version: 1;
  /** scrypt salt, base64. */
  salt: string;
  resources: EngineState;
}

const CIPHER_KEY = "[encrypted]";

/** An unset variable (`process.env.STATE_PASSPHRASE!`) fails with what to set, not crypto's TypeError. */
function requirePassphrase(fn: string, passphrase: unknown): void {
  if (typeof passphrase !== "string" || passphrase === "")
    throw new Error(
      `${fn}: the passphrase is ${passphrase === "" ? "empty" : "not set"}; pass a non-empty string, e.g. set STATE_PASSPHRASE in the test's environment (a CI secret) and pass process.env.STATE_PASSPHRASE.`,
    );
}

export function sealState(state: EngineState, passphrase: string): SealedState {
  requirePassphrase("sealState", passphrase);
  const salt = randomBytes(16);
  const key = scryptSync(passphrase, salt, 32);
  const resources = structuredClone(state);
  for (const res of Object.values(resources)) eachSecret(res, (value) => ({ [CIPHER_KEY]: encrypt(key, value) }));
  return { version: 1, salt: salt.toString("base64"), resources };
}

/** @throws when the passphrase is wrong (nothing is returned half-decrypted). */
export function openState(sealed: SealedState, passphrase: string): EngineState {
  if (sealed?.version !== 1) throw new Error("openState: not a state written by sealState (version 1)");
  requirePassphrase("openState", passphrase);
  const key = scryptSync(passphrase, Buffer.from(sealed.salt, "base64"), 32);
  const resources = structuredClone(sealed.resources);
  for (const res of Object.values(resources)) {
    eachSecret(res, (value) => {
      const cipher = (value as Record<string, string> | null)?.[CIPHER_KEY];
      return typeof cipher === "string" ? decrypt(key, cipher) : value;
    });
  }
  return resources;
}

/** Replaces each secret value of a resource (inputs by path, outputs by top-level property). */
function eachSecret(res: ResourceState, replace: (value: unknown) => unknown): void {
  for (const path of res.secretPaths) replaceAt(res.inputs, parsePath(path), replace);
  const outputKeys = new Set([...res.secretPaths.map((p) => String(parsePath(p)[0])), ...res.secretOutputs]);
  for (const key of outputKeys) if (res.outputs[key] !== undefined) res.outputs[key] = replace(res.outputs[key]);
}

function replaceAt(root: Record<string, unknown>, path: Array<string | number>, replace: (value: unknown) => unknown): void {
  let node: unknown = root;
  for (const segment of path.slice(0, -1)) {
    if (!node || typeof node !== "object") return;
    node = (node as Record<string | number, unknown>)[segment];
  }
  const last = path[path.length - 1];
  if (node && typeof node === "object" && last !== undefined && last in node) {
    const holder = node as Record<string | number, unknown>;
    holder[last] = replace(holder[last]);
  }
}

function encrypt(key: Buffer, value: unknown): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
}

function decrypt(key: Buffer, text: string): unknown {
  const raw = Buffer.from(text, "base64");
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  try {
    return JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8"));
  } catch {
    throw new Error("openState: the passphrase does not match the one the state was sealed with");
  }
}
