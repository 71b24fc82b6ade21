/** What the provider host's calls return (see host.ts). */
export type Props = Record<string, unknown>;

export interface CheckFailure {
  property: string;
  reason: string;
}

export interface CheckResult {
  /** The checked inputs (with `__provider`), to pass to diff/create/update. */
  inputs: Props;
  failures: CheckFailure[];
}

export interface DiffResult {
  /** `true`/`false` when the provider decided; `undefined` (DIFF_UNKNOWN) when it left it to the engine. */
  changes: boolean | undefined;
  replaces: string[];
  deleteBeforeReplace: boolean;
  /** Changed properties when the provider reports them (the dynamic host never does; the engine then computes them). */
  diffs: string[];
}

export interface CreateResult {
  id: string;
  properties: Props;
}

export interface ReadResult {
  /** `""` when the resource no longer exists. */
  id: string;
  properties: Props;
  /** Present when the provider returned refreshed inputs. */
  inputs?: Props;
}

export interface UpdateResult {
  properties: Props;
}

/** What the engine keeps as state when a create/update fails after the object came into being. */
export interface PartialState {
  id: string;
  properties: Props;
  reasons: string[];
}
