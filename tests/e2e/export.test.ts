import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { installPackage } from "../../tooling/installPackage";
import { CLIENT_SECRET, buildWorkspace } from "../export/workspace";
import { runCli } from "../export/cli";
import { CLI_DIR, REPO_ROOT, describeWithCli, startWorld, type CliWorld } from "./cliSuite";

/**
 * A workspace built by hand, exported with `pulumi-langdock export`, taken over by a real `pulumi up`
 * without a single write; and `npm run demo` on its real-CLI path.
 */
describeWithCli("pulumi-langdock export, then the real CLI", () => {
  jest.setTimeout(240_000);
  let world: CliWorld;

  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => {
    await world?.stop();
  });

  it("runs the exported project through `pulumi up` with no write, and a clean second preview", async () => {
    const ws = await buildWorkspace(world.emulator);
    const out = path.join(installPackage(), "e2e-exported");
    fs.rmSync(out, { recursive: true, force: true });
    const exported = await runCli(["export", "--integration", ws.crm, "--integration", ws.tickets, "--agent", ws.agent, "--out", out], {
      LANGDOCK_API_KEY: world.emulator.apiKey,
      LANGDOCK_BASE_URL: world.emulator.url,
    });
    expect(exported.code).toBe(0);

    // The commands export prints, as a user runs them (the package is installed one folder up).
    const pulumi = await world.initStack(out, "prod");
    const secretKeys = [...exported.stdout.matchAll(/pulumi config set --secret (\w+) </g)].map((m) => m[1]);
    expect(secretKeys).toEqual(["ticketDeskClientSecret"]);
    await pulumi("config", "set", "--secret", secretKeys[0], CLIENT_SECRET);

    world.emulator.resetLog();
    const before = world.emulator.snapshot();
    await pulumi("preview");
    await pulumi("up", "--yes");
    expect(world.writes()).toEqual([]);
    expect(world.emulator.snapshot()).toEqual(before);
    await pulumi("preview", "--expect-no-changes");
    await pulumi("stack", "rm", "--yes", "--force");
  });
});

describeWithCli("npm run demo with a Pulumi CLI on PATH", () => {
  jest.setTimeout(300_000);

  it("takes its real-CLI path and succeeds", async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), "langdock-demo-"));
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(REPO_ROOT, "scripts", "demo.js"), "quickstart"], {
        cwd: REPO_ROOT,
        env: {
          ...process.env,
          PATH: `${CLI_DIR}${path.delimiter}${process.env.PATH}`,
          HOME: home,
          PULUMI_HOME: path.join(home, ".pulumi"),
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let text = "";
      child.stdout.on("data", (d) => (text += d));
      child.stderr.on("data", (d) => (text += d));
      const timer = setTimeout(() => child.kill("SIGKILL"), 240_000);
      child.on("close", (code) => {
        clearTimeout(timer);
        fs.rmSync(home, { recursive: true, force: true });
        if (code === 0) resolve(text);
        else reject(new Error(`npm run demo failed (${code}):\n${text}`));
      });
    });
    expect(output).toMatch(/Pulumi CLI v3\.\d+\.\d+ found: running pulumi up, preview and destroy on a local backend/);
    expect(output).toContain("Demo of quickstart succeeded");
  });
});
