import axios, { AxiosError, type AxiosInstance, type AxiosRequestConfig, type AxiosResponse, type InternalAxiosRequestConfig } from "axios";
import axiosRetry from "axios-retry";
import type { ProviderSettings } from "../config";
import { timeLeft } from "../base/operation";
import { Cooldown, backoffDelay, parseRetryAfter } from "./retry";

/**
 * The transport: axios with axios-retry, and our policy plugged into its hooks.
 *
 * - `retryCondition`: what is retried for which method (GUIDE.md): 429 and 503 ("not handled, come
 *   back") for every call, creates included, as is a connection refused before anything was sent;
 *   502/504, a dropped connection or a timeout may hide a committed write, so only idempotent calls
 *   repeat them. It also keeps the TOTAL budget (langdock:maxRetryTimeMs): a retry whose wait would
 *   pass it is not made.
 * - `retryDelay`: backoff with full jitter, or a short jitter after a Retry-After (the shared cooldown,
 *   awaited before every attempt, covers the asked pause).
 * - `onRetry`: drops the spent attempt's abort signal, so the next attempt gets a deadline of its own.
 * - `shouldResetTimeout`: axios-retry must not shrink `timeout` itself: our request interceptor gives
 *   each attempt one deadline on the WHOLE request (connect to last byte; axios' own `timeout` is an idle
 *   timer that a server trickling a byte at a time never trips), kept inside what is left of the budget.
 * - The operation's deadline (`customTimeouts`, base/operation.ts) bounds every attempt and every pause:
 *   an attempt or a retry that cannot start in time is not made (`Attempts.outOfOperationTime`).
 */

/** Thrown by the request interceptor when the operation's deadline leaves no room for another attempt. */
class OutOfOperationTime extends Error {}

/** What one request's attempts have in common; a class, so axios' config merge passes it by reference. */
export class Attempts {
  readonly startedAt = Date.now();
  /** Attempts started, the current one included. */
  count = 0;
  /** The current attempt's deadline (ms) and whether it expired. */
  deadlineMs = 0;
  timedOut = false;
  timer: NodeJS.Timeout | undefined;
  /** Retry-After (ms) of the last 429/503, or the pause a 429 without it implies. */
  asked: number | undefined;
  /** Set when the retry budget could not cover the wait Langdock asked for. */
  waitTooLongMs: number | undefined;
  nextDelayMs = 0;
  /** Set when the operation's own deadline (customTimeouts, native plugin only) left no room for an attempt or a pause. */
  outOfOperationTime = false;
  /** The last attempt's failure, reported when the operation's deadline stops the next one from starting. */
  lastError: AxiosError | undefined;
  constructor(readonly idempotent: boolean) {}
}

declare module "axios" {
  interface AxiosRequestConfig {
    /** Our per-request retry bookkeeping (see Attempts). */
    langdockAttempts?: Attempts;
  }
}

/** Connection failures that happen before a request is sent: safe to repeat even for a create. */
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN"]);
/** The statuses axios-retry sees as failures; every other answer is handed back to the client as it is. */
const RETRIED_STATUSES = new Set([429, 502, 503, 504]);
const BASE_JITTER_MS = 100;
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface TransportOptions {
  settings: ProviderSettings;
  cooldown: Cooldown;
  random: () => number;
  /** axios' own options (base URL, headers, validateStatus, redirects). */
  axiosConfig: AxiosRequestConfig;
}

/** A failure before a complete answer arrived, as the client reports it. */
export interface TransportFailure {
  code: string;
  message: string;
  timedOut: boolean;
  /** The socket's own error (never axios', whose config holds the Authorization header). */
  error: unknown;
}

export function createTransport({ settings, cooldown, random, axiosConfig }: TransportOptions): AxiosInstance {
  const http = axios.create(axiosConfig);
  const { maxRetries, timeoutMs, maxRetryTimeMs } = settings;

  // Before every attempt (the first and each retry): the shared cooldown, then a deadline of its own.
  http.interceptors.request.use(async (config: InternalAxiosRequestConfig) => {
    const run = config.langdockAttempts;
    if (!run) return config;
    if (timeLeft() <= cooldown.remaining()) {
      run.outOfOperationTime = true;
      throw new OutOfOperationTime("the operation's deadline passed");
    }
    await cooldown.wait();
    run.count++;
    const timeout = timeoutMs > 0 ? timeoutMs : MAX_TIMER_MS;
    const left = maxRetryTimeMs - (Date.now() - run.startedAt);
    const operationLeft = Math.min(MAX_TIMER_MS, Math.max(1, timeLeft()));
    run.deadlineMs = Math.min(timeout, Math.max(left, run.count === 1 ? timeout : 1), operationLeft);
    run.timedOut = false;
    const controller = new AbortController();
    run.timer = setTimeout(() => {
      run.timedOut = true;
      controller.abort();
    }, run.deadlineMs);
    config.signal = controller.signal;
    config.timeout = run.deadlineMs;
    return config;
  });

  // Registered before axios-retry's, so it runs first: ends the attempt's timer, and a 429/503 extends the shared cooldown.
  const finish = (config: AxiosRequestConfig | undefined) => clearTimeout(config?.langdockAttempts?.timer);
  http.interceptors.response.use(
    (response) => {
      finish(response.config);
      return response;
    },
    (error: unknown) => {
      if (!(error instanceof AxiosError)) throw error;
      finish(error.config);
      const run = error.config?.langdockAttempts;
      const status = error.response?.status;
      if (run) {
        run.lastError = error;
        run.asked = status === 429 || status === 503 ? parseRetryAfter(error.response?.headers["retry-after"]) : undefined;
        if (status === 429 && run.asked === undefined) run.asked = backoffDelay(1, random) + 500;
        // A pause longer than anyone may wait fails this request instead of freezing all others.
        if (run.asked !== undefined && run.asked <= maxRetryTimeMs) cooldown.extend(run.asked);
      }
      throw error;
    },
  );

  axiosRetry(http, {
    retries: maxRetries,
    shouldResetTimeout: true,
    // Only the statuses the policy may retry reach retryCondition; every other answer goes back to the client.
    validateResponse: (response) => !RETRIED_STATUSES.has(response.status),
    retryCondition: (error) => {
      const run = error.config?.langdockAttempts;
      if (!run) return false;
      // The attempt ran out of the operation's time (its deadline was capped by it): the operation is over.
      if (error.response === undefined && isLate(error, run) && timeLeft() <= 0) {
        run.outOfOperationTime = true;
        return false;
      }
      const status = error.response?.status;
      const retryable =
        status !== undefined
          ? status === 429 || status === 503 || (run.idempotent && (status === 502 || status === 504))
          : notSent(error, run) || run.idempotent;
      if (!retryable) return false;
      const delay = run.asked !== undefined ? Math.floor(random() * BASE_JITTER_MS) : backoffDelay(run.count, random);
      const wait = Math.max(cooldown.remaining(), run.asked ?? 0, delay);
      if (Date.now() - run.startedAt + wait > maxRetryTimeMs) {
        run.waitTooLongMs = run.asked;
        return false;
      }
      if (timeLeft() <= wait) {
        run.outOfOperationTime = true;
        return false;
      }
      run.nextDelayMs = delay;
      return true;
    },
    retryDelay: (_count, error) => error.config?.langdockAttempts?.nextDelayMs ?? 0,
    onRetry: (_count, _error, config) => {
      // The spent attempt's signal may have fired (its deadline): the next attempt gets its own.
      config.signal = undefined;
    },
  });
  return http;
}

function isLate(error: AxiosError, run: Attempts): boolean {
  return run.timedOut || error.code === "ECONNABORTED" || error.code === "ETIMEDOUT";
}

function notSent(error: AxiosError, run: Attempts): boolean {
  return !isLate(error, run) && NOT_SENT_CODES.has(error.code ?? "");
}

export type Sent = { attempts: Attempts } & (
  { response: AxiosResponse; failure?: undefined } | { failure: TransportFailure; response?: undefined }
);

/**
 * Sends a request through the retrying transport: the final answer (any status), or the final failure
 * before a complete answer arrived, with the attempts it took.
 */
export async function send(http: AxiosInstance, config: AxiosRequestConfig, idempotent: boolean): Promise<Sent> {
  const attempts = new Attempts(idempotent);
  try {
    const response = await http.request<unknown, AxiosResponse>({ ...config, langdockAttempts: attempts });
    return { attempts, response };
  } catch (thrown) {
    // The deadline stopped an attempt from starting: what the attempt before it met is the answer.
    const err = thrown instanceof OutOfOperationTime && attempts.lastError ? attempts.lastError : thrown;
    const answered: AxiosResponse | undefined = err instanceof AxiosError ? err.response : undefined;
    if (answered) return { attempts, response: answered } satisfies Sent;
    const code = err instanceof AxiosError ? (err.code ?? "") : "";
    const late = err instanceof AxiosError && isLate(err, attempts);
    return {
      attempts,
      failure: {
        code: late ? "ETIMEDOUT" : code || "network error",
        message: late ? `no complete answer within ${attempts.deadlineMs} ms` : err instanceof Error ? err.message : String(err),
        timedOut: late,
        // The cause kept is the socket's own error (code, syscall): never axios' error, whose config holds the Authorization header.
        error: err instanceof AxiosError ? (err.cause ?? new Error(err.message)) : err,
      },
    };
  }
}
