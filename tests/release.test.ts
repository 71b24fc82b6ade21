import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";

const root = path.join(__dirname, "..");
const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));

describe("release", () => {
  it("`npm publish --dry-run` would publish exactly the compiled package, its types, the three documents and the native schema", () => {
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const output = execFileSync(npm, ["publish", "--dry-run", "--json", "--ignore-scripts"], {
      cwd: root,
      encoding: "utf8",
      timeout: 120_000,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const parsed = JSON.parse(output);
    // npm 10 prints the package's summary, npm 11 keys it by the package's name.
    const summary = parsed.files ? parsed : parsed[manifest.name];
    expect(summary).toMatchObject({ name: "pulumi-langdock", version: manifest.version });
    const files: string[] = summary.files.map((f: { path: string }) => f.path);
    expect(files.filter((f) => !/^dist\/.+\.(js|d\.ts)$/.test(f)).sort()).toEqual([
      "CHANGELOG.md",
      "LICENSE",
      "README.md",
      "package.json",
      "schema.json",
    ]);
    expect(files).toEqual(expect.arrayContaining(["dist/index.js", "dist/cli/index.js", "dist/testing/index.d.ts", "dist/runtime.js"]));
  }, 150_000);

  it("the version is semver and CHANGELOG.md has its section, with upgrade notes from 0.1.0", () => {
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
    const changelog = fs.readFileSync(path.join(root, "CHANGELOG.md"), "utf8");
    const sections = [...changelog.matchAll(/^## \[([^\]]+)\]/gm)].map((m) => m[1]);
    expect(sections).toContain(manifest.version);
    expect(sections).toContain("0.1.0");
    expect(changelog).toMatch(
      new RegExp(`## \\[${manifest.version.replace(/\./g, "\\.")}\\][^\\n]*\\n[\\s\\S]*### Upgrading from 0\\.1\\.0`),
    );
  });

  it("the release workflow runs the tests, then publishes with provenance on a version tag only", () => {
    const workflow = parse(fs.readFileSync(path.join(root, ".github", "workflows", "release.yml"), "utf8"));
    expect(workflow.on).toEqual({ push: { tags: ["v*.*.*"] } });
    expect(workflow.jobs.test.steps.map((s: { run?: string }) => s.run)).toContain("bash .ci/run");
    const publish = workflow.jobs.publish;
    expect(publish.needs).toBe("test");
    expect(publish.permissions["id-token"]).toBe("write");
    const runs: string[] = publish.steps.map((s: { run?: string }) => s.run ?? "");
    expect(runs.some((r) => r.includes('"v${version}" != "${GITHUB_REF_NAME}"'))).toBe(true);
    expect(runs.indexOf("npm publish --provenance --access public")).toBeGreaterThan(runs.indexOf("npm publish --dry-run"));
    expect(runs.filter((r) => /npm publish(?! --dry-run)/.test(r))).toEqual(["npm publish --provenance --access public"]);
  });
});
