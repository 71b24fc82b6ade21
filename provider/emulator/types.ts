/** Public option, log and fault types of the Langdock API emulator. */

export type ApiScope = "INTEGRATION_API" | "AGENT_API" | "ASSISTANT_API" | "KNOWLEDGE_FOLDER_API" | "SKILL_API";

/** A key's role on a knowledge base: EDITOR may upload and delete, USER (viewer) may only read. */
export type KnowledgeRole = "EDITOR" | "USER";

export interface EmulatorOptions {
  /** Bearer key the emulator accepts; default "sk-ld-emulator-" + random hex. */
  apiKey?: string;
  /** Path prefix of every route, e.g. "/api/public" (dedicated deployment); default "". */
  basePath?: string;
  /** Interface to listen on; default "127.0.0.1". */
  host?: string;
  /** Port; default 0 (random free port). */
  port?: number;
  /** Models the workspace offers; default ["gpt-4o", "gpt-4o-mini", "claude-sonnet-4"]. The first is the default model. */
  models?: string[];
  /** Models whose `supportsExtendedThinking` is true (others answer 400 to `extendedThinking: true`); default ["claude-sonnet-4"]. */
  extendedThinkingModels?: string[];
  /** The workspace's default model; default the first of `models`. null: none configured (a create without `model` answers 500). */
  defaultModel?: string | null;
  /**
   * Shape of actions/triggers in GET /integrations/v1/{id}:
   * - "live" (default), as Langdock answers in late 2026: actions with code, requiresConfirmation and their
   *   input fields in no particular order with extra fields (nativeActionType, actionType, kind, status);
   *   triggers without pollingCode and input fields;
   * - "full": as the seed-era pages had it, actions and triggers as their own endpoints answer (sorted fields,
   *   pollingCode included);
   * - "summary": only the documented summary fields.
   */
  integrationDetail?: "live" | "full" | "summary";
  /** Names of Langdock's own (catalog) integrations the list also shows, with `buildByLangdock: true`; default none. */
  catalogIntegrations?: string[];
  /** How long each processing stage of an uploaded knowledge file (UPLOADING → … → SYNCED) takes; default 50 ms. */
  knowledgeStageMs?: number;
  /** Whether PATCH /knowledge/{folderId} gives the replaced file a new id (Langdock does not document it); default false. */
  knowledgeReplaceGivesNewId?: boolean;
  /** Largest skill import (`POST /skills/v1/import`) accepted before answering 413; default 10 MB. */
  skillImportMaxBytes?: number;
  /** Scopes of the key; default INTEGRATION_API + AGENT_API + KNOWLEDGE_FOLDER_API + SKILL_API. A route whose scope is missing answers 403. */
  scopes?: ApiScope[];
  /** Fixed delay added to every response. */
  latencyMs?: number;
  /** Called after each request is logged (the CLI uses it to print requests). */
  onRequest?: (entry: RequestLogEntry) => void;
}

export interface RequestLogEntry {
  method: string;
  /** Path without basePath and query. */
  path: string;
  query: Record<string, string>;
  /** 0 if the connection was dropped (dropAfterCommit, or the client went away while the request was stalled). */
  status: number;
  /** Parsed request JSON; for multipart, `{ fields, files: { <name>: { name, type, size, sha256 } } }` (never the bytes). */
  body?: unknown;
  /** Name of the injected fault (a FaultKind), if any. */
  fault?: string;
  startedAt: number;
  durationMs: number;
}

/** Selects requests: method is compared case-insensitively; a string path is a prefix, a RegExp is tested. */
export interface RequestMatch {
  method?: string;
  path?: string | RegExp;
}

export type FaultKind = "rateLimit" | "failNext" | "storm" | "dropAfterCommit" | "stall" | "garbleAfterCommit" | "trickle";

export interface RateLimit {
  requests: number;
  perMs: number;
}

export interface FailNextFault {
  status: number;
  count?: number;
  /** Raw Retry-After header value: seconds or an HTTP date. */
  retryAfter?: string;
  /** Raw body; default JSON {message}. */
  body?: string;
  contentType?: string;
  match?: RequestMatch;
}

export interface StormFault {
  /** Probability (0–1) that a matching request fails. */
  rate: number;
  statuses: number[];
  seed: number;
  /** Retry-After of 429 responses; default 1. */
  retryAfterSeconds?: number;
  match?: RequestMatch;
}

export interface DropAfterCommitFault {
  count?: number;
  match?: RequestMatch;
}

/** The request is processed (state committed), then answered with this body instead of the real one. */
export interface GarbleAfterCommitFault {
  /** Raw body sent instead, e.g. "", "{}", "<html>…"; or built from the real answer (e.g. the id outside its envelope). */
  body: string | ((real: unknown) => string);
  /** Status sent; default the real one (201 for a create). */
  status?: number;
  /** Default "application/json; charset=utf-8". */
  contentType?: string;
  count?: number;
  match?: RequestMatch;
}

/** The answer (computed when the request is handled) is sent `bytesPerChunk` bytes every `intervalMs`. */
export interface TrickleFault {
  intervalMs: number;
  /** Default 1. */
  bytesPerChunk?: number;
  count?: number;
  match?: RequestMatch;
}

export interface StallFault {
  ms: number;
  count?: number;
  match?: RequestMatch;
}

export interface EmulatorFaults {
  setLatency(ms: number): void;
  /** Sliding-window rate limit; over it => 429 with Retry-After (integer seconds ≥ 1 until a slot frees); null disables. */
  setRateLimit(limit: RateLimit | null): void;
  /** The next `count` (default 1) requests matching `match` get this response. */
  failNext(f: FailNextFault): void;
  /** Seeded random faults, deterministic for a seed; null stops. */
  storm(s: StormFault | null): void;
  /** The next `count` (default 1) matching requests are processed (state committed), then the socket is destroyed. */
  dropAfterCommit(f?: DropAfterCommitFault): void;
  /** The next matching requests hang for `ms` before being handled. */
  stall(f: StallFault): void;
  /** The next matching requests are processed, then answered with a garbage body (see GarbleAfterCommitFault). */
  garbleAfterCommit(f: GarbleAfterCommitFault): void;
  /** The next matching requests are answered slowly, a few bytes at a time (see TrickleFault). */
  trickle(f: TrickleFault): void;
  /** Counts of faults injected so far, by FaultKind. */
  readonly injected: Record<string, number>;
  /** Removes every fault (latency back to 0, rate limit off) and zeroes `injected`. */
  clear(): void;
}

/** Deep copy of the emulator's state in response (wire) shape; typed loosely because it is for test inspection. */
export interface EmulatorSnapshot {
  /** Integration details without nested actions/triggers, with the stored oauthClient including clientSecret. */
  integrations: any[];
  /** Full action objects, each with integrationId. */
  actions: any[];
  /** Full trigger objects, each with integrationId. */
  triggers: any[];
  /** Published versions, each with `disabled`, `hasDraft` and `draft` (the draft version or null). */
  agents: any[];
  /** Knowledge bases: id, name, description, role, createdAt. */
  knowledgeBases: any[];
  /** Knowledge files in response shape (syncStatus as of now), with folderId, sizeInBytes and sha256. */
  knowledgeFiles: any[];
  /** Uploaded attachments: id, name, mimeType, sizeInBytes, sha256. */
  attachments: any[];
  /** Skills in response shape, each with `files` (the last import's file list). */
  skills: any[];
}
