import { LangdockError, type LangdockErrorCode } from "./langdockError";

/** A resource as messages name it: its kind and its own name (the provider host does not pass Pulumi's). */
interface Named {
  noun: string;
  name: string;
}

const VERB = {
  adopt: "take it over with adoptId",
  revive: "reuse it",
  found: "take it over after an interrupted create",
  created: "keep it",
  state: "keep it in its state",
} as const;

/**
 * A second resource of one run reached for an object another resource already created, adopted or holds
 * in its state: one Langdock object is managed by one resource. Thrown before any write.
 */
export class ObjectClaimedError extends LangdockError {
  override readonly code: LangdockErrorCode = "object_claimed";
  constructor(
    readonly holder: Named,
    readonly other: Named,
    /** Not `id`: the provider host keeps any thrown error with an `id` as partial state. */
    readonly objectId: string,
    readonly how: keyof typeof VERB,
  ) {
    const advice = how === "adopt" ? "remove adoptId from one of them" : "give each resource its own object (rename one of them)";
    super(
      `${holder.noun} ${JSON.stringify(holder.name)} cannot ${VERB[how]}: ${other.noun} ${objectId} is already managed by another resource of this program, ${other.noun} ${JSON.stringify(other.name)}; one Langdock object can be managed by one resource only: ${advice}.`,
    );
  }
}
