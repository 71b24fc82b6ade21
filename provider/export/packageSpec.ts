import * as fs from "node:fs";
import * as path from "node:path";

const PACKAGE_NAME = "pulumi-langdock";

/** The package's own folder (dist/export/ → the package root), as Node resolved it. */
const PACKAGE_ROOT = path.resolve(__dirname, "..", "..");

function readJson(file: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/**
 * The dependency spec the exported project's package.json gets for pulumi-langdock: `--package` when
 * given; else the spec this running copy was installed with (the installing project's package.json, so
 * a tarball or git install exports a project that installs the same way, a relative `file:` made
 * absolute); else `^<version>` from the npm registry.
 */
export function packageSpec(
  explicit: string | undefined,
  packageRoot = PACKAGE_ROOT,
): { spec: string; from: "flag" | "install" | "registry" } {
  if (explicit) return { spec: explicit, from: "flag" };
  const installed = installedSpec(packageRoot);
  if (installed) return { spec: installed, from: "install" };
  const version = readJson(path.join(packageRoot, "package.json"))?.version;
  return { spec: `^${typeof version === "string" ? version : "0.0.0"}`, from: "registry" };
}

function installedSpec(packageRoot: string): string | undefined {
  const modules = path.dirname(packageRoot);
  if (path.basename(packageRoot) !== PACKAGE_NAME || path.basename(modules) !== "node_modules") return undefined;
  const project = path.dirname(modules);
  const manifest = readJson(path.join(project, "package.json"));
  for (const field of ["dependencies", "devDependencies", "optionalDependencies"]) {
    const spec = (manifest?.[field] as Record<string, unknown> | undefined)?.[PACKAGE_NAME];
    if (typeof spec === "string" && spec !== "") return absolute(spec, project);
  }
  return undefined;
}

/** A spec with a path relative to `project` (`file:../x.tgz`, `../x.tgz`) as an absolute `file:` spec. */
function absolute(spec: string, project: string): string {
  const local = spec.startsWith("file:") ? spec.slice("file:".length) : /^\.{1,2}[\\/]/.test(spec) ? spec : undefined;
  if (local === undefined || path.isAbsolute(local)) return spec;
  return `file:${path.resolve(project, local)}`;
}
