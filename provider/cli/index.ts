#!/usr/bin/env node
/**
 * The package's command, `pulumi-langdock`: `export` writes a Pulumi program that adopts an existing
 * Langdock workspace; `emulator` starts the local Langdock API emulator.
 */
import { runExport } from "../export";
import { USAGE as EMULATOR_USAGE, main as runEmulator } from "../emulator/cli";

export const HELP = `Usage: pulumi-langdock <command> [options]

Commands:
  export     write a Pulumi program that takes over existing Langdock objects (adoptId)
  emulator   start a local, in-memory Langdock API emulator for tests and demos

Run pulumi-langdock <command> --help for the options of a command.`;

export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "export":
      return runExport(rest);
    case "emulator":
      if (rest.includes("--help") || rest.includes("-h")) {
        console.log(EMULATOR_USAGE);
        return 0;
      }
      runEmulator(rest);
      return 0;
    case undefined:
    case "help":
    case "--help":
    case "-h":
      console.log(HELP);
      return command === undefined ? 2 : 0;
    default:
      console.error(`pulumi-langdock: unknown command ${JSON.stringify(command)}; run pulumi-langdock --help.`);
      return 2;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
