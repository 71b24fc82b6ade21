import { readFileSync } from "node:fs";
import * as path from "node:path";
import { Script } from "node:vm";
import { LIMITS } from "./base/limits";

/** Which Langdock field the code is for; it decides the length limit. */
export type CodeKind = "action" | "trigger";

/**
 * Langdock's length limits, in characters (JavaScript string length): an Action's `code` and a
 * Trigger's `pollingCode` (docs/langdock-api.md, Actions and Triggers).
 */
export const CODE_LIMITS: Readonly<Record<CodeKind, number>> = { action: LIMITS.action.code, trigger: LIMITS.trigger.pollingCode };

const FIELD_NAMES: Record<CodeKind, string> = { action: "action code", trigger: "trigger polling code" };

/** Options of {@link codeFromFile}. */
export interface CodeFromFileOptions {
  /** `"action"` (default) checks the 40,000-character limit of `code`; `"trigger"` the 1,000 of `pollingCode`. */
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
 * Reads an Action's `code` or a Trigger's `pollingCode` from a `.js` file, so the code lives in its own
 * file (with editor support and unit tests, see `runAction` in `pulumi-langdock/testing`) instead of a
 * string in the program.
 *
 * It runs synchronously while the Pulumi program runs, so every problem shows at `pulumi preview`.
 * A relative `file` resolves against `options.baseDir`, default `process.cwd()` (where Pulumi runs the
 * program). A leading byte-order mark is dropped.
 *
 * @param file Path of the file, e.g. `"./actions/get-user.js"`.
 * @returns The file's text, unchanged otherwise.
 * @throws Error with one sentence naming the path as given and as resolved when the file does not exist,
 * is a directory or cannot be read, when it is longer than Langdock accepts (40,000 characters for action
 * code, 1,000 for trigger polling code), or (unless `checkSyntax: false`) when it is not valid JavaScript.
 *
 * @example
 * new langdock.Action("get-user", { integrationId, name: "Get user", code: codeFromFile("./actions/get-user.js") });
 */
export function codeFromFile(file: string, options: CodeFromFileOptions = {}): string {
  const kind = options.kind ?? "action";
  if (kind !== "action" && kind !== "trigger") {
    throw new Error(`codeFromFile: options.kind must be "action" or "trigger", got ${JSON.stringify(kind)}.`);
  }
  if (typeof file !== "string" || file.trim() === "") {
    throw new Error(`codeFromFile: the path must be a non-empty string such as "./actions/get-user.js", got ${JSON.stringify(file)}.`);
  }
  const resolved = path.resolve(options.baseDir ?? process.cwd(), file);
  const code = read(file, resolved).replace(/^\uFEFF/, "");

  const limit = CODE_LIMITS[kind];
  if (code.length > limit) {
    throw new Error(
      `codeFromFile: ${file} is ${formatCount(code.length)} characters; Langdock accepts at most ${formatCount(limit)} for ${FIELD_NAMES[kind]}: ` +
        (kind === "trigger"
          ? "keep the polling code to the request and the mapping of events, and move other logic into the API it calls."
          : "shorten it or move logic into the API it calls."),
    );
  }
  if (options.checkSyntax !== false) {
    try {
      compileFunctionBody(code, resolved);
    } catch (err) {
      throw new Error(
        `codeFromFile: ${file} is not valid JavaScript for ${FIELD_NAMES[kind]} (${(err as Error).message}); fix it before deploying.`,
      );
    }
  }
  return code;
}

function read(file: string, resolved: string): string {
  try {
    return readFileSync(resolved, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") {
      throw new Error(`codeFromFile: ${file} does not exist (resolved to ${resolved}); create it or fix the path.`);
    }
    if (code === "EISDIR") {
      throw new Error(`codeFromFile: ${file} is a directory (resolved to ${resolved}); pass the path of a .js file.`);
    }
    throw new Error(`codeFromFile: ${file} could not be read (resolved to ${resolved}): ${(err as Error).message}.`);
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

function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}
