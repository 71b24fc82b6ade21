/**
 * A local runner for Langdock action and trigger code, so it can be unit-tested before it is deployed.
 *
 * What Langdock documents about the environment the code runs in (and what this runner reproduces):
 * - The code is the body of an async function: top-level `await` and `return` work; the returned value
 *   is the result. https://docs.langdock.com/resources/integrations/create-integrations
 * - `data.input.<field>` holds the input field values and `data.auth.<field>` the connection's auth
 *   field values; `ld.request(...)` makes HTTP requests and `ld.log(...)` logs (same page). The API
 *   reference examples use the older names `inputs` / `secrets` and the standard `fetch`, and give
 *   trigger code a `lastPollTime`.
 *   https://docs.langdock.com/api-endpoints/integrations/create-action ,
 *   https://docs.langdock.com/api-endpoints/integrations/create-trigger
 * - `ld.request({ method, url, headers, params, body, responseType })`: `params` become the query
 *   string, an object `body` is sent as JSON; it resolves to `{ status, headers, json, text }`, or
 *   `{ status, headers, buffer, success }` for `responseType: "stream" | "binary"`. Documented examples
 *   check `response.status` themselves, so a non-2xx answer resolves (it does not throw). `ld.wait(ms)`
 *   pauses 0–30,000 ms; `btoa`/`atob` are globals.
 *   https://docs.langdock.com/en/using-langdock/guides/integrations/sandbox-utilities.md
 * - The sandbox is memory-limited and timeout-enforced, has no file system, no `process`, no `eval`,
 *   and no npm packages or imports (same page).
 * - Polling trigger code returns an array of events `{ id, timestamp, data }`, `id` unique per event,
 *   `timestamp` an ISO date (create-integrations page, "Build Triggers").
 *
 * Not reproduced: Langdock's other `ld.*` helpers (`awsRequest`, `json2csv`, …) throw a clear error, and
 * the real limits (CPU time, memory) are not enforced. `node:vm` is not a security boundary: this runs
 * your own code for tests, it does not contain hostile code.
 */
import { format } from "node:util";
import * as vm from "node:vm";
import { compileFunctionBody } from "../code";

/** One request the code made, through `ld.request` or `fetch`. */
export interface RecordedRequest {
  via: "ld.request" | "fetch";
  /** Upper case, e.g. `"GET"`. */
  method: string;
  /** Absolute URL including the query string (`ld.request`'s `params` already appended). */
  url: string;
  /** Header names in lower case (HTTP headers are case-insensitive), values as strings. */
  headers: Record<string, string>;
  /** The body as sent (objects given to `ld.request` are JSON), or undefined when there was none. */
  body?: string;
  /** The body parsed as JSON, when it is JSON. */
  json?: unknown;
}

/** A response to hand back to the code. */
export interface MockResponse {
  /** Default 200. A non-2xx status is returned to the code, which must check it (as in Langdock). */
  status?: number;
  headers?: Record<string, string>;
  /** JSON body; `text` defaults to its serialization and `content-type` to `application/json`. */
  json?: unknown;
  /** Raw body; `json` defaults to its parse when it is JSON. */
  text?: string;
  /** Binary body, for `responseType: "stream" | "binary"`; `text` defaults to its UTF-8 decoding. */
  bytes?: Uint8Array;
}

/**
 * Answers the code's requests. Return `undefined` for a request it does not expect: the run then fails
 * with an error naming the method and URL. Throw to simulate a network failure (the code sees the error).
 */
export type RequestHandler = (request: RecordedRequest) => MockResponse | undefined | Promise<MockResponse | undefined>;

/** One expected request and its response; the first route that matches answers. */
export interface RequestRoute {
  /**
   * `"GET https://api.example.com/users/42"` (method and URL) or `"https://api.example.com/users/42"` (any
   * method); a URL without a query string also matches requests that have one. A RegExp is tested against
   * `"METHOD URL"`; a function decides itself.
   */
  match: string | RegExp | ((request: RecordedRequest) => boolean);
  /** The response, or a function computing it from the request. Routes answer any number of times. */
  respond: MockResponse | ((request: RecordedRequest) => MockResponse | Promise<MockResponse>);
}

/** Options of {@link runAction}. */
export interface RunOptions {
  /** Input field values, by slug: `data.input` (also `inputs`). Passed in as JSON copies, as Langdock passes them. */
  input?: Record<string, unknown>;
  /** The connection's auth field values, by slug: `data.auth` (also `secrets`). Passed in as JSON copies. */
  auth?: Record<string, unknown>;
  /** How `ld.request` and `fetch` are answered; without it every request fails the run. */
  requests?: RequestHandler | RequestRoute[];
  /** The run fails when the code has not finished after this many milliseconds; default 5,000. */
  timeoutMs?: number;
  /** File name shown in stack traces and syntax errors, e.g. `"get-user.js"`. */
  filename?: string;
}

/** Options of {@link runTrigger}. */
export interface TriggerRunOptions extends RunOptions {
  /** Value of the `lastPollTime` global (the time of the previous poll); default `undefined`. */
  lastPollTime?: string;
}

/** An event as polling trigger code must return it. */
export interface TriggerEvent {
  /** Unique per event. */
  id: string | number;
  /** ISO date of the event. */
  timestamp: string;
  data: Record<string, unknown>;
}

/** What a run produced. */
export interface RunResult<T = unknown> {
  /** The returned value as JSON carries it (Langdock passes results on as JSON), `undefined` if nothing was returned. */
  result: T;
  /** Every request the code made, in order. */
  requests: RecordedRequest[];
  /** Lines written with `console.*` or `ld.log`, formatted like `console.log`. */
  logs: string[];
}

/** Why a run failed. */
export type CodeRunFailure = "threw" | "syntax" | "timeout" | "unmatchedRequest" | "invalidResult";

/**
 * A failed run. For `reason: "threw"` the message is the code's own error message (the thrown value is
 * the `cause`). `requests` and `logs` show what happened up to the failure.
 */
export class CodeRunError extends Error {
  override name = "CodeRunError";
  constructor(
    message: string,
    readonly reason: CodeRunFailure,
    readonly requests: RecordedRequest[],
    readonly logs: string[],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const DEFAULT_TIMEOUT_MS = 5_000;
const MAX_WAIT_MS = 30_000;
/** Langdock helpers this runner does not emulate: calling one fails clearly instead of "is not a function". */
const UNSUPPORTED_LD = [
  "awsRequest",
  "csv2parquet",
  "parquet2csv",
  "arrow2parquet",
  "json2csv",
  "validateSqlQuery",
  "ensureReadOnlySqlQuery",
  "signWithRS256",
];

/**
 * Runs action code the way Langdock does: as the body of an async function in a fresh `node:vm`
 * context whose globals are `data` (`data.input`, `data.auth`), `inputs`, `secrets`, `ld` (`request`,
 * `log`, `wait`), `fetch`, `console`, `URL`, `URLSearchParams`, `Buffer`, `btoa`, `atob`, `setTimeout`,
 * `clearTimeout` and the JavaScript built-ins. `require`, `process`, `eval` and the network are not
 * available: `ld.request` and `fetch` are answered by `options.requests`.
 *
 * @returns The result (as JSON carries it), the requests made and the log lines.
 * @throws {@link CodeRunError} (as a rejection) when the code throws (with the code's message), has a
 * syntax error, makes a request `options.requests` does not answer (even if the code catches that
 * error: an unexpected request is a broken test), returns a value JSON cannot carry, or runs longer than
 * `timeoutMs` (default 5 s). A busy loop after the first `await` cannot be interrupted by `node:vm`.
 *
 * @example
 * const { result, requests } = await runAction(codeFromFile("./actions/get-user.js"), {
 *   input: { userId: "42" },
 *   auth: { apiKey: "test-key" },
 *   requests: [{ match: "GET https://internal.example.com/api/users/42", respond: { json: { id: "42" } } }],
 * });
 */
export function runAction(code: string, options: RunOptions = {}): Promise<RunResult> {
  return run("action code", code, options, {});
}

/**
 * Runs polling trigger code like {@link runAction}, with a `lastPollTime` global, and checks that it
 * returns what Langdock expects: an array of `{ id, timestamp, data }` events with unique ids and ISO dates.
 *
 * @throws {@link CodeRunError} as {@link runAction} does; `reason: "invalidResult"` names the first
 * event that does not have the expected shape.
 */
export async function runTrigger(pollingCode: string, options: TriggerRunOptions = {}): Promise<RunResult<TriggerEvent[]>> {
  const outcome = await run("trigger polling code", pollingCode, options, { lastPollTime: options.lastPollTime });
  const problem = triggerResultProblem(outcome.result);
  if (problem)
    throw new CodeRunError(
      `trigger polling code must return an array of { id, timestamp, data } events: ${problem}.`,
      "invalidResult",
      outcome.requests,
      outcome.logs,
    );
  return outcome as RunResult<TriggerEvent[]>;
}

function triggerResultProblem(result: unknown): string | undefined {
  if (!Array.isArray(result)) return `it returned ${describe(result)}`;
  const seen = new Map<string, number>();
  for (const [i, event] of result.entries()) {
    if (!event || typeof event !== "object" || Array.isArray(event)) return `event ${i} is ${describe(event)}`;
    const { id, timestamp, data } = event as Record<string, unknown>;
    if ((typeof id !== "string" && typeof id !== "number") || id === "") return `event ${i} has no id (a unique string or number)`;
    if (seen.has(String(id))) return `events ${seen.get(String(id))} and ${i} share the id ${JSON.stringify(id)}; ids must be unique`;
    seen.set(String(id), i);
    if (typeof timestamp !== "string" || Number.isNaN(Date.parse(timestamp))) {
      return `event ${i} has timestamp ${JSON.stringify(timestamp)}, not an ISO date such as "2024-01-15T10:00:00Z"`;
    }
    if (!data || typeof data !== "object" || Array.isArray(data)) return `event ${i} has data ${describe(data)}, not an object`;
  }
  return undefined;
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "an array";
  if (value === null) return "null";
  return typeof value === "object" ? "an object" : `${typeof value} ${JSON.stringify(value)}`;
}

/** State of one run, shared by the globals it hands to the code. */
class Run {
  readonly requests: RecordedRequest[] = [];
  readonly logs: string[] = [];
  /** The first request nothing answered: it fails the run even if the code caught its error. */
  unmatched?: CodeRunError;
  finished = false;
  /** Rejects when a timer callback throws: nothing awaits a callback, so the run must be told directly. */
  readonly crashed: Promise<never>;
  private crash!: (err: unknown) => void;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly answer: RequestHandler;

  constructor(
    readonly what: string,
    requests: RunOptions["requests"],
    /** Builds errors in the context's realm, so `err instanceof Error` holds inside the code. */
    readonly sandboxError: (message: string) => Error,
  ) {
    this.answer = typeof requests === "function" ? requests : routeHandler(requests ?? []);
    this.crashed = new Promise<never>((_, reject) => (this.crash = reject));
  }

  log = (...args: unknown[]): void => {
    if (!this.finished) this.logs.push(format(...args));
  };

  setTimeout = (callback: unknown, ms?: number, ...args: unknown[]): NodeJS.Timeout => {
    if (typeof callback !== "function") throw this.sandboxError("setTimeout needs a function (code strings are not allowed)");
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      try {
        callback(...args);
      } catch (err) {
        // Uncaught in a callback, it would crash the test process; it fails the run instead.
        this.crash(err);
      }
    }, ms);
    this.timers.add(timer);
    return timer;
  };

  clearTimeout = (timer: NodeJS.Timeout | undefined): void => {
    if (timer === undefined) return;
    clearTimeout(timer);
    this.timers.delete(timer);
  };

  /** Ends the run: pending timers are dropped and later requests from abandoned code are refused. */
  finish(): void {
    this.finished = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  async send(request: RecordedRequest): Promise<Answer> {
    if (this.finished) throw this.sandboxError(`${request.via} ${request.method} ${request.url} was called after the run had ended`);
    this.requests.push(request);
    const response = await this.answer({ ...request, headers: { ...request.headers } });
    if (response === undefined) {
      const message = `${this.what} made a request no response was set up for: ${request.method} ${request.url}; add it to the runner's \`requests\` option.`;
      this.unmatched ??= new CodeRunError(message, "unmatchedRequest", this.requests, this.logs);
      throw this.sandboxError(message);
    }
    return normalizeResponse(response);
  }
}

function routeHandler(routes: RequestRoute[]): RequestHandler {
  return async (request) => {
    const route = routes.find((r) => matches(r.match, request));
    if (!route) return undefined;
    return typeof route.respond === "function" ? route.respond(request) : route.respond;
  };
}

function matches(match: RequestRoute["match"], request: RecordedRequest): boolean {
  if (typeof match === "function") return match(request);
  if (match instanceof RegExp) return match.test(`${request.method} ${request.url}`);
  const spaced = /^([A-Za-z]+)\s+(\S+)$/.exec(match.trim());
  const [method, url] = spaced ? [spaced[1].toUpperCase(), spaced[2]] : [undefined, match.trim()];
  if (method && method !== request.method) return false;
  const wanted = normalizeUrl(url);
  return wanted === request.url || (!wanted.includes("?") && wanted === request.url.split("?")[0]);
}

function normalizeUrl(url: string): string {
  try {
    return new URL(url).toString();
  } catch {
    return url;
  }
}

/** A {@link MockResponse} with its defaults filled in. */
type Answer = MockResponse & { status: number; headers: Record<string, string>; text: string };

function normalizeResponse(response: MockResponse): Answer {
  const headers = lowerCaseHeaders(response.headers ?? {});
  const text =
    response.text ??
    (response.bytes ? Buffer.from(response.bytes).toString("utf8") : response.json !== undefined ? JSON.stringify(response.json) : "");
  if (response.json !== undefined) headers["content-type"] ??= "application/json";
  return { ...response, status: response.status ?? 200, headers, text, json: response.json ?? parseJson(text) };
}

function lowerCaseHeaders(headers: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && value !== null) out[name.toLowerCase()] = String(value);
  }
  return out;
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined || text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The body as sent: strings as they are, binary as UTF-8, URLSearchParams as a form; other objects as
 * JSON for `ld.request` (documented), but as `String(body)` for `fetch`, which is what real fetch sends
 * ("[object Object]"), so a test catches the mistake.
 */
function serializeBody(body: unknown, headers: Record<string, string>, via: RecordedRequest["via"]): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === "string") return body;
  if (body instanceof URLSearchParams) {
    headers["content-type"] ??= "application/x-www-form-urlencoded";
    return body.toString();
  }
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) return Buffer.from(body as ArrayBuffer).toString("utf8");
  if (via === "fetch") return String(body);
  headers["content-type"] ??= "application/json";
  return JSON.stringify(body);
}

function absoluteUrl(run: Run, via: string, url: unknown): URL {
  try {
    return new URL(String(url));
  } catch {
    throw run.sandboxError(`${via}: ${JSON.stringify(String(url))} is not an absolute URL (such as "https://api.example.com/items")`);
  }
}

/** `ld`: request, log and wait as documented; the other documented helpers fail clearly. */
function makeLd(run: Run, toSandbox: <T>(value: T) => T) {
  const request = async (options: unknown) => {
    if (!options || typeof options !== "object" || !("url" in options)) {
      throw run.sandboxError("ld.request needs an options object with a url, e.g. ld.request({ method: 'GET', url: 'https://…' })");
    }
    const { method = "GET", url, headers = {}, params, body, responseType } = options as Record<string, unknown>;
    const target = absoluteUrl(run, "ld.request", url);
    for (const [key, value] of Object.entries((params as Record<string, unknown>) ?? {})) {
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item !== undefined && item !== null) target.searchParams.append(key, String(item));
      }
    }
    const sentHeaders = lowerCaseHeaders(headers as Record<string, unknown>);
    const sentBody = serializeBody(body, sentHeaders, "ld.request");
    const response = await run.send(recorded("ld.request", String(method).toUpperCase(), target.toString(), sentHeaders, sentBody));
    if (responseType === "stream" || responseType === "binary") {
      const bytes = response.bytes ?? Buffer.from(response.text, "utf8");
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
      return {
        ...toSandbox({ status: response.status, headers: response.headers, success: response.status >= 200 && response.status < 300 }),
        buffer,
      };
    }
    return toSandbox({ status: response.status, headers: response.headers, json: response.json, text: response.text });
  };
  const wait = (ms: unknown) => {
    if (typeof ms !== "number" || !(ms >= 0 && ms <= MAX_WAIT_MS)) {
      throw run.sandboxError(`ld.wait takes 0 to ${MAX_WAIT_MS} milliseconds, got ${String(ms)}`);
    }
    return new Promise<void>((resolve) => run.setTimeout(resolve, ms));
  };
  const unsupported = Object.fromEntries(
    UNSUPPORTED_LD.map((name) => [
      name,
      () => {
        throw run.sandboxError(
          `ld.${name} is not emulated by the local runner (only ld.request, ld.log and ld.wait are); test this code in Langdock`,
        );
      },
    ]),
  );
  return { request, log: run.log, wait, ...unsupported };
}

/** A `fetch` whose requests go to the run's handler and whose answers are standard `Response`s. */
function makeFetch(run: Run) {
  return async (input: unknown, init: { method?: string; headers?: ConstructorParameters<typeof Headers>[0]; body?: unknown } = {}) => {
    const isRequestLike = typeof input === "object" && input !== null && !(input instanceof URL) && "url" in input;
    const url = absoluteUrl(run, "fetch", isRequestLike ? (input as { url: string }).url : input);
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => (headers[name] = value));
    const body = serializeBody(init.body, headers, "fetch");
    const response = await run.send(recorded("fetch", (init.method ?? "GET").toUpperCase(), url.toString(), headers, body));
    const noBody = [101, 204, 205, 304].includes(response.status);
    return new Response(noBody ? null : (response.bytes ?? response.text), { status: response.status, headers: response.headers });
  };
}

function recorded(
  via: RecordedRequest["via"],
  method: string,
  url: string,
  headers: Record<string, string>,
  body: string | undefined,
): RecordedRequest {
  const request: RecordedRequest = { via, method, url, headers };
  if (body !== undefined) {
    request.body = body;
    const json = parseJson(body);
    if (json !== undefined) request.json = json;
  }
  return request;
}

async function run(what: string, code: string, options: RunOptions, extraGlobals: Record<string, unknown>): Promise<RunResult> {
  if (typeof code !== "string") throw new TypeError(`${what} must be a string (read a file with codeFromFile), got ${describe(code)}.`);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!(timeoutMs > 0 && Number.isFinite(timeoutMs)))
    throw new RangeError(`timeoutMs must be a positive number of milliseconds, got ${String(timeoutMs)}.`);

  // Langdock's sandbox has no eval or new Function; this context refuses code generation the same way.
  const context = vm.createContext({}, { name: what, codeGeneration: { strings: false, wasm: false } });
  const SandboxError = vm.runInContext("Error", context) as ErrorConstructor;
  const sandboxJson = vm.runInContext("JSON", context) as JSON;
  // Values cross into the context as copies made by its own JSON: the code cannot change the test's
  // objects, and arrays and objects belong to its realm (`instanceof Array` holds as in Langdock).
  const toSandbox = <T>(value: T): T => (value === undefined ? value : sandboxJson.parse(JSON.stringify(value)));
  const state = new Run(what, options.requests, (message) => new SandboxError(message));

  const data = toSandbox({ input: options.input ?? {}, auth: options.auth ?? {} });
  const logger = { log: state.log, info: state.log, warn: state.log, error: state.log, debug: state.log };
  Object.assign(context, {
    data,
    inputs: data.input,
    secrets: data.auth,
    ld: makeLd(state, toSandbox),
    fetch: makeFetch(state),
    console: logger,
    URL,
    URLSearchParams,
    Buffer,
    btoa,
    atob,
    setTimeout: state.setTimeout,
    clearTimeout: state.clearTimeout,
    ...extraGlobals,
  });

  const fail = (message: string, reason: CodeRunFailure, cause?: unknown) =>
    new CodeRunError(message, reason, state.requests, state.logs, { cause });
  let script: vm.Script;
  try {
    script = compileFunctionBody(code, options.filename ?? `${what.replace(/ /g, "-")}.js`);
  } catch (err) {
    throw fail(`${what} has a syntax error: ${errorMessage(err)}.`, "syntax", err);
  }

  let timer: NodeJS.Timeout | undefined;
  const timedOut = () =>
    fail(`${what} did not finish within ${timeoutMs} ms (timeoutMs); it may await a response that never comes or loop forever.`, "timeout");
  try {
    const running = script.runInContext(context, { timeout: timeoutMs }) as Promise<unknown>;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(timedOut()), timeoutMs);
    });
    const value = await Promise.race([running, deadline, state.crashed]);
    if (state.unmatched) throw state.unmatched;
    return { result: asJson(value, what, fail), requests: state.requests, logs: state.logs };
  } catch (err) {
    if (err instanceof CodeRunError) throw err;
    // A request nothing answered is the real cause, whatever the code made of its error.
    if (state.unmatched) throw state.unmatched;
    if ((err as { code?: string })?.code === "ERR_SCRIPT_EXECUTION_TIMEOUT") throw timedOut();
    throw fail(errorMessage(err), "threw", err);
  } finally {
    clearTimeout(timer);
    state.finish();
  }
}

/** The value as JSON carries it: Langdock passes results on to agents and workflows as JSON. */
function asJson(value: unknown, what: string, fail: (message: string, reason: CodeRunFailure, cause?: unknown) => CodeRunError): unknown {
  if (value === undefined) return undefined;
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (err) {
    throw fail(`${what} returned a value JSON cannot carry: ${errorMessage(err)}.`, "invalidResult", err);
  }
  return text === undefined ? undefined : JSON.parse(text);
}

/** Errors from the context are not `instanceof Error` here (another realm), so they are read by shape. */
function errorMessage(err: unknown): string {
  if (err && typeof err === "object" && typeof (err as { message?: unknown }).message === "string")
    return (err as { message: string }).message;
  return String(err);
}
