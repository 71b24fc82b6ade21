import { trimPeriod } from "../base/text";
import { LangdockError, type LangdockErrorCode } from "./langdockError";

/** What is known after an unconfirmed create, which decides the advice. */
export type Unconfirmed =
  /** Langdock cannot list objects of this kind (agents), so nothing can be looked up. */
  | { kind: "unlistable" }
  /** Objects of that name exist now; one of them may be the one just created. */
  | { kind: "candidates"; ids: string[] }
  /** A fresh look found none after `attempts` creates: nothing was created. `where`: "in integration …". */
  | { kind: "absent"; attempts: number; where: string }
  /** Several files of that name appeared (other uploads of this run lost their answers too): files cannot be adopted. */
  | { kind: "uploads"; ids: readonly string[]; folderId: string }
  /** The one object that appeared after the create differs from the program in `fields`: kept as partial state. */
  | { kind: "kept"; id: string; fields: readonly string[] };

/** A create whose outcome Langdock never confirmed (timeout, dropped connection, 5xx, unusable answer). */
export class CreateUnconfirmedError extends LangdockError {
  override readonly code: LangdockErrorCode = "create_unconfirmed";
  constructor(
    readonly noun: string,
    readonly resourceName: string,
    readonly known: Unconfirmed,
    cause: Error,
  ) {
    const times = known.kind === "absent" ? ` ${known.attempts} times` : "";
    super(
      `Langdock did not confirm the create of ${noun} ${JSON.stringify(resourceName)}${times} (${trimPeriod(cause.message)}); ${advice(noun, known)}`,
      { cause },
    );
  }
}

function advice(noun: string, known: Unconfirmed): string {
  switch (known.kind) {
    case "unlistable":
      return `it may or may not exist now, and Langdock has no API to list ${noun}s, so the provider does not retry blindly: if Langdock's ${noun} list shows it, set adoptId to its id, otherwise run pulumi up again.`;
    case "candidates":
      return `it may have been created: ${known.ids.join(", ")} ${known.ids.length === 1 ? "has" : "have"} that name. Set adoptId to the one this program should manage (or delete the stray one in Langdock), then run pulumi up again.`;
    case "absent":
      return `none exists ${known.where}, so nothing was created: run pulumi up again later.`;
    case "uploads":
      return `it may have been uploaded: ${known.ids.join(", ")} appeared in knowledge base ${known.folderId} with that name and none can be told to be this resource's, so none is kept; delete them in Langdock, then run pulumi up again.`;
    case "kept":
      return `${noun} ${known.id} appeared meanwhile with that name and differs from the program in ${known.fields.join(", ")}, so it is kept in the state: the next pulumi up makes it match the program.`;
  }
}

/**
 * Langdock created the object and its answer carried the id, but nothing else usable: the id is kept as
 * partial state (see keepKnownId) so the next up compares the object instead of creating another.
 */
export class CreateAnswerUnusableError extends LangdockError {
  override readonly code: LangdockErrorCode = "create_answer_unusable";
  constructor(
    readonly noun: string,
    readonly resourceName: string,
    /** Not `id`: the provider host keeps any thrown error with an `id` as partial state (PartialStateError carries it). */
    readonly objectId: string,
    cause: Error,
  ) {
    super(
      `Langdock created ${noun} ${JSON.stringify(resourceName)} (id ${objectId}) but its answer was unusable (${trimPeriod(cause.message)}); the id is kept in the state, and the next pulumi up checks the ${noun} against the program.`,
      { cause },
    );
  }
}
