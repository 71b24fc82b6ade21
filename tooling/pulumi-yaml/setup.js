#!/usr/bin/env node
// `npm run pulumi-yaml`: makes `pulumi-language-yaml` (Pulumi YAML's language host, which the native
// plugin's YAML examples and tests run on) available and prints, as its LAST line, the folder holding it.
// - One already on PATH wins (a Pulumi release ships it).
// - Otherwise it is built from github.com/pulumi/pulumi-yaml (go.mod/go.sum here pin v1.25.0 with the
//   Pulumi SDK it was written for) into the git-ignored `.pulumi-yaml/bin`, unless already built there.
// Progress goes to stderr so that stdout's last line is always the folder.
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..", "..");
const BIN_DIR = path.join(ROOT, ".pulumi-yaml", "bin");
const HOST = "pulumi-language-yaml";
const PACKAGE = "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml";
const say = (line) => process.stderr.write(`${line}\n`);

function onPath(command) {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (!dir || path.resolve(dir) === BIN_DIR) continue;
    const candidate = path.join(dir, command);
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

function main() {
  const installed = onPath(HOST);
  if (installed) {
    say(`Using ${HOST} on PATH.`);
    return process.stdout.write(`${path.dirname(fs.realpathSync(installed))}\n`);
  }
  const binary = path.join(BIN_DIR, HOST);
  if (fs.existsSync(binary)) {
    say(`${HOST} already built in ${BIN_DIR}.`);
    return process.stdout.write(`${BIN_DIR}\n`);
  }
  const go = onPath("go");
  if (!go)
    throw new Error(
      `No ${HOST} on PATH and no Go toolchain to build one: install the Pulumi CLI (which ships it) or Go 1.24 or later, then run npm run pulumi-yaml again.`,
    );
  fs.mkdirSync(BIN_DIR, { recursive: true });
  say(`Building ${HOST} from Pulumi's Go modules into ${BIN_DIR} (the first build takes a few minutes) …`);
  const started = Date.now();
  const build = spawnSync(go, ["build", "-trimpath", "-tags", "osusergo,grpcnotrace", "-ldflags", "-s -w", "-o", binary, PACKAGE], {
    cwd: __dirname,
    stdio: ["ignore", process.stderr, process.stderr],
    env: { ...process.env, CGO_ENABLED: "0", GOTOOLCHAIN: "local", GOFLAGS: "-mod=readonly" },
  });
  if (build.status !== 0) throw new Error(`go build of ${HOST} failed (exit ${build.status ?? build.signal}): see the output above.`);
  say(`Built in ${Math.round((Date.now() - started) / 1000)} s.`);
  process.stdout.write(`${BIN_DIR}\n`);
}

try {
  main();
} catch (err) {
  say(err.message);
  process.exitCode = 1;
}
