import * as fs from "fs";
import * as path from "path";

/**
 * The code blocks of the user docs (README.md and docs/), so tests can compile and run them as written.
 * A block may be preceded by a marker comment (see docs/development.md, "Snippets"):
 *
 *   <!-- snippet: fragment -->          deliberately partial (e.g. one property of a larger program): not compiled
 *   <!-- snippet: file=program.ts -->   the block is this file; other blocks of the page import it by that name
 *   <!-- snippet: jest -->              a jest test file (compiled with jest's types)
 *
 * Markers combine: `<!-- snippet: jest file=stack.test.ts -->`.
 */
export interface Snippet {
  /** The page, relative to the repository (`README.md`, `docs/guides/offline-tests.md`). */
  doc: string;
  /** 1-based line of the block's first code line in the page. */
  line: number;
  /** The fence's language (`ts`, `js`, `sh`, …; "" when none). */
  lang: string;
  code: string;
  file?: string;
  jest: boolean;
  fragment: boolean;
}

const MARKER = /^<!--\s*snippet:\s*(.*?)\s*-->$/;
const FENCE = /^ {0,3}```\s*([\w-]*)/;

export function extractSnippets(markdown: string, doc: string): Snippet[] {
  const lines = markdown.split("\n");
  const snippets: Snippet[] = [];
  let marker = "";
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]);
    if (!open) {
      const found = MARKER.exec(lines[i].trim());
      if (found) marker = found[1];
      else if (lines[i].trim() !== "") marker = "";
      continue;
    }
    const indent = lines[i].indexOf("```");
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !/^ {0,3}```\s*$/.test(lines[j]); j++) body.push(lines[j].slice(Math.min(indent, lines[j].search(/\S|$/))));
    const words = marker.split(/\s+/).filter(Boolean);
    snippets.push({
      doc,
      line: i + 2,
      lang: open[1].toLowerCase(),
      code: `${body.join("\n")}\n`,
      file: words.find((w) => w.startsWith("file="))?.slice("file=".length),
      jest: words.includes("jest"),
      fragment: words.includes("fragment"),
    });
    marker = "";
    i = j;
  }
  return snippets;
}

/** README.md and every Markdown page under docs/, repository-relative. */
export function userDocs(root: string): string[] {
  const walk = (dir: string): string[] =>
    fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
      const rel = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) return walk(rel);
      return entry.name.endsWith(".md") ? [rel] : [];
    });
  return ["README.md", ...walk("docs")];
}

export const isTypeScript = (snippet: Snippet) => snippet.lang === "ts" || snippet.lang === "typescript";

/** The snippets of one page by file name, as a test writes them into a folder. */
export function snippetFile(snippet: Snippet): string {
  return snippet.file ?? `snippet-line-${snippet.line}.ts`;
}
