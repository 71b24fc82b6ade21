import * as fs from "fs";
import { createRequire } from "module";
import * as path from "path";

/**
 * Installs the built package (`dist/`) the way a user gets it, into a throw-away Pulumi program
 * directory, so tests exercise exactly what `npm install pulumi-langdock` produces:
 *
 *   <repo>/.tmp/consumer-<pid>/
 *     node_modules/pulumi-langdock/   REAL copy of package.json + dist/ (+ README, LICENSE, CHANGELOG)
 *     node_modules/@pulumi/           hard-linked copy of the repo's @pulumi scope
 *     node_modules/<every other dep>  symlink to <repo>/node_modules/<dep>
 *
 * Why copies and not symlinks:
 * - Node loads modules by realpath. A symlink to the repo would realpath to `<repo>/dist/…`, and the
 *   package's own `require("pulumi-langdock/…")` calls would resolve through the repo instead of the
 *   installed copy's `exports`, as they do for users.
 * - Program, package, provider host and tests must share ONE @pulumi/pulumi instance, living (by
 *   realpath) in the same node_modules as the package, as it does for users: hence the @pulumi scope
 *   is copied (hard links: instant, no disk space) rather than symlinked.
 * - Every other dependency (axios, zod, grpc, …) is a symlink; its realpath does not matter.
 * Real package-manager layouts (pnpm, yarn, npm linked, …) are installed by tests/layouts.
 *
 * Nothing is built here: run `npm run build` first (the npm test script does).
 */

export const REPO_ROOT = path.resolve(__dirname, "..");
const PACKAGE_NAME = "pulumi-langdock";
const EXTRA_FILES = ["README.md", "LICENSE", "CHANGELOG.md"];
const STAMP_FILE = ".install-stamp";

let cached: string | undefined;

/** Returns the program directory holding the installed package; creates it once per process. */
export function installPackage(): string {
  const dist = path.join(REPO_ROOT, "dist");
  if (!fs.existsSync(path.join(dist, "index.js"))) {
    throw new Error(`${dist}/index.js is missing: run \`npm run build\` before the tests (npm test does).`);
  }
  const dir = consumerDir();
  const stamp = distStamp(dist);
  if (cached === dir && readStamp(dir) === stamp) return dir;

  removeStaleConsumers();
  populate(dir, "hard-link");

  // A minimal program manifest, so the directory looks like what `pulumi new` creates.
  writeIfMissing(path.join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true, main: "index.js" }, null, 2));
  writeIfMissing(path.join(dir, "Pulumi.yaml"), "name: consumer\nruntime: nodejs\n");

  fs.writeFileSync(path.join(dir, STAMP_FILE), stamp);
  cached = dir;
  return dir;
}

/**
 * The same install in a folder of the caller's choosing, OUTSIDE this repo when it matters: a folder
 * inside the repo also sees the repo's own node_modules (with its `pulumi-langdock` self-link), so a
 * resolution that fails in the installed copy would silently succeed there. Every dependency but the
 * package itself is a symlink (enough for type-checking; not for the provider host, see above).
 */
export function installPackageAt(dir: string): string {
  populate(dir, "symlink");
  writeIfMissing(path.join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true, main: "index.js" }, null, 2));
  return dir;
}

function populate(dir: string, pulumiScope: "hard-link" | "symlink"): void {
  const dist = path.join(REPO_ROOT, "dist");
  const modules = path.join(dir, "node_modules");
  fs.mkdirSync(modules, { recursive: true });

  // The package itself: a fresh real copy every time the build changed.
  const pkgDir = path.join(modules, PACKAGE_NAME);
  fs.rmSync(pkgDir, { recursive: true, force: true });
  fs.mkdirSync(pkgDir, { recursive: true });
  fs.copyFileSync(path.join(REPO_ROOT, "package.json"), path.join(pkgDir, "package.json"));
  fs.cpSync(dist, path.join(pkgDir, "dist"), { recursive: true });
  for (const file of EXTRA_FILES) {
    const from = path.join(REPO_ROOT, file);
    if (fs.existsSync(from)) fs.copyFileSync(from, path.join(pkgDir, file));
  }

  // Dependencies: @pulumi hard-linked (see above), everything else symlinked.
  const repoModules = path.join(REPO_ROOT, "node_modules");
  for (const entry of fs.readdirSync(repoModules)) {
    if (entry === PACKAGE_NAME || entry === ".bin" || entry.startsWith(".")) continue;
    const target = path.join(modules, entry);
    if (fs.existsSync(target)) continue;
    if (entry === "@pulumi" && pulumiScope === "hard-link") linkTree(path.join(repoModules, entry), target);
    else fs.symlinkSync(path.join(repoModules, entry), target, "dir");
  }
}

/**
 * `require`s a module as the program in the installed directory would (honouring the package's
 * `exports`). Not plain `require("pulumi-langdock")`: inside the repo that self-references the repo's
 * own package.json and loads `<repo>/dist`, which is not under node_modules.
 */
export function requireInstalled<T = unknown>(specifier: string): T {
  const dir = installPackage();
  return createRequire(path.join(dir, "index.js"))(specifier) as T;
}

/** Removes this process's program directory (and any left behind by dead processes). */
export function cleanupInstalledPackage(): void {
  fs.rmSync(consumerDir(), { recursive: true, force: true });
  cached = undefined;
  removeStaleConsumers();
}

function consumerDir(): string {
  return path.join(REPO_ROOT, ".tmp", `consumer-${process.pid}`);
}

/** Hard-links a directory tree (falls back to copying across file systems); keeps symlinks as symlinks. */
function linkTree(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(src), dst);
    else if (entry.isDirectory()) linkTree(src, dst);
    else {
      try {
        fs.linkSync(src, dst);
      } catch {
        fs.copyFileSync(src, dst);
      }
    }
  }
}

/** Identifies a build: file names, sizes and modification times under dist/. */
function distStamp(dist: string): string {
  const parts: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else {
        const s = fs.statSync(p);
        parts.push(`${path.relative(dist, p)}:${s.size}:${s.mtimeMs}`);
      }
    }
  };
  walk(dist);
  parts.push(`package.json:${fs.statSync(path.join(REPO_ROOT, "package.json")).mtimeMs}`);
  return parts.join("\n");
}

function readStamp(dir: string): string | undefined {
  try {
    return fs.readFileSync(path.join(dir, STAMP_FILE), "utf8");
  } catch {
    return undefined;
  }
}

function writeIfMissing(file: string, content: string): void {
  if (!fs.existsSync(file)) fs.writeFileSync(file, content);
}

/** Deletes `consumer-<pid>` directories whose process no longer runs. */
function removeStaleConsumers(): void {
  const root = path.join(REPO_ROOT, ".tmp");
  if (!fs.existsSync(root)) return;
  for (const name of fs.readdirSync(root)) {
    const match = /^consumer-(\d+)$/.exec(name);
    if (!match || Number(match[1]) === process.pid || isAlive(Number(match[1]))) continue;
    fs.rmSync(path.join(root, name), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
