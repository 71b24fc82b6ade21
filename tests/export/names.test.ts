import * as fs from "fs";
import * as path from "path";
import { LangdockEmulator } from "../../provider/emulator";
import { runExport } from "../../provider/export";
import { Names } from "../../provider/export/names";
import { installPackage } from "../../tooling/installPackage";
import { runProject } from "../helpers/programRunner";
import { runNode } from "./cli";

jest.setTimeout(180_000);

/**
 * Objects named like what a written program has at module scope: its own identifiers (`ids`, `config`,
 * `pulumi`, `codeFromFile`), CommonJS' (`exports`, `require`, `module`, `__dirname`), reserved words and
 * globals the compiled code calls. The exported program type-checks with tsc and loads under Pulumi's
 * program runner (its vendored ts-node, type-checking) with every resource registered.
 */
const INTEGRATIONS = [
  "IDs",
  "Require",
  "exports",
  "Module",
  "__dirname",
  "__filename",
  "Object",
  "pulumi",
  "Config",
  "Code from file",
  "Integration",
  "class",
  "await",
  "Promise",
  "process",
  "Ids 2",
];
const ACTIONS = ["require", "module", "exports"];
const AGENTS = ["exports", "Module", "IDs"];

describe("Names", () => {
  it("keeps variables away from reserved words, module-scope identifiers and the program's own names", () => {
    const names = new Names();
    const variables = [...INTEGRATIONS, "ids", "Ids 2"].map((n) => names.take(n, "integration").variable);
    expect(variables).toEqual([
      "idsIntegration",
      "requireIntegration",
      "exportsIntegration",
      "moduleIntegration",
      "dirname",
      "filename",
      "object",
      "pulumiIntegration",
      "configIntegration",
      "codeFromFileIntegration",
      "integration",
      "classIntegration",
      "awaitIntegration",
      "promise",
      "processIntegration",
      "ids2",
      "idsIntegration2",
      "ids22",
    ]);
    expect(new Set(variables).size).toBe(variables.length);
  });
});

describe("an export of objects named like module-scope identifiers", () => {
  let emulator: LangdockEmulator;
  let out: string;
  beforeAll(async () => {
    emulator = await LangdockEmulator.start();
    const call = async (method: string, route: string, body: unknown) => {
      const res = await fetch(emulator.url + route, {
        method,
        headers: { Authorization: `Bearer ${emulator.apiKey}`, "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${route}: HTTP ${res.status} ${await res.text()}`);
      return (await res.json()) as Record<string, { id: string }>;
    };
    const ids: string[] = [];
    for (const name of INTEGRATIONS) ids.push((await call("POST", "/integrations/v1/create", { name })).integration!.id);
    for (const name of ACTIONS) await call("POST", `/integrations/v1/${ids[0]}/actions/create`, { name, code: "return 1;" });
    const agents: string[] = [];
    for (const name of AGENTS) agents.push((await call("POST", "/agent/v1/create", { name })).agent!.id);
    out = path.join(installPackage(), "exported-names");
    fs.rmSync(out, { recursive: true, force: true });
    const io = { out: () => undefined, err: () => undefined, env: {} };
    const args = ["--all-integrations", ...agents.flatMap((a) => ["--agent", a]), "--out", out];
    expect(await runExport([...args, "--api-key", emulator.apiKey, "--base-url", emulator.url], io)).toBe(0);
  });
  afterAll(() => emulator?.close());

  it("type-checks with tsc and the template's settings", async () => {
    await runNode([require.resolve("typescript/bin/tsc"), "-p", "tsconfig.json", "--noEmit"], out);
  });

  it("loads under Pulumi's program runner (ts-node) and registers every object", async () => {
    const project = /^name:\s*(\S+)/m.exec(fs.readFileSync(path.join(out, "Pulumi.yaml"), "utf8"))![1];
    const result = await runProject(out, { project });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const types = result.registered.map((r) => r.type);
    expect(types.filter((t) => t.endsWith(":Integration"))).toHaveLength(INTEGRATIONS.length);
    expect(types.filter((t) => t.endsWith(":Action"))).toHaveLength(ACTIONS.length);
    expect(types.filter((t) => t.endsWith(":Agent"))).toHaveLength(AGENTS.length);
  });
});
