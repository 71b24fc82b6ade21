import { execFileSync } from "child_process";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");

/** Runs `npm run demo`'s script (the package is already built by `npm test`) and returns its output. */
function demo(example: string): string {
  // PATH without a Pulumi CLI, as on CI: the demo must fall back to LocalEngine and say so.
  const env = { ...process.env, PATH: path.dirname(process.execPath) };
  return execFileSync(process.execPath, [path.join(ROOT, "scripts", "demo.js"), example], {
    cwd: ROOT,
    env,
    encoding: "utf8",
    timeout: 90_000,
  });
}

describe("npm run demo", () => {
  jest.setTimeout(120_000);

  it.each([
    ["quickstart", 5, "support"],
    ["structured-agent", 5, "triage"],
  ])("runs %s against the emulator: up, a preview with no changes, destroy", (example, resources, agent) => {
    const output = demo(example);
    expect(output).toContain("No Pulumi CLI on PATH: running the same program through LocalEngine");
    expect(output.match(/ create$/gm)).toHaveLength(resources);
    expect(output).toMatch(new RegExp(`Agent\\s+${agent}\\s+[0-9a-f-]{36}`));
    expect(output).toContain("pulumi preview: no changes");
    expect(output).toContain(`pulumi destroy: ${resources} resources deleted`);
    // Every destroy warning is printed, every run: they come with destroy()'s result.
    expect(output).toMatch(/warning: Langdock has no API to delete integrations: .*marked "\[removed by Pulumi\]"/);
    expect(output).toMatch(/warning: Langdock has no API to delete or list agents: /);
    expect(output).toContain(`Demo of ${example} succeeded`);
    expect(output).not.toContain("demo-oauth-client-secret");
  });

  it("the quick start's agent uses both actions by the ids the Action resources got", () => {
    const output = demo("quickstart");
    const ids = (name: string) => output.match(new RegExp(`Action\\s+${name}\\s+([0-9a-f-]{36})`))![1];
    expect(output).toContain(`uses actions ${ids("get-user")}, ${ids("create-ticket")} (ids straight from the Action resources)`);
  });
});
