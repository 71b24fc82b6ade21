import { LangdockError, type LangdockErrorCode } from "./langdockError";

/** `pulumi-langdock export` was called wrongly (exit code 2): a flag, a value, or a missing API key. */
export class UsageError extends LangdockError {
  override readonly code: LangdockErrorCode = "usage";
}

/** The export's `--out` folder cannot take the project: export never overwrites files. */
export class OutputFolderError extends LangdockError {
  override readonly code: LangdockErrorCode = "output_folder";
  private constructor(
    readonly dir: string,
    problem: string,
    cause?: unknown,
  ) {
    super(`--out ${dir} ${problem}`, { cause });
  }

  static isFile(dir: string): OutputFolderError {
    return new OutputFolderError(dir, "is a file; pass a new or empty folder.");
  }

  static unreadable(dir: string, cause: Error): OutputFolderError {
    return new OutputFolderError(dir, `cannot be read (${cause.message}); pass a new or empty folder.`, cause);
  }

  static notEmpty(dir: string, entries: number): OutputFolderError {
    return new OutputFolderError(dir, `is not empty (${entries} entries); pass a new or empty folder, export never overwrites files.`);
  }
}

/** Reading the workspace for an export failed; the sentence says what to check, the client's error is the cause. */
export class ExportReadError extends LangdockError {
  override readonly code: LangdockErrorCode = "export_read";
  constructor(message: string, cause: unknown) {
    super(message, { cause });
  }
}
