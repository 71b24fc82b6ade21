import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { REPO_ROOT } from "../../tooling/installPackage";
import { run, type CommandResult } from "../helpers/programRunner";

/**
 * Real installs of the packed tarball, one folder per package manager layout, each a Pulumi TypeScript
 * program as `pulumi new typescript` makes it (tsconfig of the template, @pulumi/pulumi and typescript
 * beside the package). Package managers come from the npm registry through npx; their caches are shared
 * between runs (.tmp/layout-cache, and npm's own cache, which `npm ci` has already filled), so a run
 * downloads little.
 */
export const PULUMI_VERSION = require("@pulumi/pulumi/package.json").version as string;
const TYPESCRIPT_VERSION = require("typescript/package.json").version as string;
const PNPM = "pnpm@9";
const YARN = "yarn@1";
const YARN_BERRY = "@yarnpkg/cli-dist@4";
const INSTALL_TIMEOUT_MS = 5 * 60_000;
const PARALLEL_INSTALLS = 3;
const CACHE = path.join(REPO_ROOT, ".tmp", "layout-cache");

/** The tsconfig.json of Pulumi's `pulumi new typescript` template. */
export const TEMPLATE_TSCONFIG = {
  compilerOptions: {
    strict: true,
    outDir: "bin",
    target: "es2020",
    module: "commonjs",
    moduleResolution: "node",
    sourceMap: true,
    experimentalDecorators: true,
    pretty: true,
    noFallthroughCasesInSwitch: true,
    noImplicitReturns: true,
    forceConsistentCasingInFileNames: true,
  },
  files: ["index.ts"],
};

/** The program of every layout: an integration and an action; it also uses the `testing` subpath's types. */
const PROGRAM = `import * as langdock from "pulumi-langdock";
import type { ProviderHostOptions } from "pulumi-langdock/testing";

const integration = new langdock.Integration("crm", { name: "CRM" });
const action = new langdock.Action("find", { integrationId: integration.id, name: "Find customer", code: "return { ok: true };" });
const options: Pick<ProviderHostOptions, "project"> = { project: "consumer" };
export const actionId = action.id;
export const project = options.project;
`;

export interface Layout {
  name: string;
  /** The folder with Pulumi.yaml (and the package as a direct dependency). */
  programDir: string;
  /** A path fragment the package's real location must contain, proving the layout is what it claims. */
  realPathContains: string;
}

interface LayoutSpec extends Layout {
  /** The folder the package manager runs in (the workspace root for a workspace). */
  installDir: string;
  install: (tarball: string) => Promise<void>;
}

/** Packs the repo (already built) into `dir` and returns the tarball's path. */
export async function packTarball(dir: string): Promise<string> {
  const result = await check(
    run(npm(), ["pack", "--ignore-scripts", "--json", "--pack-destination", dir], REPO_ROOT, cleanEnv(), 120_000),
    "npm pack",
  );
  const [{ filename }] = JSON.parse(result.stdout) as Array<{ filename: string }>;
  return path.join(dir, filename);
}

/** Fetches the package managers first, so a missing one fails loudly and once. */
export async function fetchPackageManagers(): Promise<void> {
  for (const pm of [PNPM, YARN, YARN_BERRY])
    await check(run(npx(), ["--yes", pm, "--version"], os.tmpdir(), cleanEnv(), 180_000), `npx ${pm}`);
}

/** Writes every layout's program under `root` and installs the tarball into all of them (concurrently). */
export async function installLayouts(root: string, tarball: string): Promise<Layout[]> {
  const specs = layoutSpecs(root);
  for (const spec of specs) writeProgram(spec, tarball);
  // A few at a time: the other test worker's timing-sensitive tests share the two cores.
  const queue = [...specs];
  const worker = async () => {
    for (let spec = queue.shift(); spec; spec = queue.shift()) await spec.install(tarball);
  };
  await Promise.all(Array.from({ length: PARALLEL_INSTALLS }, worker));
  return specs.map(({ name, programDir, realPathContains }) => ({ name, programDir, realPathContains }));
}

function layoutSpecs(root: string): LayoutSpec[] {
  const npmInstall =
    (dir: string, ...flags: string[]) =>
    async () => {
      const args = ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error", ...flags];
      await check(lowPriority(npm(), args, dir), `npm ${args.join(" ")}`);
    };
  const pnpmInstall =
    (dir: string, ...flags: string[]) =>
    async () => {
      const args = ["--yes", PNPM, "install", "--prefer-offline", "--no-frozen-lockfile", "--reporter=silent", ...flags];
      await check(lowPriority(npx(), [...args, "--store-dir", path.join(CACHE, "pnpm-store")], dir), `${PNPM} install`);
    };
  const yarnInstall = (dir: string) => async () => {
    const args = ["--yes", YARN, "install", "--prefer-offline", "--non-interactive", "--no-progress", "--silent"];
    await check(lowPriority(npx(), [...args, "--cache-folder", path.join(CACHE, "yarn-cache")], dir), `${YARN} install`);
  };
  // Yarn 4 reads its settings from .yarnrc.yml; an empty yarn.lock makes the folder its own project.
  const yarnBerryInstall = (dir: string) => async () => {
    const settings = { nodeLinker: "pnpm", enableImmutableInstalls: false, enableGlobalCache: false, enableTelemetry: false };
    const yarnrc = Object.entries({ ...settings, cacheFolder: path.join(CACHE, "yarn4-cache") }).map(
      ([k, v]) => `${k}: ${JSON.stringify(v)}`,
    );
    fs.writeFileSync(path.join(dir, ".yarnrc.yml"), `${yarnrc.join("\n")}\n`);
    fs.writeFileSync(path.join(dir, "yarn.lock"), "");
    await check(lowPriority(npx(), ["--yes", YARN_BERRY, "install"], dir), `${YARN_BERRY} install`);
  };
  const single = (name: string, folder: string, realPathContains: string, install: (dir: string) => () => Promise<void>): LayoutSpec => {
    const dir = path.join(root, folder);
    return { name, programDir: dir, installDir: dir, realPathContains, install: install(dir) };
  };
  const workspace = path.join(root, "pnpm-workspace");
  return [
    single("npm", "npm", `${path.sep}npm${path.sep}node_modules${path.sep}pulumi-langdock`, (dir) => npmInstall(dir)),
    single("npm --install-strategy=linked", "npm-linked", `node_modules${path.sep}.store${path.sep}`, (dir) =>
      npmInstall(dir, "--install-strategy=linked"),
    ),
    single("pnpm (isolated)", "pnpm", `node_modules${path.sep}.pnpm${path.sep}`, (dir) => pnpmInstall(dir)),
    single("pnpm --shamefully-hoist", "pnpm-hoisted", `node_modules${path.sep}.pnpm${path.sep}`, (dir) =>
      pnpmInstall(dir, "--shamefully-hoist"),
    ),
    {
      name: "pnpm workspace",
      programDir: path.join(workspace, "infra"),
      installDir: workspace,
      realPathContains: `pnpm-workspace${path.sep}node_modules${path.sep}.pnpm${path.sep}`,
      install: pnpmInstall(workspace),
    },
    single("yarn 1", "yarn", `${path.sep}yarn${path.sep}node_modules${path.sep}pulumi-langdock`, yarnInstall),
    single("yarn 4 (pnpm linker)", "yarn4", `node_modules${path.sep}.store${path.sep}pulumi-langdock-`, yarnBerryInstall),
    single("npm in a folder named acme-pulumi-langdock-infra", "acme-pulumi-langdock-infra", "acme-pulumi-langdock-infra", (dir) =>
      npmInstall(dir),
    ),
  ];
}

function writeProgram(spec: LayoutSpec, tarball: string): void {
  const dir = spec.programDir;
  fs.mkdirSync(dir, { recursive: true });
  const manifest = {
    name: path.basename(dir),
    private: true,
    main: "index.ts",
    dependencies: { "@pulumi/pulumi": PULUMI_VERSION, "pulumi-langdock": `file:${tarball}` },
    devDependencies: { typescript: TYPESCRIPT_VERSION },
  };
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify(manifest, null, 2));
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: consumer\nruntime:\n  name: nodejs\n  options:\n    typescript: true\n");
  fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(TEMPLATE_TSCONFIG, null, 2));
  fs.writeFileSync(path.join(dir, "index.ts"), PROGRAM);
  if (spec.installDir !== dir) {
    fs.writeFileSync(path.join(spec.installDir, "package.json"), JSON.stringify({ name: "monorepo", private: true }, null, 2));
    fs.writeFileSync(path.join(spec.installDir, "pnpm-workspace.yaml"), `packages:\n  - ${path.relative(spec.installDir, dir)}\n`);
  }
}

/** Deletes the installs (about 1 GB of small files) without holding up the test run. */
export function removeInBackground(dir: string): void {
  if (process.platform === "win32") return fs.rmSync(dir, { recursive: true, force: true });
  spawn("rm", ["-rf", dir], { detached: true, stdio: "ignore" }).unref();
}

async function check(result: Promise<CommandResult>, what: string): Promise<CommandResult> {
  const done = await result;
  if (done.code !== 0) throw new Error(`${what} failed (exit ${done.code}):\n${done.stdout}\n${done.stderr}`);
  return done;
}

/**
 * This process's environment without what `npm test` adds (npm_config_local_prefix would point the
 * nested package managers at this repo); registry, cache and proxy settings stay.
 */
export function cleanEnv(): NodeJS.ProcessEnv {
  const keep = /^npm_config_(registry|cache|userconfig|globalconfig|https?_proxy|proxy|noproxy|strict_ssl|cafile)$/i;
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^npm_/i.test(key) || keep.test(key)) env[key] = value;
  delete env.NODE_PATH;
  return env;
}

const npm = () => (process.platform === "win32" ? "npm.cmd" : "npm");
const npx = () => (process.platform === "win32" ? "npx.cmd" : "npx");

/** Installs run at low CPU priority (`nice`), for the same reason. */
function lowPriority(command: string, args: string[], dir: string): Promise<CommandResult> {
  if (process.platform === "win32") return run(command, args, dir, cleanEnv(), INSTALL_TIMEOUT_MS);
  return run("nice", ["-n", "10", command, ...args], dir, cleanEnv(), INSTALL_TIMEOUT_MS);
}
