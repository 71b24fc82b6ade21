import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { LangdockEmulator } from "../../provider/emulator";
import { REPO_ROOT } from "../../tooling/installPackage";
import { CLI, runCli } from "./cli";

jest.setTimeout(60_000);

describe("pulumi-langdock (the package's bin)", () => {
  let emulator: LangdockEmulator;
  let integrationId: string;
  let tmp: string;
  beforeAll(async () => {
    emulator = await LangdockEmulator.start();
    const res = await fetch(`${emulator.url}/integrations/v1/create`, {
      method: "POST",
      headers: { Authorization: `Bearer ${emulator.apiKey}`, "Content-Type": "application/json" },
      body: JSON.stringify({ name: "CRM" }),
    });
    integrationId = ((await res.json()) as { integration: { id: string } }).integration.id;
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "langdock-export-"));
  });
  afterAll(async () => {
    await emulator?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  const env = () => ({ LANGDOCK_API_KEY: emulator.apiKey, LANGDOCK_BASE_URL: emulator.url });
  const missing = "99999999-9999-4999-8999-999999999999";

  it("is declared as `bin` and shipped with a node shebang", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8"));
    expect(manifest.bin).toEqual({ "pulumi-langdock": "dist/cli/index.js", "pulumi-resource-langdock": "dist/native/main.js" });
    expect(manifest.files).toContain("dist/**/*.js");
    expect(fs.readFileSync(CLI, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
  });

  it("--help lists the commands; export --help its options", async () => {
    const top = await runCli(["--help"]);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain("export     write a Pulumi program");
    expect(top.stdout).toContain("emulator   start a local");
    const help = await runCli(["export", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--integration <id>");
    expect(help.stdout).toContain("--all-integrations");
    const unknown = await runCli(["exprot"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('pulumi-langdock: unknown command "exprot"; run pulumi-langdock --help.\n');
  });

  it.each([
    [["--all-integrations"], "--out <dir> is required: the folder to write the Pulumi project into."],
    [["--out", "x"], "Nothing to export: pass --integration <id>, --all-integrations, --agent <id>, --skill <id> or --all-skills."],
    [["--integration", "crm", "--out", "x"], '--integration expects a Langdock id (a UUID such as 7d0f3c1e-…), got "crm".'],
    [["--agent"], "--agent needs a value."],
    [["--colour", "red"], 'Unknown argument "--colour"; run pulumi-langdock export --help for the options.'],
  ])("a bad command line %j exits 2 with one sentence", async (args, message) => {
    const result = await runCli(["export", ...args], env());
    expect(result).toEqual({ code: 2, stdout: "", stderr: `pulumi-langdock export: ${message}\n` });
  });

  it("without a key it says where the key comes from", async () => {
    const result = await runCli(["export", "--all-integrations", "--out", path.join(tmp, "nokey")], { LANGDOCK_BASE_URL: emulator.url });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("pulumi-langdock export: No Langdock API key: set LANGDOCK_API_KEY (or pass --api-key).\n");
  });

  it("a wrong key is HTTP 401 in one sentence, never echoing the key; nothing is written", async () => {
    const out = path.join(tmp, "wrong-key");
    const wrongKey = "sk-ld-not-the-right-one-123456";
    const result = await runCli(["export", "--integration", integrationId, "--out", out], { ...env(), LANGDOCK_API_KEY: wrongKey });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /\npulumi-langdock export: Langdock rejected the API key \(HTTP 401(: [^)]+)?\); check LANGDOCK_API_KEY \(or --api-key\) and that LANGDOCK_BASE_URL \(or --base-url\) points at your workspace's API\.\n$/,
    );
    expect(result.stdout + result.stderr).not.toContain(wrongKey);
    expect(fs.existsSync(out)).toBe(false);
  });

  it("an unknown integration or agent id is HTTP 404 naming the id; nothing is written", async () => {
    const out = path.join(tmp, "unknown");
    const integration = await runCli(["export", "--integration", integrationId, "--integration", missing, "--out", out], env());
    expect(integration.code).toBe(1);
    expect(integration.stderr).toMatch(
      new RegExp(
        `pulumi-langdock export: Integration ${missing} does not exist in this Langdock workspace \\(HTTP 404(: [^)]+)?\\); check the id\\.\\n$`,
      ),
    );
    const agent = await runCli(["export", "--agent", missing, "--out", out], env());
    expect(agent.stderr).toMatch(
      new RegExp(
        `pulumi-langdock export: Agent ${missing} does not exist in this Langdock workspace \\(HTTP 404(: [^)]+)?\\); check the id and that the agent is shared with this API key\\.\\n$`,
      ),
    );
    expect(fs.existsSync(out)).toBe(false);
  });

  it("a base URL that is not Langdock's API says so", async () => {
    const result = await runCli(["export", "--all-integrations", "--out", path.join(tmp, "wrong-url")], {
      ...env(),
      LANGDOCK_BASE_URL: `${emulator.url}/not-the-api`,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /pulumi-langdock export: Langdock's API did not answer GET \/integrations\/v1\/get \(HTTP 404\), so LANGDOCK_BASE_URL \(or --base-url\) does not point at Langdock's public API; set it to https:\/\/api\.langdock\.com or https:\/\/<deployment>\/api\/public\.\n$/,
    );
  });

  it("an unreachable base URL names export's own flags, never langdock:baseUrl or pulumi up", async () => {
    const result = await runCli(["export", "--all-integrations", "--out", path.join(tmp, "unreachable")], {
      ...env(),
      LANGDOCK_BASE_URL: "http://127.0.0.1:1",
      LANGDOCK_MAX_RETRIES: "0",
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "Listing integrations…\npulumi-langdock export: Langdock could not be reached for GET /integrations/v1/get: ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:1 — check LANGDOCK_BASE_URL (or --base-url) and your network, then run the export again (it writes nothing until every read succeeded).\n",
    );
  });

  it.each([
    [
      { LANGDOCK_BASE_URL: "http://user:pw@127.0.0.1:1" },
      '--base-url (or LANGDOCK_BASE_URL) must not contain a user name or password (found one before "@127.0.0.1:1"); remove it and put the API key in --api-key (or LANGDOCK_API_KEY).',
    ],
    [
      { LANGDOCK_MAX_RETRIES: "many" },
      'LANGDOCK_MAX_RETRIES must be a whole number of 0 or more, got "many": set LANGDOCK_MAX_RETRIES to <n>.',
    ],
  ])("a malformed setting %j is named as export reads it", async (setting, message) => {
    const result = await runCli(["export", "--all-integrations", "--out", path.join(tmp, "malformed")], { ...env(), ...setting });
    expect(result).toEqual({ code: 1, stdout: "", stderr: `pulumi-langdock export: ${message}\n` });
  });

  it("refuses a folder that is not empty, before reading anything", async () => {
    const out = path.join(tmp, "busy");
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, "index.ts"), "// mine\n");
    emulator.resetLog();
    const result = await runCli(["export", "--integration", integrationId, "--out", out], env());
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `pulumi-langdock export: --out ${out} is not empty (1 entries); pass a new or empty folder, export never overwrites files.\n`,
    );
    expect(fs.readFileSync(path.join(out, "index.ts"), "utf8")).toBe("// mine\n");
    expect(emulator.log).toEqual([]);
  });

  it("--all-integrations lists, then reads each one, with progress on stderr", async () => {
    const out = path.join(tmp, "all");
    const result = await runCli(["export", "--all-integrations", "--out", out], env());
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      `Listing integrations…\n  1 integration found\nReading integration ${integrationId}…\n  "CRM": 0 actions, 0 triggers\n`,
    );
    expect(fs.readFileSync(path.join(out, "index.ts"), "utf8")).toContain(
      `const crm = new Integration("crm", {\n  adoptId: "${integrationId}",\n  name: "CRM",\n});`,
    );
  });

  it("emulator starts the Langdock emulator (npx pulumi-langdock emulator)", async () => {
    const child = spawn(process.execPath, [CLI, "emulator", "--quiet"], { stdio: ["ignore", "pipe", "pipe"] });
    try {
      const first = await new Promise<string>((resolve, reject) => {
        let text = "";
        const timer = setTimeout(() => reject(new Error(`no output from the emulator: ${text}`)), 30_000);
        child.stdout.on("data", (d: Buffer) => {
          text += d.toString();
          if (text.includes("LANGDOCK_API_KEY=")) {
            clearTimeout(timer);
            resolve(text);
          }
        });
      });
      const url = /LANGDOCK_BASE_URL=(\S+)/.exec(first)![1];
      const key = /LANGDOCK_API_KEY=(\S+)/.exec(first)![1];
      const res = await fetch(`${url}/integrations/v1/get`, { headers: { Authorization: `Bearer ${key}` } });
      expect(await res.json()).toEqual({ integrations: [] });
    } finally {
      child.kill("SIGTERM");
    }
    const help = await runCli(["emulator", "--help"]);
    expect(help.stdout).toContain("Usage: emulator [--port N]");
  });
});
