#!/usr/bin/env node
// `npm run native-plugin`: builds the native provider plugin as Pulumi installs it — a folder holding an
// executable `pulumi-resource-langdock` and the package with its production dependencies (and
// @pulumi/pulumi, whose gRPC stubs it serves) — and packs it as
// `.tmp/native-plugin/pulumi-resource-langdock-v<version>-<os>-<arch>.tar.gz`. Install it with
//   pulumi plugin install resource langdock <version> --file <that tarball>
// The LAST line of stdout is the tarball's absolute path. Run `npm run build` first.
"use strict";
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const OUT = path.join(ROOT, ".tmp", "native-plugin");
const { version } = require(path.join(ROOT, "package.json"));
const pulumiVersion = require(path.join(ROOT, "node_modules", "@pulumi", "pulumi", "package.json")).version;
const say = (line) => process.stderr.write(`${line}\n`);
const npm = (args, cwd) => execFileSync("npm", args, { cwd, stdio: ["ignore", "pipe", process.stderr], encoding: "utf8" });

const LAUNCHER = `#!/bin/sh
# pulumi-resource-langdock ${version}: the langdock native provider plugin (pulumi-langdock on Node.js).
exec node "$(dirname "$0")/node_modules/pulumi-langdock/dist/native/main.js" "$@"
`;

function main() {
  if (!fs.existsSync(path.join(ROOT, "dist", "native", "main.js")))
    throw new Error("dist/native/main.js is missing: run npm run build first.");
  const folder = path.join(OUT, `langdock-v${version}`);
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(folder, { recursive: true });
  say(`Packing pulumi-langdock ${version} …`);
  const packed = npm(["pack", "--silent", "--ignore-scripts", "--pack-destination", OUT], ROOT).trim().split("\n").pop();
  const manifest = {
    name: "pulumi-resource-langdock",
    version,
    private: true,
    dependencies: { "pulumi-langdock": `file:${path.join(OUT, packed)}`, "@pulumi/pulumi": pulumiVersion },
  };
  fs.writeFileSync(path.join(folder, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  say(`Installing it with @pulumi/pulumi ${pulumiVersion} (production dependencies only) …`);
  npm(["install", "--omit=dev", "--no-audit", "--no-fund", "--ignore-scripts", "--prefer-offline", "--install-links"], folder);
  fs.writeFileSync(path.join(folder, "pulumi-resource-langdock"), LAUNCHER, { mode: 0o755 });
  const arch = { x64: "amd64", arm64: "arm64" }[process.arch] ?? process.arch;
  const tarball = path.join(OUT, `pulumi-resource-langdock-v${version}-${process.platform}-${arch}.tar.gz`);
  execFileSync("tar", ["-czf", tarball, "-C", folder, "."]);
  say(
    `Built ${path.relative(ROOT, tarball)}: install it with \`pulumi plugin install resource langdock ${version} --file ${path.relative(ROOT, tarball)}\`.`,
  );
  process.stdout.write(`${tarball}\n`);
}

try {
  main();
} catch (err) {
  say(err.message);
  process.exitCode = 1;
}
