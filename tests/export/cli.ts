import { spawn } from "child_process";
import * as fs from "fs";
import { createRequire } from "module";
import * as path from "path";
import { REPO_ROOT } from "../../tooling/installPackage";

export const CLI = path.join(REPO_ROOT, "dist", "cli", "index.js");

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `pulumi-langdock` bin without blocking this process (the emulator answers from here). */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 60_000): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`pulumi-langdock ${args.join(" ")} did not finish within ${timeoutMs} ms:\n${stderr}`));
    }, timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Runs a node script (tsc) asynchronously; rejects with its output on failure. */
export function runNode(args: string[], cwd: string, timeoutMs = 120_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("close", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(new Error(`node ${args.join(" ")} exited with ${code}:\n${output}`));
    });
  });
}

/**
 * A written, compiled program as LocalEngine runs it, with the program's folder as cwd (as `pulumi up`
 * does). Its modules resolve through the same registry as the harness's, so it shares the installed
 * @pulumi/pulumi with the engine; its top level is evaluated afresh on every call (a require would be
 * cached after the first run).
 */
export function programAt(dir: string): () => unknown {
  const entry = path.join(dir, "bin", "index.js");
  const programRequire = createRequire(entry);
  return () => {
    const run = new Function("exports", "require", "module", "__filename", "__dirname", fs.readFileSync(entry, "utf8"));
    const module = { exports: {} as Record<string, unknown> };
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      run(module.exports, programRequire, module, entry, path.dirname(entry));
    } finally {
      process.chdir(cwd);
    }
    return module.exports;
  };
}
