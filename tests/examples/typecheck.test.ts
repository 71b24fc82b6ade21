import { execFileSync } from "child_process";
import * as path from "path";

describe("examples", () => {
  it("type-check against the built package, as a user's program would", () => {
    const root = path.join(__dirname, "..", "..");
    const tsc = require.resolve("typescript/bin/tsc");
    // Throws (failing the test) with the compiler's output on any type error.
    execFileSync(process.execPath, [tsc, "-p", path.join(root, "examples", "tsconfig.json"), "--noEmit"], {
      cwd: root,
      encoding: "utf8",
      timeout: 120_000,
    });
  });
});
