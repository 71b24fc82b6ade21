import { execFileSync } from "child_process";
import * as path from "path";

describe("published package", () => {
  const root = path.join(__dirname, "..");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const [pack] = JSON.parse(
    execFileSync(npm, ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: root, encoding: "utf8", timeout: 60_000 }),
  );
  const files: string[] = pack.files.map((f: { path: string }) => f.path);

  it("contains only compiled code, types, README, LICENSE, CHANGELOG and package.json", () => {
    const unexpected = files.filter(
      (f) => !/^dist\/.+\.(js|d\.ts)$/.test(f) && !["README.md", "LICENSE", "CHANGELOG.md", "package.json"].includes(f),
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
