import { LangdockError, type LangdockErrorCode } from "./langdockError";

/**
 * An update would replace unmanaged properties that Langdock's answer does not show, so resending them
 * is impossible and sending the update would clear them: the provider refuses before any write.
 */
export class UnmanagedRefusalError extends LangdockError {
  override readonly code: LangdockErrorCode = "unmanaged_refused";
  constructor(
    readonly noun: string,
    readonly resourceName: string,
    /** Not `id` and `properties`: the provider host keeps any thrown error with an `id` as partial state. */
    readonly objectId: string,
    readonly unreadable: readonly string[],
  ) {
    const what = unreadable.join(" and ");
    super(
      `unmanaged: ${noun} ${JSON.stringify(resourceName)} (${objectId}) needs an update, which replaces its ${what}, but Langdock's answer does not include them, so the provider will not send it and clear them; declare ${what} in the program as they are in Langdock and remove them from unmanaged.`,
    );
  }
}

/**
 * A move of an action or trigger to another integration would create the new object without what the
 * program leaves to Langdock (unmanaged, or code it omits), because Langdock's answer does not show it
 * on the old object: refused before any write, so nothing is created and nothing deleted.
 */
export class MoveRefusalError extends LangdockError {
  override readonly code: LangdockErrorCode = "move_refused";
  constructor(
    readonly noun: string,
    readonly resourceName: string,
    readonly objectId: string,
    readonly integrationId: string,
    readonly unreadable: readonly string[],
  ) {
    const what = unreadable.join(" and ");
    super(
      `integrationId: moving ${noun} ${JSON.stringify(resourceName)} (${objectId}) out of integration ${integrationId} creates a new ${noun} and deletes this one, but Langdock's answer does not include its ${what}, which the program leaves as they are in Langdock, so the new ${noun} would lose them; declare ${what} in the program (and remove them from unmanaged), then run pulumi up again. Nothing was changed.`,
    );
  }
}
