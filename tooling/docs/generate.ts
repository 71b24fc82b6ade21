import * as fs from "fs";
import * as path from "path";
import * as prettier from "prettier";
import { describeKinds, type PackageDescription } from "../describe";
import { pageName, renderIndex, renderLookup, renderResource } from "./render";

const REPO_ROOT = path.resolve(__dirname, "..", "..");
/** Where the generated pages live; every .md file in it is generated. */
export const REFERENCE_DIR = path.join(REPO_ROOT, "docs", "reference");

/** Every reference page, by file name, formatted as `prettier --check` expects. */
export async function referencePages(description: PackageDescription = describeKinds()): Promise<Map<string, string>> {
  const pages = new Map<string, string>([["README.md", renderIndex(description)]]);
  for (const resource of description.resources) pages.set(pageName(resource), renderResource(resource, description.packageName));
  for (const lookup of description.lookups) pages.set(pageName(lookup), renderLookup(lookup, description.packageName));
  const options = (await prettier.resolveConfig(path.join(REFERENCE_DIR, "README.md"))) ?? {};
  const formatted = new Map<string, string>();
  for (const [name, text] of pages) formatted.set(name, await prettier.format(text, { ...options, parser: "markdown" }));
  return formatted;
}

/** The pages that differ from what the declarations generate (changed, missing or left over). */
export async function stalePages(dir = REFERENCE_DIR): Promise<string[]> {
  const pages = await referencePages();
  const present = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".md")) : [];
  const changed = [...pages].filter(([name, text]) => !present.includes(name) || fs.readFileSync(path.join(dir, name), "utf8") !== text);
  const leftOver = present.filter((name) => !pages.has(name));
  return [...changed.map(([name]) => name), ...leftOver].sort();
}

/** Writes the pages (and removes pages of things that no longer exist); returns the file names written. */
export async function writePages(dir = REFERENCE_DIR): Promise<string[]> {
  const pages = await referencePages();
  fs.mkdirSync(dir, { recursive: true });
  for (const name of fs.readdirSync(dir)) if (name.endsWith(".md") && !pages.has(name)) fs.rmSync(path.join(dir, name));
  for (const [name, text] of pages) fs.writeFileSync(path.join(dir, name), text);
  return [...pages.keys()];
}

/**
 * `npm run docs` (writes the pages) and `npm run docs -- --check` (fails when a committed page is stale);
 * `--dir <folder>` for another folder than docs/reference.
 */
export async function main(args: string[]): Promise<number> {
  const dirFlag = args.indexOf("--dir");
  const dir = dirFlag === -1 ? REFERENCE_DIR : path.resolve(args[dirFlag + 1]);
  if (args.includes("--check")) {
    const stale = await stalePages(dir);
    if (stale.length === 0) return 0;
    console.error(`docs/reference is stale (${stale.join(", ")}): run \`npm run docs\` and commit the pages.`);
    return 1;
  }
  const written = await writePages(dir);
  console.log(`docs/reference: ${written.length} pages written`);
  return 0;
}
