import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { LangdockEmulator } from "../../provider/emulator";
import { REPO_ROOT } from "../../tooling/installPackage";
import { extractSnippets } from "../../tooling/docs/snippets";
import { TEMPLATE_TSCONFIG } from "../../provider/export/project";
import { cleanEnv, packTarball } from "../layouts/kit";
import { run, type CommandResult } from "../helpers/programRunner";
import { PulumiCli, REQUIRE_CLI_VARIABLE, cliRequired, findPulumiCli } from "../../tooling/pulumiCli";

/**
 * A new user following the README in a fresh folder set up as `pulumi new typescript` does: installs the
 * package from a packed tarball and from a local git clone with the documented commands, deploys the
 * five-minute example to the emulator, and exports the workspace, whose printed steps run as printed.
 * The `pulumi` steps run through `LocalEngine` (the same provider host); where a Pulumi CLI is available
 * (required when LANGDOCK_E2E_REQUIRE_CLI is set), the README's five-minute `pulumi` commands then run
 * verbatim on the real CLI in the tarball's folder.
 */
jest.setTimeout(900_000);

const VERSION = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")).version as string;
const PULUMI_VERSION = require("@pulumi/pulumi/package.json").version as string;
const TYPESCRIPT_VERSION = require("typescript/package.json").version as string;

const sh = (command: string, cwd: string, env: NodeJS.ProcessEnv = {}) =>
  run(
    "sh",
    ["-c", command],
    cwd,
    { ...cleanEnv(), npm_config_prefer_offline: "true", npm_config_audit: "false", npm_config_fund: "false", ...env },
    600_000,
  );

function ok(result: CommandResult, what: string): string {
  if (result.code !== 0) throw new Error(`${what} exited with ${result.code}:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** The commands of a page's `sh` blocks that contain `fragment`, without their comments. */
function documentedCommands(doc: string, fragment: string): string[] {
  return extractSnippets(fs.readFileSync(path.join(REPO_ROOT, doc), "utf8"), doc)
    .filter((s) => s.lang === "sh")
    .flatMap((s) => s.code.split("\n"))
    .filter((line) => line.includes(fragment))
    .map((line) => line.replace(/\s+#.*$/, "").trim());
}

/** The `pulumi …` commands of the README's "Five minutes" section, in order, without their comments. */
function fiveMinuteCommands(): string[] {
  const readme = fs.readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
  const lines = readme.split("\n");
  const start = lines.findIndex((l) => l.startsWith("## Five minutes")) + 1;
  const end = lines.findIndex((l, i) => i >= start && l.startsWith("## "));
  return extractSnippets(readme, "README.md")
    .filter((s) => s.lang === "sh" && s.line > start && s.line < end)
    .flatMap((s) => s.code.split("\n"))
    .map((line) => line.replace(/\s+#.*$/, "").trim())
    .filter((line) => line.startsWith("pulumi "));
}

/** The folder `pulumi new typescript --name langdock-infra` writes, with the README's index.ts. */
function newProject(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: langdock-infra\nruntime:\n  name: nodejs\n  options:\n    packagemanager: npm\n");
  fs.writeFileSync(
    path.join(dir, "package.json"),
    JSON.stringify(
      { name: "langdock-infra", main: "index.ts", devDependencies: { "@types/node": "^20", typescript: TYPESCRIPT_VERSION } },
      null,
      2,
    ),
  );
  fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(TEMPLATE_TSCONFIG, null, 2));
  const index = extractSnippets(fs.readFileSync(path.join(REPO_ROOT, "README.md"), "utf8"), "README.md").find((s) => s.file === "index.ts");
  fs.writeFileSync(path.join(dir, "index.ts"), index!.code);
}

/** Runs `program` (a compiled index.js of the folder) with the installed package: up, then a preview. */
const DRIVER = `const path = require("path");
const { LocalEngine } = require("pulumi-langdock/testing");
const [programFile, url, apiKey] = process.argv.slice(2);
const program = () => {
  delete require.cache[require.resolve(programFile)];
  return require(programFile);
};
(async () => {
  const engine = await LocalEngine.start({
    cwd: process.cwd(), // the program folder: pulumi-langdock resolves from it
    project: "langdock-infra",
    stack: "dev",
    config: { "langdock:apiKey": apiKey, "langdock:baseUrl": url },
    secretConfigKeys: ["langdock:apiKey"],
  });
  try {
    const preview = await engine.preview(program);
    const up = await engine.up(program);
    const again = await engine.preview(program);
    console.log(JSON.stringify({ preview: preview.steps.map((s) => s.op), up: up.steps.map((s) => s.op), again: again.steps.map((s) => s.op), warnings: [...preview.warnings, ...up.warnings], outputs: up.outputs }));
  } finally {
    await engine.stop();
  }
})().catch((e) => { console.error(e); process.exit(1); });
`;

describe("installing as the README says, then deploying and exporting", () => {
  let emulator: LangdockEmulator;
  let tmp: string;
  let tarball: string;
  beforeAll(async () => {
    emulator = await LangdockEmulator.start();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ld-install-"));
    tarball = await packTarball(tmp);
  });
  afterAll(async () => {
    await emulator?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** Compiles the folder's program and runs it through the driver against the emulator. */
  async function deploy(dir: string, programDir = dir) {
    ok(
      await run(
        process.execPath,
        [path.join(dir, "node_modules", "typescript", "bin", "tsc"), "-p", programDir],
        programDir,
        cleanEnv(),
        240_000,
      ),
      "tsc",
    );
    fs.writeFileSync(path.join(programDir, "driver.js"), DRIVER);
    const out = ok(
      await run(
        process.execPath,
        ["driver.js", path.join(programDir, "bin", "index.js"), emulator.url, emulator.apiKey],
        programDir,
        cleanEnv(),
        240_000,
      ),
      "deploy",
    );
    return JSON.parse(out.trim().split("\n").pop()!) as {
      preview: string[];
      up: string[];
      again: string[];
      warnings: string[];
      outputs: Record<string, unknown>;
    };
  }

  it("from the packed tarball: the README's command installs it, the five-minute example deploys, export's printed steps run", async () => {
    const dir = path.join(tmp, "langdock-infra");
    newProject(dir);
    fs.copyFileSync(tarball, path.join(dir, path.basename(tarball)));
    const [install] = documentedCommands("README.md", ".tgz");
    expect(install).toBe(`npm install ./pulumi-langdock-${VERSION}.tgz @pulumi/pulumi@3.248`);
    ok(await sh(install, dir), install);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
    expect(manifest.dependencies).toEqual({
      "pulumi-langdock": `file:pulumi-langdock-${VERSION}.tgz`,
      "@pulumi/pulumi": "3.248",
    });
    expect(require(path.join(dir, "node_modules", "@pulumi", "pulumi", "package.json")).version).toBe(PULUMI_VERSION);

    const deployed = await deploy(dir);
    expect(deployed).toMatchObject({
      preview: ["create", "create", "create"],
      up: ["create", "create", "create"],
      again: ["same", "same", "same"],
    });
    const agentId = deployed.outputs.agentId as string;

    // Export with the installed bin, as the README shows it (key and URL from the environment).
    const env = { LANGDOCK_API_KEY: emulator.apiKey, LANGDOCK_BASE_URL: emulator.url };
    const exported = await sh(`npx pulumi-langdock export --all-integrations --agent ${agentId} --out ./langdock`, dir, env);
    const steps = ok(exported, "export").split("\n");
    expect(exported.stderr).toContain(
      `note: package.json depends on pulumi-langdock file:${path.join(dir, `pulumi-langdock-${VERSION}.tgz`)}`,
    );
    const next = steps
      .slice(steps.indexOf("Next steps:") + 1)
      .map((l) => l.replace(/\s+#.*$/, "").trim())
      .filter(Boolean);
    expect(next[0]).toBe("cd ./langdock && npm install");
    // The first printed step runs as printed; the pulumi steps are stack init, config and preview/up.
    ok(await sh(next[0], dir), next[0]);
    expect(next.slice(1).every((l) => l.startsWith("pulumi "))).toBe(true);
    expect(next.slice(1)).toEqual(expect.arrayContaining(["pulumi stack init <stack>", "pulumi preview", "pulumi up"]));

    const project = path.join(dir, "langdock");
    expect(JSON.parse(fs.readFileSync(path.join(project, "package.json"), "utf8")).dependencies["pulumi-langdock"]).toBe(
      `file:${path.join(dir, `pulumi-langdock-${VERSION}.tgz`)}`,
    );
    emulator.resetLog();
    const adopted = await deploy(project);
    // Every object is adopted: the preview plans no write the up would make, and the up writes nothing.
    expect(adopted.warnings.filter((w) => w.includes("will change"))).toEqual([]);
    expect(emulator.log.filter((e) => e.method !== "GET")).toEqual([]);
    expect(adopted.again.every((op) => op === "same")).toBe(true);
  });

  const CLI_DIR = findPulumiCli();
  const withCli = CLI_DIR ? it : cliRequired() ? it : it.skip;
  withCli(
    `from the packed tarball on the real Pulumi CLI: the README's five-minute commands run verbatim${CLI_DIR || cliRequired() ? "" : " (no Pulumi CLI: npm run pulumi-cli builds one)"}`,
    async () => {
      if (!CLI_DIR)
        throw new Error(
          `${REQUIRE_CLI_VARIABLE} is set but no Pulumi CLI was found: run npm run pulumi-cli and put its folder on PATH (or in PULUMI_CLI_DIR).`,
        );
      const dir = path.join(tmp, "langdock-infra"); // the folder the first test installed the tarball into
      expect(fs.existsSync(path.join(dir, "node_modules", "pulumi-langdock"))).toBe(true);
      const commands = fiveMinuteCommands();
      expect(commands).toEqual([
        "pulumi login --local",
        "pulumi new typescript --yes --name langdock-infra",
        "pulumi stack init dev",
        "pulumi config set --secret langdock:apiKey sk-ld-…",
        "pulumi preview",
        "pulumi up",
        "pulumi up",
        "pulumi config set langdock:baseUrl <the printed LANGDOCK_BASE_URL>",
        "pulumi config set --secret langdock:apiKey <the printed key>",
        "pulumi up",
      ]);
      // `login --local` runs as written; PULUMI_BACKEND_URL (the CLI's temporary file backend) then wins over
      // `file://~`, so no stack lands in the machine's real home.
      const cli = new PulumiCli(CLI_DIR);
      const ids = () => {
        const { integrations, actions, agents } = emulator.snapshot();
        return [...integrations, ...actions, ...agents].map((o) => `${o.name} ${o.id}`);
      };
      const before = ids();
      const pulumi = async (command: string) => {
        // The README's placeholders (`sk-ld-…`, `<the printed key>`) stand for the emulator's values.
        const args = command
          .replace(/(langdock:apiKey) .*$/, `$1 ${emulator.apiKey}`)
          .replace(/(langdock:baseUrl) .*$/, `$1 ${emulator.url}`)
          .split(" ")
          .slice(1);
        emulator.resetLog();
        const { stdout } = await cli.run(dir, args, { timeoutMs: 300_000 });
        return { stdout, writes: emulator.log.filter((e) => e.method !== "GET").map((e) => `${e.method} ${e.path}`) };
      };
      try {
        // `pulumi new` needs the network for its template: the first test wrote the files it writes.
        const offline = commands.filter((c) => !c.startsWith("pulumi new "));
        // The emulator stands in for the account: its URL is set before the first command that calls Langdock.
        const config = offline.filter((c) => c.startsWith("pulumi config set "));
        const setup = offline.filter((c) => !c.startsWith("pulumi preview") && !c.startsWith("pulumi up") && !config.includes(c));
        for (const command of [...setup, ...config]) expect((await pulumi(command)).writes).toEqual([]);
        expect(fs.readFileSync(path.join(dir, "Pulumi.dev.yaml"), "utf8")).not.toContain(emulator.apiKey);

        const [preview, ...ups] = offline.filter((c) => !setup.includes(c) && !config.includes(c));
        expect(preview).toBe("pulumi preview");
        const planned = await pulumi(preview);
        expect(planned.writes).toEqual([]);
        expect(planned.stdout).toMatch(/\+ +pulumi-nodejs:dynamic\/langdock:Integration +crm +create/);
        expect(planned.stdout).toMatch(/\+ +pulumi-nodejs:dynamic\/langdock:Action +get-user +create/);
        expect(planned.stdout).toMatch(/\+ +pulumi-nodejs:dynamic\/langdock:Agent +support +create/);
        expect(planned.stdout).toMatch(/\+ 4 to create/); // the three and the stack
        expect(ids().sort()).toEqual([...before].sort());

        expect(ups).toEqual(["pulumi up", "pulumi up", "pulumi up"]);
        const first = await pulumi(ups[0]);
        expect(first.stdout).toMatch(/\+ 4 created/);
        const created = ids().filter((id) => !before.includes(id));
        expect(created.map((id) => id.split(" ")[0])).toEqual(expect.arrayContaining(["Acme", "Get", "Support"]));
        expect(created).toHaveLength(3);
        const { stdout: agentId } = await cli.run(dir, ["stack", "output", "agentId"]);
        expect(created).toContain(`Support helper ${agentId.trim()}`);
        for (const again of ups.slice(1)) {
          const result = await pulumi(again);
          expect(result.stdout).toMatch(/4 unchanged/);
          expect(result.writes).toEqual([]);
        }
        expect(ids().sort()).toEqual([...before, ...created].sort());

        // Langdock deletes actions; it cannot delete integrations or agents: destroy marks them removed and says so.
        const destroyed = await pulumi("pulumi destroy");
        expect(destroyed.stdout).toMatch(/- 4 deleted/);
        expect(destroyed.stdout).toContain("Langdock has no API to delete or list agents");
        const left = emulator.snapshot();
        const mine = (objects: any[]) => objects.filter((o) => created.includes(`${o.name} ${o.id}`));
        expect(mine(left.actions)).toEqual([]);
        expect(mine(left.agents)).toEqual([
          expect.objectContaining({ disabled: true, description: expect.stringContaining("[removed by Pulumi]") }),
        ]);
        expect(mine(left.integrations)).toEqual([expect.objectContaining({ description: expect.stringContaining("[removed by Pulumi]") })]);
      } finally {
        cli.remove();
      }
    },
  );

  it("from a local git clone: the documented git+file command builds and installs it, and the example deploys", async () => {
    const clone = path.join(tmp, "clone");
    ok(await run("git", ["clone", "--quiet", REPO_ROOT, clone], tmp, cleanEnv(), 120_000), "git clone");
    const dir = path.join(tmp, "from-git");
    newProject(dir);
    const [install] = documentedCommands("docs/guides/your-own-project.md", "git+file://");
    expect(install).toBe('npm install "git+file:///path/to/pulumi-langdock" @pulumi/pulumi@3.248');
    const command = install.replace("/path/to/pulumi-langdock", clone);
    ok(await sh(command, dir), command);
    expect(fs.existsSync(path.join(dir, "node_modules", "pulumi-langdock", "dist", "index.js"))).toBe(true);
    const deployed = await deploy(dir);
    expect(deployed.up).toEqual(["create", "create", "create"]);
    expect(deployed.again).toEqual(["same", "same", "same"]);
  });
});
