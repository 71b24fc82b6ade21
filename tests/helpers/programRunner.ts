import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/**
 * Runs a Pulumi project the way `pulumi up` does, without a Pulumi CLI: the nodejs language host's
 * command, `node <program folder's @pulumi/pulumi>/cmd/run … <main>` with cwd = the folder of
 * Pulumi.yaml and PULUMI_NODEJS_TYPESCRIPT=true (so the runner registers its vendored ts-node 7, which
 * type-checks). Resources register with mocks (runnerMocks.js, preloaded) instead of an engine; their
 * inputs, `__provider` included, come back as the real serializer wrote them.
 */
export interface Registration {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
}

export interface ProgramRun {
  code: number | null;
  stdout: string;
  stderr: string;
  registered: Registration[];
}

export interface RunOptions {
  /** Project and stack names (Pulumi.yaml's `name` by default, and "test"). */
  project?: string;
  stack?: string;
  /** Stack config as the language host passes it (PULUMI_CONFIG), e.g. `{ "proj:key": "value" }`. */
  config?: Record<string, string>;
  timeoutMs?: number;
}

const MOCKS = path.join(__dirname, "runnerMocks.js");

export async function runProject(projectDir: string, options: RunOptions = {}): Promise<ProgramRun> {
  const manifest = fs.readFileSync(path.join(projectDir, "Pulumi.yaml"), "utf8");
  const project = options.project ?? /^name:\s*(\S+)/m.exec(manifest)?.[1] ?? "project";
  const main = /^main:\s*(\S+)/m.exec(manifest)?.[1] ?? ".";
  const stack = options.stack ?? "test";
  // The language host runs the runner of the program's own @pulumi/pulumi.
  const runner = require.resolve("@pulumi/pulumi/cmd/run/index.js", { paths: [projectDir] });
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "ld-run-"));
  const registeredFile = path.join(out, "registered.json");
  try {
    const args = ["-r", MOCKS, runner, `--project=${project}`, `--stack=${stack}`, "--monitor=127.0.0.1:1", main];
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PULUMI_NODEJS_TYPESCRIPT: "true",
      PULUMI_NODEJS_PROJECT: project,
      PULUMI_NODEJS_STACK: stack,
      PULUMI_CONFIG: JSON.stringify(options.config ?? {}),
      PULUMI_TEST_REGISTERED: registeredFile,
    };
    // Nothing of this repo's environment may help the program resolve modules.
    delete env.NODE_PATH;
    const { code, stdout, stderr } = await run(process.execPath, args, projectDir, env, options.timeoutMs ?? 120_000);
    const registered = fs.existsSync(registeredFile) ? (JSON.parse(fs.readFileSync(registeredFile, "utf8")) as Registration[]) : [];
    return { code, stdout, stderr, registered };
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Spawns a command and collects its output; kills it (and rejects) after `timeoutMs`. */
export function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${command} ${args.join(" ")} (in ${cwd}) did not finish within ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.once("error", (e) => {
      clearTimeout(timer);
      reject(new Error(`${command} could not start: ${e.message}`));
    });
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
