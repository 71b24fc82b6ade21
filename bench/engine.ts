/**
 * The real-engine section: `pulumi up`, `pulumi refresh` and `pulumi destroy` of N actions through the real
 * Pulumi CLI (what `npm run pulumi-cli` provides), the package against the hand-written inline provider
 * (baseline.ts, the same provider written into the program), in paired rounds through the same CLI and the
 * same emulator latency. Each round runs both contenders back to back, in alternating order; each contender
 * gets a fresh stack and a fresh integration (created over HTTP, outside the measured runs).
 */
import * as fs from "fs";
import * as path from "path";
import type { LangdockEmulator } from "../provider/testing";
import { PulumiCli, findPulumiCli } from "../tooling/pulumiCli";
import { LATENCY_MS, type Modules } from "./common";
import { fmtMs, fmtRatio, markdownTable } from "./report";
import { fmtSpread, spread, type Spread } from "./stats";
import { baselineActionProvider, type Contender, CONTENDERS } from "./baseline";

export const ENGINE_OPS = ["up", "refresh", "destroy"] as const;
export type EngineOp = (typeof ENGINE_OPS)[number];

export interface EngineCell {
  n: number;
  op: EngineOp;
  /** Wall time of the CLI command, per contender, one value per round. */
  ms: Record<Contender, number[]>;
  /** package / baseline, per round. */
  ratios: number[];
}

export interface EngineResult {
  cliVersion: string;
  rounds: number;
  cells: EngineCell[];
}

const PROGRAMS: Record<Contender, string> = {
  package: `const pulumi = require("@pulumi/pulumi");
const { Action } = require("pulumi-langdock");
const config = new pulumi.Config();
const integrationId = config.require("integrationId");
for (let i = 0; i < config.requireNumber("actions"); i++)
  new Action("a" + i, { integrationId, name: "Action " + i, description: "Benchmark action", code: "return { ok: true };" });
`,
  // The inline provider of baseline.ts, as a user writes it in the program (its method text, verbatim).
  baseline: `const pulumi = require("@pulumi/pulumi");
async function langdock(method, path, data) {
  const axios = require("axios");
  const response = await axios({ method, url: process.env.LANGDOCK_BASE_URL + path, data, headers: { Authorization: "Bearer " + process.env.LANGDOCK_API_KEY } });
  return response.data;
}
const provider = {
${Object.values(baselineActionProvider)
  .map((method) => `  ${String(method)},`)
  .join("\n")}
};
class BaselineAction extends pulumi.dynamic.Resource {
  constructor(name, args) { super(provider, name, args); }
}
const config = new pulumi.Config();
const integrationId = config.require("integrationId");
for (let i = 0; i < config.requireNumber("actions"); i++)
  new BaselineAction("a" + i, { integrationId, name: "Action " + i, description: "Benchmark action", code: "return { ok: true };" });
`,
};

async function createIntegration(emulator: LangdockEmulator, name: string): Promise<string> {
  const res = await fetch(`${emulator.url}/integrations/v1/create`, {
    method: "POST",
    headers: { Authorization: `Bearer ${emulator.apiKey}`, "Content-Type": "application/json" },
    body: JSON.stringify({ name }),
  });
  return ((await res.json()) as { integration: { id: string } }).integration.id;
}

/** Undefined when no CLI is available (the section is then skipped with a note). */
export async function measureRealEngine(
  m: Modules,
  options: { sizes: number[]; rounds: number; log: (line?: string) => void },
): Promise<EngineResult | undefined> {
  const cliDir = findPulumiCli();
  if (!cliDir) {
    options.log("  skipped: no Pulumi CLI (npm run pulumi-cli builds one)");
    return undefined;
  }
  const emulator = await m.testing.LangdockEmulator.start({ latencyMs: LATENCY_MS });
  const cli = new PulumiCli(cliDir, { LANGDOCK_BASE_URL: emulator.url, LANGDOCK_API_KEY: emulator.apiKey });
  const dirs = Object.fromEntries(
    CONTENDERS.map((c) => {
      const dir = path.join(m.dir, `bench-engine-${c}`);
      fs.rmSync(dir, { recursive: true, force: true });
      fs.mkdirSync(dir);
      fs.writeFileSync(
        path.join(dir, "Pulumi.yaml"),
        `name: bench-${c}\nruntime:\n  name: nodejs\n  options:\n    typescript: false\nmain: index.js\n`,
      );
      fs.writeFileSync(path.join(dir, "index.js"), PROGRAMS[c]);
      return [c, dir];
    }),
  ) as Record<Contender, string>;
  try {
    const cliVersion = (await cli.run(dirs.package, ["version"])).stdout.trim();
    const cells: EngineCell[] = options.sizes.flatMap((n) =>
      ENGINE_OPS.map((op) => ({ n, op, ms: { package: [], baseline: [] }, ratios: [] })),
    );
    for (const n of options.sizes) {
      for (let round = 0; round < options.rounds; round++) {
        const order = round % 2 === 0 ? CONTENDERS : [...CONTENDERS].reverse();
        const times: Record<Contender, Record<EngineOp, number>> = {
          package: { up: 0, refresh: 0, destroy: 0 },
          baseline: { up: 0, refresh: 0, destroy: 0 },
        };
        for (const contender of order) {
          const dir = dirs[contender];
          const stack = `n${n}-r${round}`;
          await cli.run(dir, ["stack", "init", stack]);
          await cli.run(dir, ["config", "set", "--secret", "langdock:apiKey", emulator.apiKey]);
          await cli.run(dir, ["config", "set", "langdock:baseUrl", emulator.url]);
          const integrationId = await createIntegration(emulator, `Bench ${contender} ${stack}`);
          await cli.run(dir, ["config", "set", "integrationId", integrationId]);
          await cli.run(dir, ["config", "set", "actions", String(n)]);
          for (const op of ENGINE_OPS) {
            const started = Date.now();
            await cli.run(dir, [op, "--yes", "--skip-preview"], { timeoutMs: 1_800_000 });
            times[contender][op] = Date.now() - started;
            // Both contenders must have done the same work: N actions after up, none after destroy.
            const live = emulator
              .snapshot()
              .actions.filter((a) => a.name.startsWith("Action ") && a.integrationId === integrationId).length;
            const expected = op === "destroy" ? 0 : n;
            if (live !== expected) throw new Error(`${contender} ${op} of ${n} actions left ${live} actions in Langdock`);
          }
          await cli.run(dir, ["stack", "rm", "--yes", stack]);
        }
        for (const op of ENGINE_OPS) {
          const cell = cells.find((c) => c.n === n && c.op === op)!;
          for (const c of CONTENDERS) cell.ms[c].push(times[c][op]);
          cell.ratios.push(times.package[op] / times.baseline[op]);
        }
        options.log(
          `  N = ${n}, round ${round + 1}: ` +
            ENGINE_OPS.map((op) => `${op} ${fmtMs(times.package[op])} vs ${fmtMs(times.baseline[op])}`).join(", "),
        );
      }
    }
    return { cliVersion, rounds: options.rounds, cells };
  } finally {
    await emulator.close();
    cli.remove();
    for (const dir of Object.values(dirs)) fs.rmSync(dir, { recursive: true, force: true });
  }
}

function row(cell: EngineCell): string[] {
  const pkg: Spread = spread(cell.ms.package);
  return [
    String(cell.n),
    `pulumi ${cell.op}`,
    fmtSpread(pkg, fmtMs),
    fmtSpread(spread(cell.ms.baseline), fmtMs),
    fmtSpread(spread(cell.ratios), fmtRatio),
    fmtMs(pkg.median / cell.n),
  ];
}

const HEADER = ["N actions", "command", "package: median (min–max)", "inline provider", "ratio package / inline", "package per resource"];
const RIGHT = [true, false, true, true, true, true];

export function engineTable(result: EngineResult): [string[], string[][], boolean[]] {
  return [HEADER, result.cells.map(row), RIGHT];
}

const BEGIN = "<!-- real-engine:begin -->";
const END = "<!-- real-engine:end -->";

export function engineMarkdown(result: EngineResult, note: string | null): string {
  return [
    BEGIN,
    "## On the real Pulumi engine",
    "",
    `\`pulumi up\`, \`pulumi refresh\` and \`pulumi destroy\` (each with \`--yes --skip-preview\`) of N actions with the real Pulumi CLI (${result.cliVersion}, local file backend), ` +
      `the package against the hand-written inline provider, in ${result.rounds} paired rounds (alternating order) through the same CLI and the emulator at ${LATENCY_MS} ms per request. ` +
      "Wall time of the whole command, program start-up and state writes included.",
    ...(note ? ["", note] : []),
    "",
    markdownTable(...engineTable(result)),
    END,
    "",
  ].join("\n");
}

/** Puts the real-engine block into `file`, replacing an earlier one; `block` undefined keeps the earlier one. */
export function upsertEngineBlock(file: string, block: string | undefined, previous: string | undefined): void {
  const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  const kept = block ?? previous;
  if (!kept) return;
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  const without = start >= 0 && end > start ? text.slice(0, start) + text.slice(end + END.length + 1) : text;
  fs.writeFileSync(file, `${without.trimEnd()}\n\n${kept}`);
}

/** The real-engine block a file holds, if any. */
export function engineBlockOf(file: string): string | undefined {
  if (!fs.existsSync(file)) return undefined;
  const text = fs.readFileSync(file, "utf8");
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  return start >= 0 && end > start ? text.slice(start, end + END.length) + "\n" : undefined;
}
