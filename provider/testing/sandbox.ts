/**
 * The globals the local code runner hands to action and trigger code: `ld` (request, log, wait), a
 * `fetch` answered by the test's routes, timers that end with the run. What they reproduce of
 * Langdock's sandbox is documented in codeRunner.ts.
 */
import { format } from "node:util";
import {
  CodeRunError,
  type MockResponse,
  type RecordedRequest,
  type RequestHandler,
  type RequestRoute,
  type RunOptions,
} from "./codeRunTypes";

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

/** State of one run, shared by the globals it hands to the code. */
export class Run {
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
export function makeLd(run: Run, toSandbox: <T>(value: T) => T) {
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

type FetchInit = { method?: string; headers?: ConstructorParameters<typeof Headers>[0]; body?: unknown };

/** A `fetch` whose requests go to the run's handler and whose answers are standard `Response`s. */
// Annotated: an inferred type names undici-types by its real path, which breaks declaration emit in linked installs.
export function makeFetch(run: Run): (input: unknown, init?: FetchInit) => Promise<Response> {
  return async (input: unknown, init: FetchInit = {}) => {
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
