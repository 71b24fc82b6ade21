/**
 * Every string that leaves the provider (error messages, log lines) passes through `redact`, which
 * masks the API key and every secret value the provider has seen, wherever it appears.
 */
import { processState } from "./processState";

const { secrets } = processState;
const KEY_PATTERN = /sk-ld-[A-Za-z0-9_-]+/g;
/** A credential in an echoed Authorization header, whoever's it is. */
const AUTH_HEADER_PATTERN = /\b(Bearer|Basic)\s+(?!\[secret\])[^\s"',;)\]}]+/gi;
export const MASK = "[secret]";

/** Remembers a value that must never be printed. Short values are ignored: masking "a" would mangle text. */
export function registerSecret(value: unknown): void {
  if (typeof value === "string" && value.length >= 4) secrets.add(value);
}

/**
 * Exact secrets first, longest first, in the forms a server may echo them (as sent, URL-encoded): a
 * pattern run first would mask only a prefix of a key holding `+ / = . ~ ! $ *` and leave its tail.
 */
export function redact(text: string): string {
  let out = text;
  const forms = new Set<string>();
  for (const secret of secrets) {
    forms.add(secret);
    forms.add(encodeURIComponent(secret));
    forms.add(encodeURIComponent(secret).replace(/%20/g, "+"));
  }
  for (const form of [...forms].sort((a, b) => b.length - a.length)) {
    if (out.includes(form)) out = out.split(form).join(MASK);
  }
  return out.replace(KEY_PATTERN, MASK).replace(AUTH_HEADER_PATTERN, (_, scheme: string) => `${scheme} ${MASK}`);
}
