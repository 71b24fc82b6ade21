#!/usr/bin/env node
// `npm run pulumi-cli`: makes a Pulumi CLI available and prints, as its LAST line, the absolute folder
// holding `pulumi`, `pulumi-language-nodejs` and `pulumi-resource-pulumi-nodejs`.
// - A `pulumi` already on PATH wins (what users have): its own folder is printed.
// - Otherwise `pulumi` v3.248.0 is built from Pulumi's Go modules (go.mod/go.sum here) into the
//   git-ignored `.pulumi-cli/bin`, unless the binary there already prints that version; the two
//   plugins beside it are ours (see language-host.js and README.md in docs/guides/pulumi-cli.md).
// Progress goes to stderr so that stdout's last line is always the folder.
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const PINNED = "v3.248.0";
const ROOT = path.resolve(__dirname, "..", "..");
const CLI_DIR = path.join(ROOT, ".pulumi-cli", "bin");
const BUILD_FLAGS = [
  "-trimpath",
  "-tags",
  "osusergo,grpcnotrace",
  "-ldflags",
  `-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=${PINNED}`,
];
const CLI_PACKAGE = "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi";

// The engine starts this for dynamic providers with cwd = the program's folder, like the release's script.
const DYNAMIC_PROVIDER_SHIM = `#!/bin/sh
# pulumi-resource-pulumi-nodejs (written by pulumi-langdock's npm run pulumi-cli): runs the
# dynamic-provider host of the @pulumi/pulumi installed for the program in the current folder.
host=$(node -e 'process.stdout.write(require("path").dirname(require.resolve("@pulumi/pulumi/cmd/dynamic-provider/index.js", { paths: [process.cwd()] })))') || exit 1
exec node "$host" "$@"
`;
const LANGUAGE_HOST_SHIM = `#!/bin/sh
# pulumi-language-nodejs (written by pulumi-langdock's npm run pulumi-cli; not Pulumi's own host).
exec node "$(dirname "$0")/language-host.js" "$@"
`;

const say = (line) => process.stderr.write(`${line}\n`);

function versionOf(binary) {
  const probe = spawnSync(binary, ["version"], { encoding: "utf8", env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" } });
  return probe.status === 0 ? probe.stdout.trim() : undefined;
}

function onPath(command) {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (!dir || path.resolve(dir) === CLI_DIR) continue;
    const candidate = path.join(dir, command);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

function writeIfChanged(file, content, mode) {
  if (!fs.existsSync(file) || fs.readFileSync(file, "utf8") !== content) fs.writeFileSync(file, content);
  fs.chmodSync(file, mode);
}

function buildCli() {
  const go = onPath("go");
  if (!go) {
    throw new Error(
      "No Pulumi CLI on PATH and no Go toolchain to build one: install the Pulumi CLI (https://www.pulumi.com/docs/iac/download-install/) or Go 1.24 or later, then run npm run pulumi-cli again.",
    );
  }
  fs.mkdirSync(CLI_DIR, { recursive: true });
  say(`Building the Pulumi CLI ${PINNED} from Pulumi's Go modules into ${CLI_DIR} (the first build takes a few minutes) …`);
  const started = Date.now();
  const build = spawnSync(go, ["build", ...BUILD_FLAGS, "-o", path.join(CLI_DIR, "pulumi"), CLI_PACKAGE], {
    cwd: __dirname,
    stdio: ["ignore", process.stderr, process.stderr],
    env: { ...process.env, CGO_ENABLED: "0", GOTOOLCHAIN: "local", GOFLAGS: "-mod=readonly" },
  });
  if (build.status !== 0)
    throw new Error(`go build of the Pulumi CLI failed (exit ${build.status ?? build.signal}): see the output above.`);
  say(`Built in ${Math.round((Date.now() - started) / 1000)} s.`);
}

function main() {
  const installed = onPath("pulumi");
  if (installed) {
    const dir = path.dirname(fs.realpathSync(installed));
    say(`Using the Pulumi CLI on PATH (${versionOf(installed) ?? "version unknown"}).`);
    process.stdout.write(`${dir}\n`);
    return;
  }
  const pulumi = path.join(CLI_DIR, "pulumi");
  const version = fs.existsSync(pulumi) ? versionOf(pulumi) : undefined;
  if (version === PINNED) say(`Pulumi CLI ${PINNED} already built in ${CLI_DIR}.`);
  else buildCli();
  const built = versionOf(pulumi);
  if (built !== PINNED)
    throw new Error(
      `The built Pulumi CLI prints ${built ?? "nothing"} instead of ${PINNED}: delete ${CLI_DIR} and run npm run pulumi-cli again.`,
    );
  writeIfChanged(path.join(CLI_DIR, "language-host.js"), fs.readFileSync(path.join(__dirname, "language-host.js"), "utf8"), 0o644);
  writeIfChanged(path.join(CLI_DIR, "pulumi-language-nodejs"), LANGUAGE_HOST_SHIM, 0o755);
  writeIfChanged(path.join(CLI_DIR, "pulumi-resource-pulumi-nodejs"), DYNAMIC_PROVIDER_SHIM, 0o755);
  process.stdout.write(`${CLI_DIR}\n`);
}

try {
  main();
} catch (err) {
  say(err.message);
  process.exitCode = 1;
}
