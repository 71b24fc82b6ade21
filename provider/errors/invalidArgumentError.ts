import { LangdockError, type LangdockErrorCode } from "./langdockError";

/** A function of the package was called with an argument it cannot use (codeFromFile, the lookups). */
export class InvalidArgumentError extends LangdockError {
  override readonly code: LangdockErrorCode = "invalid_argument";
  constructor(
    /** The function, e.g. `codeFromFile` or `getAgent`. */
    readonly fn: string,
    /** What was wrong, without the function's name: `options.kind must be …, got …`. */
    problem: string,
  ) {
    super(`${fn}: ${problem}.`);
  }
}
