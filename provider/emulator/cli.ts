#!/usr/bin/env node
/**
 * Standalone Langdock API emulator (`npm run emulator`). Prints `LANGDOCK_BASE_URL=…` and
 * `LANGDOCK_API_KEY=…` as its first two lines, then a hint, then one line per request on stderr;
 * runs until SIGINT/SIGTERM.
 */
import { LangdockEmulator } from "./server";
import type { EmulatorOptions, RequestLogEntry } from "./types";

export const USAGE =
  "Usage: emulator [--port N] [--host H] [--latency MS] [--base-path /api/public] [--key sk-ld-...]\n" +
  "                [--models a,b,c] [--integration-detail live|full|summary] [--knowledge-base NAME]... [--quiet]";

export interface CliOptions {
  options: EmulatorOptions;
  quiet: boolean;
  /** Knowledge bases to create at start (Langdock's API cannot create them), shared with the key as Editor. */
  knowledgeBases: string[];
}

/** Parses the flags; throws an Error (with the usage) on anything unknown or malformed. */
export function parseArgs(argv: string[]): CliOptions {
  const options: EmulatorOptions = {};
  let quiet = false;
  const knowledgeBases: string[] = [];
  const args = [...argv];
  while (args.length > 0) {
    const flag = args.shift() as string;
    if (flag === "--quiet") {
      quiet = true;
      continue;
    }
    const value = args.shift();
    if (value === undefined) throw new Error(`Missing value for ${flag}\n${USAGE}`);
    switch (flag) {
      case "--port":
        options.port = nonNegativeInt(flag, value);
        break;
      case "--latency":
        options.latencyMs = nonNegativeInt(flag, value);
        break;
      case "--host":
        options.host = value;
        break;
      case "--base-path":
        options.basePath = value;
        break;
      case "--key":
        options.apiKey = value;
        break;
      case "--models":
        options.models = value
          .split(",")
          .map((m) => m.trim())
          .filter(Boolean);
        break;
      case "--knowledge-base":
        knowledgeBases.push(value);
        break;
      case "--integration-detail":
        if (value !== "live" && value !== "full" && value !== "summary") throw new Error(`${flag} must be live, full or summary\n${USAGE}`);
        options.integrationDetail = value;
        break;
      default:
        throw new Error(`Unknown argument ${flag}\n${USAGE}`);
    }
  }
  return { options, quiet, knowledgeBases };
}

function nonNegativeInt(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${flag} expects a non-negative integer, got '${value}'\n${USAGE}`);
  return n;
}

export function formatEntry(e: RequestLogEntry): string {
  const query = new URLSearchParams(e.query).toString();
  const fault = e.fault ? ` [${e.fault}]` : "";
  return `${e.method} ${e.path}${query ? `?${query}` : ""} -> ${e.status || "dropped"} (${e.durationMs} ms)${fault}`;
}

/** Starts an emulator and prints the connection lines; the caller owns (and closes) the result. */
export async function runCli(
  argv: string[],
  out: (line: string) => void = console.log,
  err: (line: string) => void = console.error,
): Promise<LangdockEmulator> {
  const { options, quiet, knowledgeBases } = parseArgs(argv);
  const emulator = await LangdockEmulator.start({
    ...options,
    onRequest: quiet ? undefined : (entry) => err(formatEntry(entry)),
  });
  out(`LANGDOCK_BASE_URL=${emulator.url}`);
  out(`LANGDOCK_API_KEY=${emulator.apiKey}`);
  out(
    "# Langdock API emulator running (in-memory, state is lost on exit). Export the two lines above" +
      " for the provider or your scripts; stop with Ctrl+C.",
  );
  for (const name of knowledgeBases) out(`# knowledge base "${name}": ${emulator.createKnowledgeBase({ name })}`);
  return emulator;
}

/** Runs the emulator until SIGINT/SIGTERM (`npm run emulator`, `npx pulumi-langdock emulator`). */
export function main(argv: string[]): void {
  runCli(argv).then(
    (emulator) => {
      const stop = () => void emulator.close().then(() => process.exit(0));
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(2);
    },
  );
}

if (require.main === module) main(process.argv.slice(2));
