import * as fs from "node:fs";
import * as path from "node:path";
import { InvalidArgumentError } from "../errors/invalidArgumentError";

/** A glob (`**` any folders, `*` and `?` within one name) as a RegExp over `/`-separated relative paths. */
export function globToRegExp(glob: string): RegExp {
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*" && glob[i + 1] === "*") {
      // "**/" matches zero or more folders; a trailing "**" matches everything below.
      out += glob[i + 2] === "/" ? "(?:.*/)?" : ".*";
      i += glob[i + 2] === "/" ? 2 : 1;
    } else if (c === "*") out += "[^/]*";
    else if (c === "?") out += "[^/]";
    else out += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${out}$`);
}

/**
 * The files under `root` (relative, `/`-separated, sorted) that match an `include` glob and no
 * `exclude` glob. Hidden files and folders (a name starting with ".") are skipped.
 */
export function matchingFiles(root: string, include: string[] = ["**/*"], exclude: string[] = []): string[] {
  const absolute = path.resolve(root);
  if (!fs.existsSync(absolute) || !fs.statSync(absolute).isDirectory()) {
    throw new InvalidArgumentError(
      "KnowledgeDirectory",
      `path "${root}" is not a folder (looked for ${absolute}; relative paths start at the program's folder)`,
    );
  }
  const includes = include.map(globToRegExp);
  const excludes = exclude.map(globToRegExp);
  const found: string[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith(".")) continue;
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path.join(dir, entry.name), rel);
      else if (entry.isFile() && includes.some((r) => r.test(rel)) && !excludes.some((r) => r.test(rel))) found.push(rel);
    }
  };
  walk(absolute, "");
  return found.sort();
}
