#!/usr/bin/env node
// `npm run language-hosts`: builds this repository's small Python and Go language host (main.go: SDK
// generation with Pulumi's own code generators, and running programs) as `pulumi-language-python` and
// `pulumi-language-go` into the git-ignored `.pulumi-langhosts/bin`, and a virtualenv
// `.pulumi-langhosts/python-venv` with Pulumi's Python SDK from PyPI, for the native plugin's Python and Go
// examples and tests. Pulumi's own hosts cannot be built here: the Go module proxy refuses their modules.
// A machine with a Pulumi release already has Pulumi's hosts and needs none of this.
// Progress goes to stderr; the LAST line of stdout is the folder holding the hosts.
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..", "..");
const DIR = path.join(ROOT, ".pulumi-langhosts");
const BIN = path.join(DIR, "bin");
const VENV = path.join(DIR, "python-venv");
const PYTHON_PACKAGES = ["pulumi==3.248.0", "wheel", "parver", "semver"];
const say = (line) => process.stderr.write(`${line}\n`);

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: ["ignore", process.stderr, process.stderr], ...options });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal}): see the output above.`);
}

function main() {
  const host = path.join(BIN, "pulumi-language-python");
  const sources = ["main.go", "run.py", "go.mod", "go.sum"].map((f) => fs.statSync(path.join(__dirname, f)).mtimeMs);
  if (!fs.existsSync(host) || fs.statSync(host).mtimeMs < Math.max(...sources)) {
    say(`Building the Python/Go language host into ${BIN} …`);
    fs.mkdirSync(BIN, { recursive: true });
    run("go", ["build", "-trimpath", "-tags", "osusergo,grpcnotrace", "-ldflags", "-s -w", "-o", host, "."], {
      cwd: __dirname,
      env: { ...process.env, CGO_ENABLED: "0", GOTOOLCHAIN: "local", GOFLAGS: "-mod=readonly" },
    });
  }
  const goHost = path.join(BIN, "pulumi-language-go");
  if (!fs.existsSync(goHost)) fs.symlinkSync("pulumi-language-python", goHost);
  if (!fs.existsSync(path.join(VENV, "bin", "python"))) {
    say(`Creating ${VENV} with ${PYTHON_PACKAGES.join(", ")} …`);
    run("python3", ["-m", "venv", VENV]);
    run(path.join(VENV, "bin", "pip"), ["install", "-q", ...PYTHON_PACKAGES]);
  }
  process.stdout.write(`${BIN}\n`);
}

try {
  main();
} catch (err) {
  say(err.message);
  process.exitCode = 1;
}
