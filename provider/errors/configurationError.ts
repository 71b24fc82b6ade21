import { LangdockError, type LangdockErrorCode } from "./langdockError";

/** A provider setting (stack config or environment) is malformed: nothing was sent to Langdock. */
export class ConfigurationError extends LangdockError {
  override readonly code: LangdockErrorCode = "configuration";
  constructor(
    message: string,
    /** The stack config key at fault, e.g. `langdock:baseUrl` (the CLI names its own flag instead). */
    readonly setting?: string,
  ) {
    super(message);
  }
}
