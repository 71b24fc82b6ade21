import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

describe("published package", () => {
  const root = path.join(__dirname, "..");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const [pack] = JSON.parse(
    execFileSync(npm, ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: root, encoding: "utf8", timeout: 60_000 }),
  );
  const files: string[] = pack.files.map((f: { path: string }) => f.path);

  it("contains only compiled code, types, README, LICENSE, CHANGELOG, package.json and the native plugin's schema.json", () => {
    const unexpected = files.filter(
      (f) => !/^dist\/.+\.(js|d\.ts)$/.test(f) && !["README.md", "LICENSE", "CHANGELOG.md", "package.json", "schema.json"].includes(f),
    );
    expect(unexpected).toEqual([]);
    expect(files).toEqual(
      expect.arrayContaining([
        "README.md",
        "LICENSE",
        "CHANGELOG.md",
        "dist/index.js",
        "dist/index.d.ts",
        "dist/testing/index.js",
        "dist/testing/index.d.ts",
        "dist/runtime.js",
        "dist/shells/action.js",
      ]),
    );
  });

  it("exports `.` and `./testing` with types, and every path the serialized provider requires", () => {
    const manifest = require(path.join(root, "package.json"));
    for (const entry of [".", "./testing", "./runtime", "./shells/*"]) {
      expect(manifest.exports[entry]).toEqual({ types: expect.stringMatching(/\.d\.ts$/), default: expect.stringMatching(/\.js$/) });
    }
    for (const target of [manifest.main, manifest.types, manifest.exports["./testing"].default.replace(/^\.\//, "")]) {
      expect(files).toContain(target);
    }
  });
});

describe("packing a fresh clone", () => {
  const root = path.join(__dirname, "..");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  let clone: string;

  afterAll(() => clone && fs.rmSync(clone, { recursive: true, force: true }));

  it("builds dist/ before packing (`prepare`), so `npm pack` and git installs carry the compiled package", () => {
    // The files a clone has (tracked, plus new ones not ignored), no dist/; node_modules as after `npm ci`.
    clone = fs.mkdtempSync(path.join(os.tmpdir(), "ld-clone-"));
    const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], { cwd: root, encoding: "utf8" });
    for (const file of files.split("\0").filter((f) => f && fs.existsSync(path.join(root, f)))) {
      fs.mkdirSync(path.dirname(path.join(clone, file)), { recursive: true });
      fs.copyFileSync(path.join(root, file), path.join(clone, file));
    }
    expect(fs.existsSync(path.join(clone, "dist"))).toBe(false);
    fs.symlinkSync(path.join(root, "node_modules"), path.join(clone, "node_modules"), "dir");
    const [pack] = JSON.parse(execFileSync(npm, ["pack", "--dry-run", "--json"], { cwd: clone, encoding: "utf8", timeout: 180_000 }));
    const packed: string[] = pack.files.map((f: { path: string }) => f.path);
    expect(packed).toEqual(
      expect.arrayContaining(["dist/index.js", "dist/index.d.ts", "dist/testing/index.js", "dist/runtime.js", "package.json"]),
    );
  }, 200_000);
});
