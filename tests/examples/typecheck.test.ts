import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as os from "os";
import { installPackageAt } from "../../tooling/installPackage";
import { run, type CommandResult } from "../helpers/programRunner";
import { TEMPLATE_TSCONFIG } from "../layouts/kit";

const root = path.join(__dirname, "..", "..");
const tsc = require.resolve("typescript/bin/tsc");

/** Runs tsc; throws (failing the test) with the compiler's output on any error. */
function typecheck(project: string): void {
  try {
    execFileSync(process.execPath, [tsc, "-p", project, "--noEmit"], { cwd: path.dirname(project), encoding: "utf8", timeout: 120_000 });
  } catch (e) {
    const { stdout, stderr } = e as { stdout?: string; stderr?: string };
    throw new Error(`tsc -p ${project} failed:\n${stdout ?? ""}${stderr ?? ""}`);
  }
}

describe("examples", () => {
  it("type-check against the built package, as a user's program would", () => {
    typecheck(path.join(root, "examples", "tsconfig.json"));
  });
});

/**
 * A user's program importing the package's public entry points (`pulumi-langdock` and
 * `pulumi-langdock/testing`) from the installed copy (under node_modules, with its package.json), with
 * the library checks a user gets, type-checks under each `moduleResolution`: `node` (Pulumi's
 * `pulumi new typescript` template; subpaths resolve through `typesVersions`), `node16`, `nodenext`
 * (through `exports`) and `bundler`.
 */
describe("a user's program, under each moduleResolution", () => {
  const PROGRAM = `import * as pulumi from "@pulumi/pulumi";
import { Action, Agent, Attachment, Integration, KnowledgeDirectory, codeFromFile, getKnowledgeBases } from "pulumi-langdock";
import { LangdockEmulator, LocalEngine, runAction, type ProviderHostOptions } from "pulumi-langdock/testing";

const integration = new Integration("crm", { name: "CRM" });
const action: Action = new Action("find", { integrationId: integration.id, name: "Find", code: "return 1;" });
const options: Pick<ProviderHostOptions, "cwd"> = { cwd: "." };
const handbook = new Attachment("handbook", { file: "handbook.md" });
const docs = new KnowledgeDirectory("docs", { folderId: "kb", path: "docs", include: ["**/*.md"] });
new Agent("agent", { name: "A", attachments: [handbook.id], knowledgeFolderIds: ["kb"] }, { dependsOn: [docs] });
export const used = [pulumi.output(action.id), LangdockEmulator, LocalEngine, runAction, codeFromFile, options, getKnowledgeBases];
`;
  const settings: Record<string, object> = {
    "node (Pulumi's TypeScript template)": TEMPLATE_TSCONFIG.compilerOptions,
    // The template's run checks every library's declarations as a user's would; these check resolution.
    node16: { strict: true, skipLibCheck: true, target: "es2022", module: "node16", moduleResolution: "node16" },
    nodenext: { strict: true, skipLibCheck: true, target: "es2022", module: "nodenext", moduleResolution: "nodenext" },
    bundler: { strict: true, skipLibCheck: true, target: "es2022", module: "esnext", moduleResolution: "bundler" },
  };
  const results: Record<string, CommandResult> = {};
  let dir: string | undefined;

  // The four compilations run side by side.
  beforeAll(async () => {
    // Outside the repo, so nothing but the installed copy can resolve `pulumi-langdock`.
    const program = installPackageAt(fs.mkdtempSync(path.join(os.tmpdir(), "ld-typecheck-")));
    dir = program;
    fs.writeFileSync(path.join(program, "index.ts"), PROGRAM);
    await Promise.all(
      Object.entries(settings).map(async ([name, compilerOptions]) => {
        const project = path.join(program, `tsconfig.${name.split(" ")[0]}.json`);
        fs.writeFileSync(project, JSON.stringify({ compilerOptions: { ...compilerOptions, noEmit: true }, files: ["index.ts"] }, null, 2));
        results[name] = await run(process.execPath, [tsc, "-p", project], program, process.env, 240_000);
      }),
    );
  }, 300_000);
  afterAll(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  it.each(Object.keys(settings))("%s", (name) => {
    const { code, stdout, stderr } = results[name];
    expect(`${stdout}${stderr}`).toBe("");
    expect(code).toBe(0);
  });
});
