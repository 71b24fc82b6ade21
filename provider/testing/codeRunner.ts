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
import * as vm from "node:vm";
import { compileFunctionBody } from "../code";
import {
  CodeRunError,
  type CodeRunFailure,
  type RunOptions,
  type RunResult,
  type TriggerEvent,
  type TriggerRunOptions,
} from "./codeRunTypes";
import { Run, makeFetch, makeLd } from "./sandbox";
import { declaredSlugs, guardInputs, undeclaredMessage } from "./declaredInputs";

export * from "./codeRunTypes";

const DEFAULT_TIMEOUT_MS = 5_000;

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
  const declared = options.inputFields ? declaredSlugs(options.inputFields) : undefined;
  /** The first read of an undeclared input: it fails the run even if the code caught its error. */
  let undeclared: CodeRunError | undefined;
  if (declared) {
    const extra = Object.keys(options.input ?? {}).find((key) => !declared.includes(key));
    if (extra !== undefined) {
      throw new CodeRunError(undeclaredMessage(`the runner's input sets ${extra}`, extra, declared), "undeclaredInput", [], []);
    }
    data.input = guardInputs(data.input, declared, (slug) => {
      const message = undeclaredMessage(`${what} reads data.input.${slug}`, slug, declared);
      undeclared ??= new CodeRunError(message, "undeclaredInput", state.requests, state.logs);
      return state.sandboxError(message);
    });
  }
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
    if (undeclared) throw undeclared;
    if (state.unmatched) throw state.unmatched;
    return { result: asJson(value, what, fail), requests: state.requests, logs: state.logs };
  } catch (err) {
    if (err instanceof CodeRunError) throw err;
    // An undeclared input or a request nothing answered is the real cause, whatever the code made of its error.
    if (undeclared) throw undeclared;
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
