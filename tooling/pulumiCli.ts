import { spawn, type ChildProcess } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/**
 * Runs the real Pulumi CLI (what `npm run pulumi-cli` provides) offline and non-interactively: a
 * temporary HOME and PULUMI_HOME, a local file backend, no update check, no plugin download. The e2e
 * suite and the bench's real-engine section share it.
 */

const REPO_ROOT = path.resolve(__dirname, "..");

/** Set (to anything but "" or "false") where a missing CLI must fail the e2e suite instead of skipping it (CI). */
export const REQUIRE_CLI_VARIABLE = "LANGDOCK_E2E_REQUIRE_CLI";

/**
 * The folder holding `pulumi` (and its plugins): PULUMI_CLI_DIR, else a `pulumi` on PATH, else the
 * one `npm run pulumi-cli` built into `.pulumi-cli/bin`. Undefined when there is none.
 */
export function findPulumiCli(): string | undefined {
  const candidates = [
    process.env.PULUMI_CLI_DIR,
    ...(process.env.PATH ?? "").split(path.delimiter),
    path.join(REPO_ROOT, ".pulumi-cli", "bin"),
  ];
  for (const dir of candidates) {
    if (dir && fs.existsSync(path.join(dir, "pulumi"))) return path.resolve(dir);
  }
  return undefined;
}

export function cliRequired(): boolean {
  const value = process.env[REQUIRE_CLI_VARIABLE] ?? "";
  return value !== "" && value !== "false" && value !== "0";
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Resolve with the result instead of rejecting when the command fails. */
  allowFailure?: boolean;
  /** Kills the command after this long (default 240 s). */
  timeoutMs?: number;
  env?: Record<string, string>;
  /** Called with the child right after it starts (the interruption test kills it). */
  onSpawn?: (child: ChildProcess) => void;
}

export class PulumiCli {
  /** A temporary folder holding HOME, PULUMI_HOME and the file backend. */
  readonly home: string;
  readonly backend: string;

  constructor(
    readonly cliDir: string,
    private readonly baseEnv: Record<string, string> = {},
  ) {
    this.home = fs.mkdtempSync(path.join(os.tmpdir(), "langdock-e2e-"));
    this.backend = path.join(this.home, "backend");
    fs.mkdirSync(this.backend, { recursive: true });
  }

  get env(): Record<string, string> {
    return {
      ...(process.env as Record<string, string>),
      PATH: `${this.cliDir}${path.delimiter}${process.env.PATH ?? ""}`,
      HOME: this.home,
      PULUMI_HOME: path.join(this.home, ".pulumi"),
      PULUMI_BACKEND_URL: `file://${this.backend}`,
      PULUMI_CONFIG_PASSPHRASE: "e2e-passphrase",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      PULUMI_SKIP_CONFIRMATIONS: "true",
      PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
      NO_COLOR: "1",
      ...this.baseEnv,
    };
  }

  /** `pulumi <args> --non-interactive` in `cwd`; rejects with the command's output when it fails. */
  run(cwd: string, args: string[], options: RunOptions = {}): Promise<CliResult> {
    const argv = [...args, "--non-interactive"];
    return new Promise((resolve, reject) => {
      const child = spawn(path.join(this.cliDir, "pulumi"), argv, {
        cwd,
        env: { ...this.env, ...options.env },
        stdio: ["ignore", "pipe", "pipe"],
      });
      options.onSpawn?.(child);
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk) => (stdout += chunk));
      child.stderr.on("data", (chunk) => (stderr += chunk));
      const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 240_000);
      child.on("error", (err) => {
        clearTimeout(timer);
        reject(err);
      });
      child.on("close", (code, signal) => {
        clearTimeout(timer);
        const result = { code, signal, stdout, stderr };
        if (code === 0 || options.allowFailure) resolve(result);
        else reject(new Error(`pulumi ${argv.join(" ")} failed (${code ?? signal}) in ${cwd}:\n${stdout}\n${stderr}`));
      });
    });
  }

  /** `pulumi <args> --json`, parsed. */
  async json<T = any>(cwd: string, args: string[], options: RunOptions = {}): Promise<T> {
    const { stdout } = await this.run(cwd, [...args, "--json"], options);
    return JSON.parse(stdout) as T;
  }

  remove(): void {
    fs.rmSync(this.home, { recursive: true, force: true });
  }
}

/** One step of `pulumi preview --json`. */
export interface PreviewStep {
  op: string;
  urn: string;
  oldState?: { inputs?: Record<string, unknown> };
  newState?: { inputs?: Record<string, unknown> };
}

/**
 * The inputs a step changes, as the CLI's "[diff: ~…]" shows them: a dynamic provider's diff reports
 * only whether something changed (no property list), so the CLI compares old and new inputs.
 */
export function changedInputs(step: PreviewStep): string[] {
  const olds = step.oldState?.inputs ?? {};
  const news = step.newState?.inputs ?? {};
  return [...new Set([...Object.keys(olds), ...Object.keys(news)])]
    .filter((key) => JSON.stringify(olds[key]) !== JSON.stringify(news[key]))
    .sort();
}

/** "op name" for every step but the stack's own, sorted: a plan that reads like the CLI's table. */
export function planOf(preview: { steps: PreviewStep[] }): string[] {
  return preview.steps
    .filter((s) => !s.urn.includes("::pulumi:pulumi:Stack::"))
    .map((s) => `${s.op} ${s.urn.split("::").pop()}`)
    .sort();
}
