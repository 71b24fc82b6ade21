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
    readonly id: string,
    readonly properties: readonly string[],
  ) {
    const what = properties.join(" and ");
    super(
      `unmanaged: ${noun} ${JSON.stringify(resourceName)} (${id}) needs an update, which replaces its ${what}, but Langdock's answer does not include them, so the provider will not send it and clear them; declare ${what} in the program as they are in Langdock and remove them from unmanaged.`,
    );
  }
}
