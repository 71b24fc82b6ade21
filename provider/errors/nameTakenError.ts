import { LangdockError, type LangdockErrorCode } from "./langdockError";

/** Where a name was found taken: an action or trigger of an integration. */
export interface TakenName {
  noun: string;
  name: string;
  /** The existing object's id. */
  id: string;
  integrationId: string;
  /** How it was found: Langdock's 409, or the fresh look after an interrupted create. */
  after: "conflict" | "uncertain";
}

const HOW = { conflict: "HTTP 409", uncertain: "after an interrupted create" } as const;

/**
 * A create found an object of the same name and could not adopt it (the 409 settle). Subclasses say
 * why; all report on property `name` and name the object, so the user can rename or adopt it.
 */
export abstract class NameTakenError extends LangdockError {
  constructor(
    readonly taken: TakenName,
    sentence: (where: string, how: string) => string,
  ) {
    const where = `${taken.noun} ${JSON.stringify(taken.name)} already exists in integration ${taken.integrationId} (id ${taken.id})`;
    super(`name: ${sentence(where, HOW[taken.after])}`);
  }
}

/** The object of that name is identical, but another resource of this program already manages it. */
export class NameClaimedError extends NameTakenError {
  override readonly code: LangdockErrorCode = "name_claimed";
  constructor(taken: TakenName) {
    const { noun, name, id, integrationId } = taken;
    super(
      taken,
      (_where, how) =>
        `another ${noun} of this program already manages ${noun} ${JSON.stringify(name)} (id ${id}) in integration ${integrationId}; give each ${noun} its own name (${how}).`,
    );
  }
}

/** Langdock's answer lacks properties the program declares, so the object cannot be proven to be the program's. */
export class NameUnverifiableError extends NameTakenError {
  override readonly code: LangdockErrorCode = "name_unverifiable";
  constructor(
    taken: TakenName,
    /** What a summary read lacks, e.g. "code and input fields". */
    readonly unreadable: string,
  ) {
    super(
      taken,
      (where, how) =>
        `${where}, and Langdock's answer does not include its ${unreadable}, so the provider cannot tell whether it is the one this program declares (${how}); rename this ${taken.noun}, or set adoptId: "${taken.id}" to take it over (its ${unreadable} are then replaced by the program's).`,
    );
  }
}

/** The object of that name differs from the program: it is never overwritten. */
export class NameDiffersError extends NameTakenError {
  override readonly code: LangdockErrorCode = "name_differs";
  constructor(
    taken: TakenName,
    readonly fields: string[],
  ) {
    super(
      taken,
      (where, how) =>
        `${where} and differs from this program in ${fields.join(", ")} (${how}); rename this ${taken.noun}, delete the existing one in Langdock, or set adoptId: "${taken.id}" to take it over.`,
    );
  }
}
