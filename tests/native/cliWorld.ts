import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { LangdockEmulator } from "../../provider/emulator";
import { PulumiCli, REQUIRE_CLI_VARIABLE, cliRequired, findPulumiCli } from "../../tooling/pulumiCli";
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
/** Our Python and Go language hosts (`npm run language-hosts`) and the virtualenv with Pulumi's Python SDK. */
export const LANGHOSTS_DIR = path.join(REPO_ROOT, ".pulumi-langhosts");
export const PYTHON_VENV = path.join(LANGHOSTS_DIR, "python-venv");
export const hasLanguageHosts = () =>
  fs.existsSync(path.join(LANGHOSTS_DIR, "bin", "pulumi-language-python")) && fs.existsSync(path.join(PYTHON_VENV, "bin", "python"));

/**
 * `describe` for a suite on the real CLI that needs `tools` (e.g. pulumi-language-yaml): skipped without them,
 * unless the environment requires the CLI suites (CI sets LANGDOCK_E2E_REQUIRE_CLI): then missing tools fail.
 */
export function describeWith(available: boolean, setup: string, name: string, body: () => void): void {
  if (CLI_DIR && available) describe(name, body);
  else if (cliRequired())
    describe(name, () => {
      it("has what it runs on", () => {
        throw new Error(`${REQUIRE_CLI_VARIABLE} is set but this suite's tools are missing: run npm run pulumi-cli and ${setup}.`);
      });
    });
  else describe.skip(`${name} (needs the Pulumi CLI and ${setup})`, body);
}

export function describeWithYaml(name: string, body: () => void): void {
  describeWith(YAML_DIR !== undefined, "npm run pulumi-yaml", name, body);
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
  /** A project folder holding `Pulumi.yaml` with `text`, plus a `plugins:` entry for the plugin unless `withPluginEntry` is false. */
  project(text: string, withPluginEntry?: boolean): string;
  stop(): void;
}

export function nativeWorld(): NativeWorld {
  const plugin = pluginFolder();
  const cli = new PulumiCli(CLI_DIR!, {
    PATH: [CLI_DIR, YAML_DIR, path.join(LANGHOSTS_DIR, "bin"), process.env.PATH].join(path.delimiter),
  });
  const projects: string[] = [];
  return {
    cli,
    plugin,
    project(text, withPluginEntry = true) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "langdock-yaml-"));
      projects.push(dir);
      const entry = withPluginEntry ? `plugins:\n  providers:\n    - name: langdock\n      path: ${plugin}\n` : "";
      fs.writeFileSync(path.join(dir, "Pulumi.yaml"), `${text.trimEnd()}\n${entry}`);
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

/** A world and an emulator for one suite: started before its tests, stopped after them. */
export function nativeSuite(): { readonly world: NativeWorld; readonly emulator: LangdockEmulator } {
  const suite = {} as { world: NativeWorld; emulator: LangdockEmulator };
  beforeAll(async () => {
    suite.world = nativeWorld();
    suite.emulator = await LangdockEmulator.start();
  });
  afterAll(async () => {
    await suite.emulator?.close();
    suite.world?.stop();
  });
  return suite;
}
