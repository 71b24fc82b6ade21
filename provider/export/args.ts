import { UsageError } from "../errors";
/** Command-line flags of `pulumi-langdock export`. */
export interface ExportArgs {
  integrations: string[];
  allIntegrations: boolean;
  agents: string[];
  skills: string[];
  allSkills: boolean;
  out?: string;
  /** Where to write an import file for `pulumi import --file` (the native plugin's import), besides the project. */
  importFile?: string;
  apiKey?: string;
  baseUrl?: string;
  /** The project's dependency spec for pulumi-langdock (default: how the running copy was installed). */
  packageSpec?: string;
  help: boolean;
}

export const EXPORT_HELP = `Usage: pulumi-langdock export [--integration <id>]... [--all-integrations] [--agent <id>]...
                              [--skill <id>]... [--all-skills] --out <dir>

Reads integrations (with their actions and triggers), agents and skills from Langdock and writes a Pulumi
TypeScript program into <dir> that takes them over with adoptId: its first \`pulumi up\` creates
nothing and changes nothing in Langdock.

Options:
  --integration <id>    an integration to export, with its actions and triggers (repeatable)
  --all-integrations    every integration the API key can see, except those an earlier pulumi destroy
                        marked "[removed by Pulumi]" (pass their id with --integration to include them)
  --agent <id>          an agent to export (repeatable; Langdock cannot list agents)
  --skill <id>          a skill to export (repeatable)
  --all-skills          every skill the API key can see
  --out <dir>           folder to write the project into; must be new or empty
  --import-file <file>  also write the objects as an import file for the native plugin:
                        pulumi import --file <file> (Python, Go, YAML … programs)
  --api-key <key>       Langdock API key (default: LANGDOCK_API_KEY; prefer the variable, a flag
                        ends up in your shell history)
  --base-url <url>      Langdock API base URL (default: LANGDOCK_BASE_URL, else https://api.langdock.com)
  --package <spec>      how the project's package.json depends on pulumi-langdock, e.g. ^0.2.0, a
                        tarball path or a git URL (default: the way this copy was installed)
  -h, --help            show this help

Example:
  LANGDOCK_API_KEY=sk-ld-… npx pulumi-langdock export --all-integrations --agent 7d0f… --out ./langdock`;

/** A mistake in the command line: the message is one sentence, the usage follows it. */
export { UsageError };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseExportArgs(argv: readonly string[]): ExportArgs {
  const args: ExportArgs = { integrations: [], allIntegrations: false, agents: [], skills: [], allSkills: false, help: false };
  const rest = [...argv];
  while (rest.length > 0) {
    const token = rest.shift() as string;
    const [flag, inline] =
      token.startsWith("--") && token.includes("=")
        ? [token.slice(0, token.indexOf("=")), token.slice(token.indexOf("=") + 1)]
        : [token, undefined];
    const value = (): string => {
      const v = inline ?? rest.shift();
      if (v === undefined || v === "" || (inline === undefined && v.startsWith("--"))) throw new UsageError(`${flag} needs a value.`);
      return v;
    };
    switch (flag) {
      case "-h":
      case "--help":
        args.help = true;
        break;
      case "--all-integrations":
        args.allIntegrations = true;
        break;
      case "--integration":
        args.integrations.push(uuid(flag, value()));
        break;
      case "--agent":
        args.agents.push(uuid(flag, value()));
        break;
      case "--skill":
        args.skills.push(uuid(flag, value()));
        break;
      case "--all-skills":
        args.allSkills = true;
        break;
      case "--out":
        args.out = value();
        break;
      case "--import-file":
        args.importFile = value();
        break;
      case "--api-key":
        args.apiKey = value();
        break;
      case "--base-url":
        args.baseUrl = value();
        break;
      case "--package":
        args.packageSpec = value();
        break;
      default:
        throw new UsageError(`Unknown argument ${JSON.stringify(flag)}; run pulumi-langdock export --help for the options.`);
    }
  }
  if (args.help) return args;
  if (!args.out) throw new UsageError("--out <dir> is required: the folder to write the Pulumi project into.");
  if (args.integrations.length === 0 && !args.allIntegrations && args.agents.length === 0 && args.skills.length === 0 && !args.allSkills) {
    throw new UsageError("Nothing to export: pass --integration <id>, --all-integrations, --agent <id>, --skill <id> or --all-skills.");
  }
  args.integrations = [...new Set(args.integrations)];
  args.agents = [...new Set(args.agents)];
  args.skills = [...new Set(args.skills)];
  return args;
}

function uuid(flag: string, value: string): string {
  if (!UUID.test(value)) throw new UsageError(`${flag} expects a Langdock id (a UUID such as 7d0f3c1e-…), got ${JSON.stringify(value)}.`);
  return value;
}
