import { trimPeriod } from "../base/text";
import { LangdockError, type LangdockErrorCode } from "./langdockError";

/** Which field the file is for, as messages name it. */
export type CodeField = "action code" | "trigger polling code" | "skill instructions";

/**
 * `codeFromFile` cannot use the file: missing, a directory, unreadable, longer than Langdock accepts,
 * or not valid JavaScript. Thrown while the program runs, before anything reaches the engine. The
 * sentences are written here once; `file` is the path as the program gave it.
 */
export class CodeFileError extends LangdockError {
  override readonly code: LangdockErrorCode = "code_file";
  private constructor(
    readonly file: string,
    problem: string,
    cause?: unknown,
  ) {
    super(`codeFromFile: ${file} ${problem}`, { cause });
  }

  static missing(file: string, resolved: string, cause?: unknown): CodeFileError {
    return new CodeFileError(file, `does not exist (resolved to ${resolved}); create it or fix the path.`, cause);
  }

  static directory(file: string, resolved: string, cause?: unknown): CodeFileError {
    return new CodeFileError(file, `is a directory (resolved to ${resolved}); pass the path of a .js file.`, cause);
  }

  static unreadable(file: string, resolved: string, cause: Error): CodeFileError {
    return new CodeFileError(file, `could not be read (resolved to ${resolved}): ${cause.message}.`, cause);
  }

  static tooLong(file: string, length: number, limit: number, field: CodeField): CodeFileError {
    const advice =
      field === "trigger polling code"
        ? "keep the polling code to the request and the mapping of events, and move other logic into the API it calls."
        : field === "skill instructions"
          ? "shorten it, or keep the skill as a folder (Skill's source) and move reference material into files next to its SKILL.md."
          : "shorten it or move logic into the API it calls.";
    return new CodeFileError(file, `is ${count(length)} characters; Langdock accepts at most ${count(limit)} for ${field}: ${advice}`);
  }

  static invalid(file: string, field: CodeField, cause: Error): CodeFileError {
    return new CodeFileError(file, `is not valid JavaScript for ${field} (${trimPeriod(cause.message)}); fix it before deploying.`, cause);
  }
}

function count(n: number): string {
  return n.toLocaleString("en-US");
}
