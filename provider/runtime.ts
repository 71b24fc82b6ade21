/**
 * What the serialized shells call at run time (`require("pulumi-langdock/runtime")`). It holds the
 * process-wide settings and the one client (so one rate-limit cooldown serves every resource), loads
 * only the code an operation needs (check and diff load no HTTP code), sanitizes everything returned
 * to the host, and redacts everything thrown.
 */
import { KINDS, type ResourceKind } from "./kinds";
import type { ResourceSchema } from "./common/schema";
import { PartialStateError, type Context, type Props, type ResourceCrud } from "./common/crud";
import { resolveSettings, type ConfigSource } from "./config";
import { processState } from "./base/processState";
import { redact, registerSecret } from "./base/redact";
import { sanitize } from "./base/props";
import { currentOperation } from "./base/operation";

import { valueAt, type ResourceSpec } from "./common/spec";

const schemas = (kind: ResourceKind): ResourceSchema => KINDS[kind].schema();
const cruds = (kind: ResourceKind): ResourceCrud => KINDS[kind].crud();

/**
 * Settings, the client and a failed configure live in processState. A failed configure is remembered:
 * every later operation fails with it. Forgetting it would let the next operation resolve settings from
 * the environment, i.e. act on whatever workspace LANGDOCK_* names.
 */
const state = processState;

export async function configure(req: { config?: ConfigSource }): Promise<void> {
  state.client = undefined;
  state.settings = undefined;
  try {
    state.settings = resolveSettings(req.config);
    state.configurationError = undefined;
  } catch (err) {
    state.configurationError = err as Error;
    throw redactError(state.configurationError);
  }
  registerSecret(state.settings.apiKey);
}

function context(): Context {
  if (state.configurationError) throw state.configurationError;
  if (!state.client) {
    const settings = (state.settings ??= resolveSettings());
    registerSecret(settings.apiKey);
    const { LangdockClient: Client } = require("./client") as typeof import("./client");
    state.client = new Client(settings);
  }
  return { client: state.client, warn, log };
}

/** Progress lines (e.g. waiting for Langdock to process a file), redacted: the native plugin's engine log, else stderr. */
export function log(message: string): void {
  const { report } = currentOperation();
  if (report) report("info", redact(message));
  else process.stderr.write(`${redact(message)}\n`);
}

/** Provider stderr reaches the engine's diagnostics (the native plugin logs to the engine); every line is redacted. */
export function warn(message: string): void {
  const { report } = currentOperation();
  if (report) report("warning", redact(message));
  else process.stderr.write(`warning: ${redact(message)}\n`);
}

/** Secret inputs (the kind's `spec.secretInputs`) are remembered so no message can ever print them. */
function rememberSecrets(kind: ResourceKind, props: Props): void {
  for (const path of KINDS[kind].spec.secretInputs) registerSecret(valueAt(props, path));
}

async function guarded<T>(operation: () => Promise<T>, provider?: unknown): Promise<T> {
  try {
    if (state.configurationError) throw state.configurationError;
    return await operation();
  } catch (err) {
    // The engine stores partial properties as the resource's outputs: they need `__provider` too, or
    // the host could not load the provider to refresh or delete the resource later.
    if (err instanceof PartialStateError && provider !== undefined) err.properties.__provider = provider;
    throw redactError(err);
  }
}

function redactError(err: unknown): Error {
  if (err instanceof Error) {
    err.message = redact(err.message);
    err.stack = redact(err.stack ?? err.message);
    return err;
  }
  return new Error(redact(String(err)));
}

export async function check(kind: ResourceKind, olds: Props, news: Props) {
  rememberSecrets(kind, news);
  const { checkInputs } = require("./common/schema") as typeof import("./common/schema");
  const { resolveFileAsset } = require("./files/fileAsset") as typeof import("./files/fileAsset");
  return guarded(async () => {
    const result = checkInputs(schemas(kind), await resolveFileAsset(news));
    if (result.failures.length === 0) for (const message of schemas(kind).advisories?.(news) ?? []) warn(message);
    // adoptId acts at the first up only: once the resource is in the state, a replacement creates anew.
    const inState = Object.keys(olds ?? {}).some((k) => k !== "__provider");
    if (inState && "adoptId" in result.inputs) delete result.inputs.adoptId;
    // Adoption is the one plan-time read: the preview shows what taking the object over will change.
    const adoption = require("./common/adoption") as typeof import("./common/adoption");
    if (result.failures.length === 0 && adoption.adoptionToPreview(olds, result.inputs)) {
      const schema = schemas(kind);
      const failure = await adoption.previewAdoption(cruds(kind), KINDS[kind].spec, context, warn, result.inputs, (current) =>
        schema.destructive ? schema.destructive(current, result.inputs) : [],
      );
      if (failure) result.failures.push(failure);
    }
    // One claim per object per run: a second resource adopting the same object fails here, at plan time.
    const adoptId = result.inputs.adoptId;
    if (result.failures.length === 0 && typeof adoptId === "string" && adoption.adoptionToPreview(olds, result.inputs)) {
      const { holderOf, reserve } = require("./common/claims") as typeof import("./common/claims");
      const reason = reserve(holderOf(KINDS[kind].spec.noun, result.inputs), adoptId);
      if (reason) result.failures.push({ property: "adoptId", reason });
    }
    return result;
  });
}

export async function diff(kind: ResourceKind, id: string, olds: Props, news: Props) {
  rememberSecrets(kind, news);
  const { diffInputs } = require("./common/schema") as typeof import("./common/schema");
  return guarded(async () => {
    // The object is this resource's: no other resource of the run may create, adopt or revive it (common/claims.ts).
    const { holderOf, holdFromState, noteReplacement } = require("./common/claims") as typeof import("./common/claims");
    holdFromState(holderOf(KINDS[kind].spec.noun, olds), id);
    const schema = schemas(kind);
    const outcome = diffInputs(schema, olds, news);
    if (outcome.replaces.length > 0) noteReplacement(holderOf(KINDS[kind].spec.noun, news), id, olds);
    if (outcome.changes && schema.destructive) for (const message of schema.destructive(olds, news)) warn(message);
    return outcome;
  });
}

export async function create(kind: ResourceKind, news: Props) {
  rememberSecrets(kind, news);
  return guarded(async () => {
    const { id, outs } = await cruds(kind).create(context(), news);
    return { id, outs: sanitize(outs) };
  }, news.__provider);
}

export async function read(kind: ResourceKind, id: string, props: Props) {
  rememberSecrets(kind, props);
  return guarded(async () => {
    const result = await cruds(kind).read(context(), id, props);
    if (!result.props) {
      (require("./common/claims") as typeof import("./common/claims")).release(KINDS[kind].spec.noun, id);
      return { id: result.id };
    }
    const { diffInputs, inputsFromOutputs } = require("./common/schema") as typeof import("./common/schema");
    const schema = schemas(kind);
    const inputs = inputsFromOutputs(schema, result.props);
    // Only a drifted resource gets new inputs (so the next preview shows which properties drifted); otherwise
    // the engine keeps the program's inputs, and a later change of one property previews as just that one.
    if (!diffInputs(schema, props, inputs).changes) return { id: result.id, props: sanitize(result.props) };
    return { id: result.id, props: sanitize(result.props), inputs };
  });
}

export async function update(kind: ResourceKind, id: string, olds: Props, news: Props) {
  rememberSecrets(kind, olds);
  rememberSecrets(kind, news);
  return guarded(async () => ({ outs: sanitize((await cruds(kind).update(context(), id, olds, news)).outs) }), news.__provider);
}

/**
 * `pulumi import` (native plugin): reads the object an import id names (`<id>`, or `<parentId>/<id>` for a kind
 * that lives inside another, see the spec's `importId`) with no state at all, and returns its inputs too, so
 * the engine can write the program's code for it. `type` is the kind's token, for messages.
 */
export async function importRead(kind: ResourceKind, type: string, importId: string) {
  return guarded(async () => {
    const form = (KINDS[kind].spec as ResourceSpec).importId;
    const { ImportIdError } = require("./errors") as typeof import("./errors");
    if (form && "unsupported" in form) throw ImportIdError.unsupported(type, form.unsupported);
    const noun = KINDS[kind].spec.noun.replace(/ (\w)/g, (_, c: string) => c.toUpperCase());
    const parts = importId.split("/");
    const expected = form ? 2 : 1;
    if (parts.length !== expected || parts.some((part) => part.trim() === "")) {
      throw ImportIdError.malformed(type, importId, form ? `<${form.parent}>/<${noun}Id>` : `<${noun}Id>`);
    }
    const id = parts[expected - 1];
    const props: Props = form ? { [form.parent]: parts[0] } : {};
    const result = await cruds(kind).read(context(), id, props);
    if (!result.props) return { id: "" };
    const { inputsFromOutputs } = require("./common/schema") as typeof import("./common/schema");
    return { id: result.id, props: sanitize(result.props), inputs: inputsFromOutputs(schemas(kind), result.props) };
  });
}

/** A lookup (the native plugin's Invoke) run with this provider instance's client, its errors redacted. */
export async function lookup<T>(call: (client: Context["client"]) => Promise<T>): Promise<T> {
  return guarded(() => call(context().client));
}

async function remove(kind: ResourceKind, id: string, props: Props): Promise<void> {
  rememberSecrets(kind, props);
  return guarded(async () => {
    await cruds(kind).delete(context(), id, props);
    (require("./common/claims") as typeof import("./common/claims")).release(KINDS[kind].spec.noun, id);
  });
}
export { remove as delete };
