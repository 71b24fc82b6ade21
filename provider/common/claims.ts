import { processState, type Hold } from "../base/processState";
import { ObjectClaimedError } from "../errors";
import type { Props } from "./crud";

/**
 * One claim per object per run, for every kind and path: a create, an adoption, a revival, the
 * resolution of an uncertain create and a knowledge upload all take the object's id here before any
 * write, and a resource in the state holds its id from its diff on. A second resource reaching for an
 * id already held fails, naming both resources. Check reserves an `adoptId` (so two resources adopting
 * one object fail at plan time); a delete, or a refresh that finds the object gone, releases it.
 *
 * The provider host does not tell a resource's Pulumi name to the provider, so a resource is named by
 * its kind and its own name (for a file, its path).
 */
export interface Holder {
  noun: string;
  name: string;
}

/**
 * How a resource is named in messages: a file by the path it uploads (its outputs' `name` is Langdock's),
 * others by `name`; a skill from a SKILL.md folder by its `source` or `slug`.
 */
export function holderOf(noun: string, props: Props): Holder {
  const name = [props.file, props.name, props.source, props.slug, props.fileName].find((v) => typeof v === "string" && v !== "");
  return { noun, name: String(name ?? "") };
}

export function describeHolder(holder: Holder): string {
  return `${holder.noun} ${JSON.stringify(holder.name)}`;
}

function holds(noun: string): Map<string, Hold> {
  const { claims } = processState;
  const held = claims.get(noun) ?? new Map<string, Hold>();
  claims.set(noun, held);
  return held;
}

const same = (a: Holder, b: Holder) => a.noun === b.noun && a.name === b.name;

/** Who holds `id` (created, adopted or in the state) in this run, if anyone; reservations do not count. */
export function holderOfId(noun: string, id: string): Holder | undefined {
  const hold = holds(noun).get(id);
  return hold && hold.via !== "reserved" ? hold.holder : undefined;
}

/**
 * Takes `id` for `holder`, before any write; throws ObjectClaimedError when another resource of this
 * run already created, adopted or holds it in its state. `how` says what the resource was doing.
 */
export function take(holder: Holder, id: string, how: ObjectClaimedError["how"]): void {
  const other = holderOfId(holder.noun, id);
  if (other) throw new ObjectClaimedError(holder, other, id, how);
  holds(holder.noun).set(id, { holder, via: "taken" });
}

/** Like take, for a path with another way out (a revival falls back to a create): false when held. */
export function tryTake(holder: Holder, id: string): boolean {
  if (holderOfId(holder.noun, id)) return false;
  holds(holder.noun).set(id, { holder, via: "taken" });
  return true;
}

/**
 * At check: `adoptId` is reserved for this resource. Returns the Check failure when a resource of
 * another name already reserved, created, adopted or holds it. Same-named resources cannot be told
 * apart at check (the host may check one resource twice); their creates meet in `take`.
 */
export function reserve(holder: Holder, id: string): string | undefined {
  const held = holds(holder.noun);
  const hold = held.get(id);
  if (hold && !same(hold.holder, holder)) {
    return `${holder.noun} ${id} is already ${hold.via === "reserved" ? "adopted" : "managed"} by another resource of this program, ${describeHolder(hold.holder)}; one Langdock object can be managed by one resource only: remove adoptId from one of them.`;
  }
  // A resource whose adoptId changed no longer reserves the old one.
  for (const [other, h] of held) if (h.via === "reserved" && same(h.holder, holder)) held.delete(other);
  if (!hold) held.set(id, { holder, via: "reserved" });
  return undefined;
}

/**
 * At diff: the object the state holds is this resource's. Throws when a resource of another name
 * created or adopted it earlier in this run (its create already ran, so the conflict is reported here).
 */
export function holdFromState(holder: Holder, id: string): void {
  const hold = holds(holder.noun).get(id);
  if (hold?.via === "taken" && !same(hold.holder, holder)) throw new ObjectClaimedError(holder, hold.holder, id, "state");
  holds(holder.noun).set(id, { holder, via: "state" });
}

/** A delete, or a refresh that found the object gone: nobody holds it any more. */
export function release(noun: string, id: string): void {
  holds(noun).delete(id);
}

const replacementKey = (holder: Holder) => JSON.stringify([holder.noun, holder.name]);

/** At diff: this resource's object `id` is about to be replaced; its create (the new half) may need the old one. */
export function noteReplacement(holder: Holder, id: string, olds: Props): void {
  processState.replacing.set(replacementKey(holder), { id, olds });
}

/** The object a create replaces (its id and stored outputs), when the diff of this run said so. */
export function replacementOf(holder: Holder): { id: string; olds: Props } | undefined {
  return processState.replacing.get(replacementKey(holder));
}
