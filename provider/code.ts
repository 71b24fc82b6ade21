import { readFileSync } from "node:fs";
import * as path from "node:path";
import { Script } from "node:vm";
import { LIMITS } from "./base/limits";
// Only the two error classes: the package root (which exports codeFromFile) stays cheap to import.
import { CodeFileError, type CodeField } from "./errors/codeFileError";
import { InvalidArgumentError } from "./errors/invalidArgumentError";

/** Which Langdock field the text is for; it decides the length limit (and a skill's Markdown is never compiled). */
export type CodeKind = "action" | "trigger" | "skill";

/**
 * Langdock's length limits, in characters (JavaScript string length): an Action's `code` and a
 * Trigger's `pollingCode` (docs/langdock-api.md, Actions and Triggers).
 */
export const CODE_LIMITS: Readonly<Record<CodeKind, number>> = {
  action: LIMITS.action.code,
  trigger: LIMITS.trigger.pollingCode,
  skill: LIMITS.skill.instructions,
};

const FIELD_NAMES: Record<CodeKind, CodeField> = { action: "action code", trigger: "trigger polling code", skill: "skill instructions" };

/** Options of {@link codeFromFile}. */
export interface CodeFromFileOptions {
  /**
   * `"action"` (default) checks the 150,000-character limit of `code`; `"trigger"` the 1,000 of `pollingCode`;
   * `"skill"` the 50,000 of a Skill's `instructions` (Markdown: never compiled).
   */
  kind?: CodeKind;
  /** Directory a relative path resolves against; default `process.cwd()`, the Pulumi program's directory. */
  baseDir?: string;
  /**
   * Compile the file (without running it) as the body of an async function, the way Langdock runs it,
   * so a syntax error fails `pulumi preview` instead of the first run in Langdock. Default `true`.
   */
  checkSyntax?: boolean;
}

/**
 * Reads an Action's `code` or a Trigger's `pollingCode` from a `.js` file (or, with `kind: "skill"`, a
 * Skill's `instructions` from a Markdown file), so the code lives in its own
 * file (with editor support and unit tests, see `runAction` in `pulumi-langdock/testing`) instead of a
 * string in the program.
 *
 * It runs synchronously while the Pulumi program runs, so every problem shows at `pulumi preview`.
 * A relative `file` resolves against `options.baseDir`, default `process.cwd()` (where Pulumi runs the
 * program). A leading byte-order mark is dropped.
 *
 * @param file Path of the file, e.g. `"./actions/get-user.js"`.
 * @returns The file's text, unchanged otherwise.
 * @throws CodeFileError (or InvalidArgumentError for bad arguments) with one sentence naming the path as given and as resolved when the file does not exist,
 * is a directory or cannot be read, when it is longer than Langdock accepts (150,000 characters for action
 * code, 1,000 for trigger polling code), or (unless `checkSyntax: false`) when it is not valid JavaScript.
 *
 * @example
 * new langdock.Action("get-user", { integrationId, name: "Get user", code: codeFromFile("./actions/get-user.js") });
 */
export function codeFromFile(file: string, options: CodeFromFileOptions = {}): string {
  const kind = options.kind ?? "action";
  if (kind !== "action" && kind !== "trigger" && kind !== "skill") {
    throw new InvalidArgumentError("codeFromFile", `options.kind must be "action", "trigger" or "skill", got ${JSON.stringify(kind)}`);
  }
  if (typeof file !== "string" || file.trim() === "") {
    throw new InvalidArgumentError(
      "codeFromFile",
      `the path must be a non-empty string such as "./actions/get-user.js", got ${JSON.stringify(file)}`,
    );
  }
  const resolved = path.resolve(options.baseDir ?? process.cwd(), file);
  const code = read(file, resolved).replace(/^\uFEFF/, "");

  const limit = CODE_LIMITS[kind];
  if (code.length > limit) throw CodeFileError.tooLong(file, code.length, limit, FIELD_NAMES[kind]);
  if (options.checkSyntax !== false && kind !== "skill") {
    try {
      compileFunctionBody(code, resolved);
    } catch (err) {
      throw CodeFileError.invalid(file, FIELD_NAMES[kind], err as Error);
    }
  }
  return code;
}

function read(file: string, resolved: string): string {
  try {
    return readFileSync(resolved, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw CodeFileError.missing(file, resolved, err);
    if (code === "EISDIR") throw CodeFileError.directory(file, resolved, err);
    throw CodeFileError.unreadable(file, resolved, err as Error);
  }
}

/**
 * Compiles code as the body of an async function, which is how Langdock runs it (top-level `await` and
 * `return` work), without running it. Stack traces and errors show the code's own line numbers.
 * @throws SyntaxError whose message ends with "at line N" when the line is known.
 * @internal Shared with the local runner (`pulumi-langdock/testing`); not part of the package's API.
 */
export function compileFunctionBody(code: string, filename: string): Script {
  try {
    // The newline before the closing brace keeps a trailing `// comment` from swallowing it; lineOffset -1
    // cancels the wrapper's first line.
    return new Script(`(async function () {\n${code}\n})()`, { filename, lineOffset: -1 });
  } catch (err) {
    // V8 puts "<filename>:<line>" on the first line of a SyntaxError's stack.
    const line = /:(\d+)\s*$/.exec(String((err as Error).stack).split("\n")[0] ?? "")?.[1];
    throw new SyntaxError(`${(err as Error).message}${line ? ` at line ${line}` : ""}`);
  }
}
