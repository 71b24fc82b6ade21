import { STATUS_CODES } from "node:http";
import type {
  DropAfterCommitFault,
  EmulatorFaults,
  FailNextFault,
  FaultKind,
  GarbleAfterCommitFault,
  RateLimit,
  RequestMatch,
  StallFault,
  StormFault,
  TrickleFault,
} from "./types";

/** A response the fault layer sends instead of routing the request. */
export interface InjectedResponse {
  kind: FaultKind;
  status: number;
  headers: Record<string, string>;
  body: string;
}

interface CountedRule<T> {
  rule: T;
  remaining: number;
}

export function matchesRequest(match: RequestMatch | undefined, method: string, path: string): boolean {
  if (match?.method && match.method.toUpperCase() !== method.toUpperCase()) return false;
  if (match?.path === undefined) return true;
  return typeof match.path === "string" ? path.startsWith(match.path) : match.path.test(path);
}

/**
 * Switchable faults. The public methods configure them (EmulatorFaults); the server asks takeStall,
 * beforeHandler and takeDrop at the matching points of each request.
 */
export class FaultController implements EmulatorFaults {
  readonly injected: Record<string, number> = {};
  private latency = 0;
  private rateLimit: RateLimit | null = null;
  /** Arrival times of the requests admitted in the current rate-limit window, oldest first. */
  private admitted: number[] = [];
  private failRules: CountedRule<FailNextFault>[] = [];
  private dropRules: CountedRule<DropAfterCommitFault>[] = [];
  private stallRules: CountedRule<StallFault>[] = [];
  private garbleRules: CountedRule<GarbleAfterCommitFault>[] = [];
  private trickleRules: CountedRule<TrickleFault>[] = [];
  private activeStorm: { config: StormFault; random: () => number } | null = null;

  constructor(latencyMs = 0) {
    this.setLatency(latencyMs);
  }

  get latencyMs(): number {
    return this.latency;
  }

  setLatency(ms: number): void {
    this.latency = Math.max(0, ms);
  }

  setRateLimit(limit: RateLimit | null): void {
    if (limit && !(limit.requests >= 1 && limit.perMs > 0)) {
      throw new Error("setRateLimit: requests must be >= 1 and perMs > 0");
    }
    this.rateLimit = limit && { ...limit };
    this.admitted = [];
  }

  failNext(f: FailNextFault): void {
    this.failRules.push(...counted(f));
  }

  storm(s: StormFault | null): void {
    if (s && (!(s.rate >= 0 && s.rate <= 1) || s.statuses.length === 0)) {
      throw new Error("storm: rate must be within 0..1 and statuses non-empty");
    }
    this.activeStorm = s && { config: { ...s, statuses: [...s.statuses] }, random: mulberry32(s.seed) };
  }

  dropAfterCommit(f: DropAfterCommitFault = {}): void {
    this.dropRules.push(...counted(f));
  }

  stall(f: StallFault): void {
    this.stallRules.push(...counted(f));
  }

  garbleAfterCommit(f: GarbleAfterCommitFault): void {
    this.garbleRules.push(...counted(f));
  }

  trickle(f: TrickleFault): void {
    if (!(f.intervalMs > 0)) throw new Error("trickle: intervalMs must be > 0");
    this.trickleRules.push(...counted(f));
  }

  clear(): void {
    this.latency = 0;
    this.setRateLimit(null);
    this.failRules = [];
    this.dropRules = [];
    this.stallRules = [];
    this.garbleRules = [];
    this.trickleRules = [];
    this.activeStorm = null;
    // Emptied in place: callers may hold a reference to `injected`.
    for (const key of Object.keys(this.injected)) delete this.injected[key];
  }

  /** Milliseconds this request should hang before being handled (0 if no stall applies). */
  takeStall(method: string, path: string): number {
    const rule = takeRule(this.stallRules, method, path);
    if (!rule) return 0;
    this.count("stall");
    return Math.max(0, rule.ms);
  }

  /** A fault response replacing this request, or null to handle it normally. */
  beforeHandler(method: string, path: string, now = Date.now()): InjectedResponse | null {
    const failure = takeRule(this.failRules, method, path);
    if (failure) {
      const headers: Record<string, string> = {};
      if (failure.retryAfter !== undefined) headers["retry-after"] = failure.retryAfter;
      if (failure.contentType !== undefined) headers["content-type"] = failure.contentType;
      return this.inject("failNext", failure.status, headers, failure.body);
    }
    return this.stormFault(method, path) ?? this.rateLimitFault(now);
  }

  /** Whether this (already handled) request's response should be swallowed by destroying the socket. */
  takeDrop(method: string, path: string): boolean {
    if (!takeRule(this.dropRules, method, path)) return false;
    this.count("dropAfterCommit");
    return true;
  }

  /** The garbage answer replacing this (already handled) request's real one, or null. */
  takeGarble(method: string, path: string, realStatus: number, realBody: unknown): Omit<InjectedResponse, "kind"> | null {
    const rule = takeRule(this.garbleRules, method, path);
    if (!rule) return null;
    this.count("garbleAfterCommit");
    return {
      status: rule.status ?? realStatus,
      headers: { "content-type": rule.contentType ?? "application/json; charset=utf-8" },
      body: typeof rule.body === "function" ? rule.body(structuredClone(realBody)) : rule.body,
    };
  }

  /** How this request's answer is to be trickled, or null to send it at once. */
  takeTrickle(method: string, path: string): { intervalMs: number; bytesPerChunk: number } | null {
    const rule = takeRule(this.trickleRules, method, path);
    if (!rule) return null;
    this.count("trickle");
    return { intervalMs: rule.intervalMs, bytesPerChunk: Math.max(1, rule.bytesPerChunk ?? 1) };
  }

  private stormFault(method: string, path: string): InjectedResponse | null {
    if (!this.activeStorm || !matchesRequest(this.activeStorm.config.match, method, path)) return null;
    const { config, random } = this.activeStorm;
    if (random() >= config.rate) return null;
    const status = config.statuses[Math.floor(random() * config.statuses.length)];
    const headers: Record<string, string> = status === 429 ? { "retry-after": String(config.retryAfterSeconds ?? 1) } : {};
    return this.inject("storm", status, headers);
  }

  /** Sliding window: at most `requests` admitted within any `perMs`; rejected requests take no slot. */
  private rateLimitFault(now: number): InjectedResponse | null {
    if (!this.rateLimit) return null;
    const { requests, perMs } = this.rateLimit;
    while (this.admitted.length > 0 && this.admitted[0] <= now - perMs) this.admitted.shift();
    if (this.admitted.length < requests) {
      this.admitted.push(now);
      return null;
    }
    const untilFreeMs = this.admitted[0] + perMs - now;
    const retryAfter = String(Math.max(1, Math.ceil(untilFreeMs / 1000)));
    return this.inject("rateLimit", 429, { "retry-after": retryAfter });
  }

  private inject(kind: FaultKind, status: number, headers: Record<string, string>, body?: string): InjectedResponse {
    this.count(kind);
    const message = status === 429 ? "Rate limit exceeded" : (STATUS_CODES[status] ?? "Injected error");
    return {
      kind,
      status,
      headers: { "content-type": "application/json; charset=utf-8", ...headers },
      body: body ?? JSON.stringify({ message }),
    };
  }

  private count(kind: FaultKind): void {
    this.injected[kind] = (this.injected[kind] ?? 0) + 1;
  }
}

/** The rule with its use count; a count of 0 or less adds nothing. */
function counted<T extends { count?: number }>(rule: T): CountedRule<T>[] {
  const remaining = rule.count ?? 1;
  return remaining > 0 ? [{ rule: { ...rule }, remaining }] : [];
}

/** Consumes one use of the first rule matching the request. */
function takeRule<T extends { match?: RequestMatch }>(rules: CountedRule<T>[], method: string, path: string): T | undefined {
  const index = rules.findIndex((r) => matchesRequest(r.rule.match, method, path));
  if (index < 0) return undefined;
  const entry = rules[index];
  entry.remaining -= 1;
  if (entry.remaining <= 0) rules.splice(index, 1);
  return entry.rule;
}

/** Small, fast, seedable PRNG (mulberry32): the same seed gives the same fault sequence. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
