/** Types of the local action/trigger code runner (see codeRunner.ts). */
import type { InputFieldArgs } from "../child/args";

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
  /**
   * The input fields the action declares, as given to `Action`/`Trigger` `inputFields` (or their slugs).
   * When set, the run fails (`reason: "undeclaredInput"`) when the code reads `data.input.<slug>` (or
   * `inputs.<slug>`) for a slug Langdock would not pass, or when `input` holds one: Langdock derives each
   * slug from the label in camelCase ("User ID" → `userId`).
   */
  inputFields?: ReadonlyArray<InputFieldArgs | string>;
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
export type CodeRunFailure = "threw" | "syntax" | "timeout" | "unmatchedRequest" | "invalidResult" | "undeclaredInput";

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
