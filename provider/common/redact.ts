/**
 * Every string that leaves the provider (error messages, log lines) passes through `redact`, which
 * masks the API key and every secret value the provider has seen, wherever it appears.
 */
const secrets = new Set<string>();
const KEY_PATTERN = /sk-ld-[A-Za-z0-9_-]+/g;
export const MASK = "[secret]";

/** Remembers a value that must never be printed. Short values are ignored: masking "a" would mangle text. */
export function registerSecret(value: unknown): void {
  if (typeof value === "string" && value.length >= 4) secrets.add(value);
}

export function redact(text: string): string {
  let out = text.replace(KEY_PATTERN, MASK);
  for (const secret of secrets) {
    if (out.includes(secret)) out = out.split(secret).join(MASK);
  }
  return out;
}
