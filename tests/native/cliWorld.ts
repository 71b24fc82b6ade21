import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { LangdockEmulator } from "../../provider/emulator";
import { PulumiCli, findPulumiCli } from "../../tooling/pulumiCli";
import { REPO_ROOT } from "../e2e/cliSuite";

/**
 * The native plugin under the real CLI: Pulumi YAML programs (pulumi-language-yaml, built by
 * `npm run pulumi-yaml`) that get the plugin from a `plugins:` entry pointing at a folder holding an
 * executable `pulumi-resource-langdock` that runs this repository's build.
 */
export const YAML_DIR = [process.env.PULUMI_YAML_DIR, path.join(REPO_ROOT, ".pulumi-yaml", "bin")].find(
  (dir) => dir && fs.existsSync(path.join(dir, "pulumi-language-yaml")),
);
export const CLI_DIR = findPulumiCli();

export function describeWithYaml(name: string, body: () => void): void {
  if (CLI_DIR && YAML_DIR) describe(name, body);
  else describe.skip(`${name} (needs the Pulumi CLI and pulumi-language-yaml: npm run pulumi-cli, npm run pulumi-yaml)`, body);
}

/** A folder holding `pulumi-resource-langdock`, which runs dist/native/main.js of this repository. */
export function pluginFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "langdock-plugin-"));
  const launcher = path.join(dir, "pulumi-resource-langdock");
  fs.writeFileSync(launcher, `#!/bin/sh\nexec "${process.execPath}" "${path.join(REPO_ROOT, "dist", "native", "main.js")}" "$@"\n`);
  fs.chmodSync(launcher, 0o755);
  return dir;
}

export interface NativeWorld {
  cli: PulumiCli;
  plugin: string;
  /** A project folder holding `Pulumi.yaml` with `text`, plus a `plugins:` entry for the plugin. */
  project(text: string): string;
  /** `pulumi <args>` in `dir`, on stack `stack` (created on first use with the emulator's key and URL). */
  stop(): void;
}

export function nativeWorld(): NativeWorld {
  const plugin = pluginFolder();
  const cli = new PulumiCli(CLI_DIR!, { PATH: [CLI_DIR, YAML_DIR, process.env.PATH].join(path.delimiter) });
  const projects: string[] = [];
  return {
    cli,
    plugin,
    project(text) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "langdock-yaml-"));
      projects.push(dir);
      fs.writeFileSync(
        path.join(dir, "Pulumi.yaml"),
        `${text.trimEnd()}\nplugins:\n  providers:\n    - name: langdock\n      path: ${plugin}\n`,
      );
      return dir;
    },
    stop() {
      for (const dir of [plugin, ...projects]) fs.rmSync(dir, { recursive: true, force: true });
      cli.remove();
    },
  };
}

/** Creates `stack` in `dir` with the emulator as Langdock (key as a secret). */
export async function initStack(cli: PulumiCli, dir: string, stack: string, emulator: LangdockEmulator): Promise<void> {
  await cli.run(dir, ["stack", "init", stack]);
  await cli.run(dir, ["config", "set", "--secret", "langdock:apiKey", emulator.apiKey]);
  await cli.run(dir, ["config", "set", "langdock:baseUrl", emulator.url]);
}
