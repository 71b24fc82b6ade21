/**
 * The lower bounds the benchmark compares wall times against.
 *
 * Latency-bound ideal (no rate limit): with `concurrency` requests in flight and every request taking
 * `latencyMs`, `calls` requests need at least calls × latency ÷ concurrency. A dependency chain of `depth`
 * requests that must follow one another (an action's create waits for its integration's) cannot take less
 * than depth × latency either, so the ideal is the larger of the two. The chain only matters for small
 * workloads at high concurrency (10 actions at concurrency 50).
 *
 * Rate-limit minimum: the emulator's sliding window admits a request at time t only if fewer than R
 * requests were admitted in (t − W, t]. Starting from an empty window the first R requests form a burst
 * that is limited only by concurrency; request i ≥ R can be admitted no earlier than request i − R plus W.
 * With requests admitted at a_i ≥ max(a_{i−R} + W, a_{i−c} + L), a_0 = L, induction gives
 *
 *   T_min(n) = ⌊(n − 1) / R⌋ · W + (⌊((n − 1) mod R) / c⌋ + 1) · L
 *
 * i.e. one window W per full burst of R requests, plus the latency-bound time of the last, partial burst.
 * For n ≤ R it is the latency-bound ideal ⌈n / c⌉ · L (no waiting at all).
 */

/** calls × latency ÷ concurrency, but never less than `depth` sequential round trips; null for 0 calls. */
export function latencyIdealMs(calls: number, latencyMs: number, concurrency: number, depth: number): number | null {
  if (calls === 0) return null;
  return Math.max((calls * latencyMs) / concurrency, Math.min(depth, calls) * latencyMs);
}

export interface WindowLimit {
  requests: number;
  perMs: number;
}

/** T_min(n) from an empty window (see above). */
export function rateLimitMinMs(calls: number, limit: WindowLimit, concurrency: number, latencyMs: number): number {
  if (calls === 0) return 0;
  const i = calls - 1;
  return Math.floor(i / limit.requests) * limit.perMs + (Math.floor((i % limit.requests) / concurrency) + 1) * latencyMs;
}

/**
 * The same bound for an operation that starts at `startMs` while the window still holds `history` (the
 * admission times of earlier requests): the earliest admission schedule, request by request, subject to
 * the window, the concurrency and the latency. Returns the time from `startMs` to the last admission.
 */
export function rateLimitMinWithHistoryMs(
  calls: number,
  limit: WindowLimit,
  concurrency: number,
  latencyMs: number,
  startMs: number,
  history: number[],
): number {
  if (calls === 0) return 0;
  const admitted = history.filter((t) => t > startMs - limit.perMs).sort((a, b) => a - b);
  const mine: number[] = [];
  for (let i = 0; i < calls; i++) {
    let t = startMs + latencyMs;
    if (i >= concurrency) t = Math.max(t, mine[i - concurrency] + latencyMs);
    // Admitted only if fewer than R admissions lie in (t − W, t]: wait for the R-th most recent to expire.
    if (admitted.length >= limit.requests) t = Math.max(t, admitted[admitted.length - limit.requests] + limit.perMs);
    mine.push(t);
    admitted.push(t);
  }
  return mine[mine.length - 1] - startMs;
}
