/** A zod-style validation issue, the element type of Langdock's 400 `message` arrays. */
export interface Issue {
  path: (string | number)[];
  message: string;
}

/**
 * An error the emulator answers with `{ message }` and the given status: what a fake Langdock sends, not
 * an error of the package (those are provider/errors; the client turns this answer into one of them).
 */
export class EmulatorHttpError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string | Issue[],
  ) {
    super(typeof detail === "string" ? detail : detail.map(formatIssue).join("; "));
    this.name = "EmulatorHttpError";
  }

  get body(): { message: string | Issue[] } {
    return { message: this.detail };
  }
}

function formatIssue(issue: Issue): string {
  return `${issue.path.join(".") || "(body)"}: ${issue.message}`;
}

export const badRequest = (detail: string | Issue[]) => new EmulatorHttpError(400, detail);
export const notFound = (what: string) => new EmulatorHttpError(404, `${what} not found`);
export const conflict = (message: string) => new EmulatorHttpError(409, message);
