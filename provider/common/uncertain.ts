import { processState } from "../base/processState";
import { attemptCreate, type CreateOutcome } from "./createOutcome";
import { holderOfId, take, type Holder } from "./claims";

/**
 * Uncertain creates of the kinds Langdock can list (integrations, actions, triggers, knowledge files; a
 * kind with a unique key plugs in the same way): what appeared is told apart from what existed before
 * the POST by id sets, never by name alone. A kind declares where to look:
 *
 * ```ts
 * const lookup: Lookup<TriggerWire> = { noun: "trigger", scope: integrationId, key: inputs.name,
 *   list: () => triggersNamed(inputs.name), idOf: (t) => t.id };
 * ```
 *
 * and then: `before = await idsBefore(lookup)` (the one extra read of a create; a kind that already
 * listed passes its list), `outcome = await sendCreate(lookup, holder, post)`, and after an uncertain
 * outcome `await appeared(lookup, before)`: the objects with that key that were not there before and no
 * other resource of this run created or holds. Creates of one key in one scope run side by side (a
 * `KnowledgeDirectory` uploads `docs/a/README.md` and `docs/b/README.md` to one knowledge base), so
 * `appeared` first waits for the others' POSTs to settle: each takes the id it was given, and what
 * remains unclaimed is this create's.
 */
export interface Lookup<W> {
  noun: string;
  /** Where the key is looked up: "workspace", an integration's id, a knowledge base's id. */
  scope: string;
  /** What a created object is found by: its name (or a unique slug). */
  key: string;
  /** A fresh read (never one in flight that began before the create) of the objects with that key. */
  list(): Promise<W[]>;
  idOf(wire: W): string;
}

function groupOf(lookup: Lookup<unknown>): string {
  return JSON.stringify([lookup.noun, lookup.scope, lookup.key]);
}

/** The ids that have the key before the POST: `listed` when the kind has already read them. */
export async function idsBefore<W>(lookup: Lookup<W>, listed?: W[]): Promise<Set<string>> {
  return new Set((listed ?? (await lookup.list())).map((w) => lookup.idOf(w)));
}

/**
 * Sends the create, registered as in flight for its key, and takes the created object's id for
 * `holder` as soon as Langdock confirms it (before the registration ends, so a sibling's `appeared`
 * sees it held).
 */
export async function sendCreate<W>(lookup: Lookup<W>, holder: Holder, send: () => Promise<W>): Promise<CreateOutcome<W>> {
  const group = groupOf(lookup);
  const inFlight = processState.creates.get(group) ?? new Set<Promise<unknown>>();
  processState.creates.set(group, inFlight);
  const run = attemptCreate(send).then((outcome) => {
    if (outcome.kind === "done") take(holder, lookup.idOf(outcome.wire), "created");
    return outcome;
  });
  inFlight.add(run);
  try {
    return await run;
  } finally {
    inFlight.delete(run);
  }
}

/**
 * After an uncertain create: the objects with the key that appeared since `before` and that no other
 * resource of this run holds. One: this create's. None: it did not happen. More: undecidable. `listed`:
 * everything the look found with the key (what existed before included).
 */
export async function appeared<W>(lookup: Lookup<W>, before: ReadonlySet<string>): Promise<{ appeared: W[]; listed: W[] }> {
  const siblings = [...(processState.creates.get(groupOf(lookup)) ?? [])];
  await Promise.allSettled(siblings);
  const listed = await lookup.list();
  return { appeared: listed.filter((w) => !before.has(lookup.idOf(w)) && !holderOfId(lookup.noun, lookup.idOf(w))), listed };
}
