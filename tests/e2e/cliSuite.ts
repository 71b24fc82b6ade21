import * as fs from "fs";
import * as path from "path";
import { LangdockEmulator, type EmulatorOptions } from "../../provider/emulator";
import { PulumiCli, REQUIRE_CLI_VARIABLE, cliRequired, findPulumiCli, type CliResult } from "../../tooling/pulumiCli";

export const REPO_ROOT = path.resolve(__dirname, "..", "..");
export const CLI_DIR = findPulumiCli();

/**
 * `describe` for a suite on the real Pulumi CLI: skipped (with a note) without one, unless the
 * environment requires it (CI sets LANGDOCK_E2E_REQUIRE_CLI after `npm run pulumi-cli`): then a
 * missing CLI is a failing test.
 */
export function describeWithCli(name: string, body: () => void): void {
  if (CLI_DIR) {
    describe(name, body);
  } else if (cliRequired()) {
    describe(name, () => {
      it("has a Pulumi CLI", () => {
        throw new Error(
          `${REQUIRE_CLI_VARIABLE} is set but no Pulumi CLI was found: run npm run pulumi-cli and put its folder on PATH (or in PULUMI_CLI_DIR).`,
        );
      });
    });
  } else {
    describe.skip(`${name} (no Pulumi CLI: npm run pulumi-cli builds one)`, body);
  }
}

/** An emulator and a CLI with its own HOME and backend, torn down together. */
export interface CliWorld {
  emulator: LangdockEmulator;
  cli: PulumiCli;
  /** Requests that change something in Langdock since the last `emulator.resetLog()`. */
  writes(): string[];
  /**
   * `pulumi stack init <stack>` in `dir` and the provider's config as the docs give it (the API key as a
   * secret, the emulator as the base URL); returns `pulumi …` for that folder.
   */
  initStack(dir: string, stack: string, env?: Record<string, string>): Promise<(...args: string[]) => Promise<CliResult>>;
  stop(): Promise<void>;
}

export async function startWorld(options: EmulatorOptions = {}): Promise<CliWorld> {
  const emulator = await LangdockEmulator.start(options);
  const cli = new PulumiCli(CLI_DIR!);
  return {
    emulator,
    cli,
    writes: () => emulator.log.filter((e) => e.method !== "GET").map((e) => `${e.method} ${e.path}`),
    async initStack(dir, stack, env = {}) {
      const pulumi = (...args: string[]) => cli.run(dir, args, { env });
      await pulumi("stack", "init", stack);
      await pulumi("config", "set", "--secret", "langdock:apiKey", emulator.apiKey);
      await pulumi("config", "set", "langdock:baseUrl", emulator.url);
      return pulumi;
    },
    async stop() {
      await emulator.close();
      cli.remove();
    },
  };
}

/** Removes the stack settings file a test created in a project folder of the repo. */
export function removeStackFile(projectDir: string, stack: string): void {
  fs.rmSync(path.join(projectDir, `Pulumi.${stack}.yaml`), { force: true });
}
