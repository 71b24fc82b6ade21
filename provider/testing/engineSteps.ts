/**
 * One resource's step in a LocalEngine preview/up: check, diff, then create, update, replace or same,
 * following the Pulumi engine's step logic (see engine.ts).
 */
import { type PartialState, type Props, type ProviderHost, ProviderError } from "./host";
import { UNKNOWN } from "../common/unknown";
import type { EngineState, ResourceState, Step, StepFailure } from "./engineTypes";
import { type RegisterRequest, protocol } from "./engineProtocol";
import { type Semaphore, changedKeys, failure, fromWire, markSecret, parsePath, pick, withoutProvider } from "./engineValues";

/** What a step needs from its engine. */
export interface StepEnv {
  host: ProviderHost;
  limit: Semaphore;
  current: EngineState;
  /** Records a completed step (and calls onStep); `values` give its old → new values. */
  record(steps: Step[], step: Step, values?: StepValues): void;
}

export interface StepValues {
  olds?: Props;
  news?: Props;
  /** The properties to show. */
  keys?: string[];
  /** Top-level properties whose values are secret. */
  secretKeys?: Set<string>;
}

export interface Run {
  preview: boolean;
  steps: Step[];
  failures: StepFailure[];
  /** URNs whose step failed or was skipped; their dependents are skipped. */
  failed: Set<string>;
  declared: Set<string>;
  /** Old halves of create-before-delete replacements, deleted at the end. */
  pendingDeletes: ResourceState[];
  /** The state being built (committed after `up`, discarded after preview). */
  next: EngineState;
}

export async function runStep(env: StepEnv, run: Run, req: RegisterRequest, urn: string): Promise<unknown> {
  const type = req.getType();
  const name = req.getName();
  const { pb, Struct } = protocol();
  const respond = (id: string, object: Props, ok = true) => {
    const resp = new pb.RegisterResourceResponse();
    resp.setUrn(urn);
    resp.setId(id);
    resp.setObject(Struct.fromJavaScript(object as Record<string, never>));
    // A failed resource's outputs stay unknown, so nothing downstream sees made-up values.
    resp.setResult(ok ? pb.Result.SUCCESS : pb.Result.FAIL);
    return resp;
  };
  const raw = (req.getObject()?.toJavaScript() ?? {}) as Props;
  if (!req.getCustom()) return respond("", raw); // components: nothing to do
  run.declared.add(urn);

  const { value: news, secretPaths } = fromWire(raw);
  const secretOutputs = req.getAdditionalsecretoutputsList();
  const dependencies = req.getDependenciesList();
  const unknownOutputs = () => Object.fromEntries(Object.keys(news).map((k) => [k, UNKNOWN]));
  const fail = (op: string, err: unknown) => {
    run.failures.push(failure(urn, op, err));
    run.failed.add(urn);
    return respond("", unknownOutputs(), false);
  };
  const blocker = dependencies.find((d) => run.failed.has(d));
  if (blocker) return fail("skip", new Error(`not attempted: it depends on ${blocker}, which failed`));
  if (!type.startsWith("pulumi-nodejs:dynamic")) return fail("check", new Error(`LocalEngine only runs dynamic resources, not ${type}`));

  const old = env.current[urn];
  // What the program sees: the outputs, with the properties that came in secret marked secret again.
  const secretKeys = new Set([...secretPaths.map((p) => String(parsePath(p)[0])), ...secretOutputs]);
  const toProgram = (props: Props) => markSecret(withoutProvider(props), secretKeys);
  const remember = (id: string, inputs: Props, outputs: Props) => {
    run.next[urn] = { urn, type, name, id, inputs, outputs, dependencies, secretPaths, secretOutputs };
  };

  let checked: Props;
  try {
    const result = await env.limit.run(() => env.host.check(urn, old?.inputs ?? {}, news));
    if (result.failures.length) {
      const err = new Error(result.failures.map((f) => `${f.property}: ${f.reason}`).join("; "));
      run.failures.push({ ...failure(urn, "check", err), failures: result.failures });
      run.failed.add(urn);
      return respond("", unknownOutputs(), false);
    }
    checked = result.inputs;
  } catch (e) {
    return fail("check", e);
  }

  if (!old) {
    // Steps are recorded (and onStep called) when they complete: planned at preview, applied at up.
    const values = { news: checked, keys: Object.keys(checked), secretKeys };
    if (run.preview) {
      env.record(run.steps, { urn, op: "create" }, values);
      return respond("", toProgram(checked));
    }
    try {
      const created = await env.limit.run(() => env.host.create(urn, checked));
      remember(created.id, checked, created.properties);
      env.record(run.steps, { urn, op: "create" }, values);
      return respond(created.id, toProgram(created.properties));
    } catch (e) {
      env.record(run.steps, { urn, op: "create", failed: true }, values);
      return failStep(run, urn, "create", e, (p) => remember(p.id, checked, p.properties), fail);
    }
  }

  let diff;
  try {
    diff = await env.limit.run(() => env.host.diff(urn, old.id, old.outputs, checked));
  } catch (e) {
    return fail("diff", e);
  }
  // DIFF_UNKNOWN: the engine compares old and new inputs itself.
  const inputDiffs = changedKeys(old.inputs, checked);
  const changes = diff.changes ?? inputDiffs.length > 0;
  const forced = req.getReplaceonchangesList().filter((k) => inputDiffs.includes(k));
  const replaces = [...new Set([...diff.replaces, ...(changes ? forced : [])])];
  // For display: the provider's list if any, else changed inputs, else (drift found by refresh) the
  // inputs whose stored outputs no longer match.
  const drifted = () => changedKeys(pick(old.outputs, Object.keys(checked)), checked);
  const diffs = diff.diffs.length ? diff.diffs : [...new Set([...(inputDiffs.length ? inputDiffs : drifted()), ...replaces])].sort();

  if (!changes && replaces.length === 0) {
    env.record(run.steps, { urn, op: "same" });
    remember(old.id, checked, old.outputs);
    return respond(old.id, toProgram(old.outputs));
  }
  if (replaces.length === 0) {
    const values = { olds: old.outputs, news: checked, keys: diffs, secretKeys };
    if (run.preview) {
      env.record(run.steps, { urn, op: "update", diffs }, values);
      return respond(old.id, toProgram(checked));
    }
    try {
      const updated = await env.limit.run(() => env.host.update(urn, old.id, old.outputs, checked, old.inputs));
      remember(old.id, checked, updated.properties);
      env.record(run.steps, { urn, op: "update", diffs }, values);
      return respond(old.id, toProgram(updated.properties));
    } catch (e) {
      env.record(run.steps, { urn, op: "update", diffs, failed: true }, values);
      // The update did not happen: the old state stands, unless the provider reported partial state.
      return failStep(run, urn, "update", e, (p) => remember(p.id || old.id, checked, p.properties), fail);
    }
  }

  const values = { olds: old.outputs, news: checked, keys: diffs, secretKeys };
  if (run.preview) {
    env.record(run.steps, { urn, op: "replace", diffs, replaces }, values);
    return respond("", toProgram(checked));
  }
  const deleteFirst = diff.deleteBeforeReplace || req.getDeletebeforereplace();
  try {
    if (deleteFirst) {
      await env.limit.run(() => env.host.delete(urn, old.id, old.outputs, old.inputs));
      delete run.next[urn];
    }
    const created = await env.limit.run(() => env.host.create(urn, checked));
    remember(created.id, checked, created.properties);
    // Create-before-delete: the old one goes once everything else is done (dependents moved over).
    if (!deleteFirst) run.pendingDeletes.push(old);
    env.record(run.steps, { urn, op: "replace", diffs, replaces }, values);
    return respond(created.id, toProgram(created.properties));
  } catch (e) {
    env.record(run.steps, { urn, op: "replace", diffs, replaces, failed: true }, values);
    return failStep(
      run,
      urn,
      "replace",
      e,
      (p) => {
        // The replacement exists (partially) and takes the URN; the old one must still be deleted.
        remember(p.id, checked, p.properties);
        if (!deleteFirst) run.pendingDeletes.push(old);
      },
      fail,
    );
  }
}

/** Records a failed create/update; keeps the partial state the provider reported, as the engine does. */
function failStep(
  run: Run,
  urn: string,
  op: string,
  err: unknown,
  keep: (p: PartialState) => void,
  fail: (op: string, e: unknown) => unknown,
) {
  const partial = err instanceof ProviderError ? err.partial : undefined;
  if (partial) keep(partial);
  return fail(op, err);
}
