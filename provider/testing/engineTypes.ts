/** The records LocalEngine (engine.ts) takes and returns. */
import type { CheckFailure, PartialState, Props } from "./host";

export type StepOp = "create" | "update" | "replace" | "delete" | "same";

export interface Step {
  urn: string;
  op: StepOp;
  /** Top-level properties that differ (for create: none; for delete: none). */
  diffs?: string[];
  /** Properties that force a replacement. */
  replaces?: string[];
  /**
   * Old → new values: for update and replace the properties in `diffs` (old = the stored outputs), for
   * create every input (new only), for a refresh update the outputs that changed. Secret values are
   * `[secret]`, values unknown until apply `[unknown]`.
   */
  changes?: StepChange[];
  /** The provider's warnings written while this step ran (see {@link RunResult.warnings}). */
  warnings?: string[];
  /** The step was attempted and failed (its failure is in the operation's EngineError). */
  failed?: boolean;
}

export interface StepChange {
  property: string;
  /** Absent for a property that was not set. */
  old?: unknown;
  new?: unknown;
}

/** How LocalEngine shows a value not known until apply (the provider protocol's sentinel looks like a real UUID). */
export const UNKNOWN_VALUE = "[unknown]";

export interface StepFailure {
  urn: string;
  /** The operation that failed: check, create, update, replace, delete, read, or skip (a dependency failed). */
  op: string;
  message: string;
  /** Check failures, when `op` is "check". */
  failures?: CheckFailure[];
  /** Partial state the provider reported; it has been stored. */
  partial?: PartialState;
}

export interface ResourceState {
  urn: string;
  type: string;
  name: string;
  id: string;
  /** Checked inputs, as the provider returned them from Check (with `__provider`). */
  inputs: Props;
  /** Outputs from Create/Update/Read (with `__provider`). */
  outputs: Props;
  /** URNs this resource depends on. */
  dependencies: string[];
  /** Input paths the program marked secret (`a`, `a.b`, `a[0]`); outputs are secret per top-level property. */
  secretPaths: string[];
  /** Output properties the resource declared secret (`additionalSecretOutputs`). */
  secretOutputs: string[];
}

export type EngineState = Record<string, ResourceState>;

/** A program: declares resources; its (awaited) return value is the stack's outputs. */
export type Program = () => unknown;

export interface RunResult extends OperationResult {
  /** Stack outputs, resolved. Values unknown until apply (preview) are {@link UNKNOWN_VALUE}. */
  outputs: Record<string, unknown>;
  /** Names of stack outputs that are secret. */
  secretOutputs: string[];
}

export interface OperationResult {
  steps: Step[];
  /**
   * Every warning the provider wrote during the operation (without the `warning: ` prefix), in order,
   * delivered before the operation's promise settles. Each step also carries those written while it ran;
   * with `parallel` above 1 a warning written while several steps ran goes to the first that completes.
   */
  warnings: string[];
}

/** Thrown (rejected) by preview/up/refresh/destroy after the whole operation ran, when any step failed. */
export class EngineError extends Error {
  override name = "EngineError";
  constructor(
    readonly failures: StepFailure[],
    readonly steps: Step[],
    readonly outputs: Record<string, unknown> = {},
    /** The provider's warnings during the operation (see OperationResult.warnings). */
    readonly warnings: string[] = [],
  ) {
    // The program's own failure has no resource: "(program): …", not "(program) (program): …".
    const line = (f: StepFailure) => `  ${f.op === "program" ? f.urn : `${f.urn} (${f.op})`}: ${f.message}`;
    super(`${failures.length} resource operation(s) failed:\n${failures.map(line).join("\n")}`);
  }
}

export interface LocalEngineOptions {
  /** Program directory: `pulumi-langdock` must be installed in its node_modules (the host runs there). */
  cwd: string;
  /**
   * Stack config, as `pulumi config` holds it: `{ "langdock:apiKey": key, "langdock:baseUrl": url,
   * "<project>:<key>": value }`. The provider's Configure gets it, and the program reads it with
   * `new pulumi.Config()` (and the lookups use it), as under `pulumi up`.
   */
  config?: Record<string, string>;
  /** Config keys the program sees as secret; default `["langdock:apiKey"]`. */
  secretConfigKeys?: string[];
  /** Extra environment for the provider host. */
  env?: NodeJS.ProcessEnv;
  /** Maximum concurrent provider calls; default 10 (like `pulumi up --parallel`). */
  parallel?: number;
  project?: string;
  stack?: string;
  /** Start from this state (e.g. one saved from `engine.state`). */
  state?: EngineState;
  /** Called as each step completes (when it is planned, in preview), with its warnings. */
  onStep?: (step: Step) => void;
  /** Deadline of each provider call; default 180 s (longer than the provider's own retry budget). */
  callTimeoutMs?: number;
}
