/**
 * Retry policy: exponential backoff with full jitter, Retry-After honoured, attempts and total time
 * capped. One `Cooldown` is shared by every request of a provider process, so when any request is
 * rate limited the others wait instead of each discovering the limit for themselves.
 */
export const BASE_DELAY_MS = 250;
export const MAX_DELAY_MS = 20_000;

/** `Retry-After` as delta-seconds or an HTTP date; undefined when absent or unparseable. */
export function parseRetryAfter(value: unknown, now = Date.now()): number | undefined {
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Full jitter: uniform in [0, min(cap, base·2^attempt)]; `attempt` counts from 1. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

export class Cooldown {
  private until = 0;
  constructor(private readonly now: () => number = Date.now) {}

  /** Pushes the shared pause out to `ms` from now (never shortens it). */
  extend(ms: number): void {
    this.until = Math.max(this.until, this.now() + ms);
  }

  remaining(): number {
    return Math.max(0, this.until - this.now());
  }

  /** Resolves once no cooldown is in force; re-checks because another 429 may extend it meanwhile. */
  async wait(): Promise<void> {
    for (let left = this.remaining(); left > 0; left = this.remaining()) {
      await new Promise((resolve) => setTimeout(resolve, left));
    }
  }
}
