// `npm run bench` (after `npm run build`): type-checks bench/ with bench/tsconfig.json, then runs
// bench/main.ts. The .ts files are transpiled in memory with that tsconfig's options rather than emitted
// to a directory: tooling/installPackage.ts, which the bench reuses, locates the repo root relative
// to its own file, so it has to run from where it lives. Arguments after `--` go to the bench (see the
// comment at the top of bench/main.ts): --quick, --no-rate-limit, --only <paired,startup,latency,layers,rate>,
// --out <file>, --sizes/--concurrency/--rounds/--no-profile for the paired comparison, and --no-typecheck:
// `npm run bench -- --quick`, `npm run bench -- --only paired --sizes 100 --rounds 3`.
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");
const ts = require("typescript");

const root = path.resolve(__dirname, "..");
const tsconfig = path.join(root, "bench", "tsconfig.json");
const args = process.argv.slice(2);

if (!args.includes("--no-typecheck")) {
  const tsc = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", tsconfig], { stdio: "inherit" });
  if (tsc.status !== 0) {
    console.error("bench: type check failed (tsc -p bench/tsconfig.json)");
    process.exit(tsc.status ?? 1);
  }
}

const config = ts.getParsedCommandLineOfConfigFile(
  tsconfig,
  {},
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    },
  },
);
// No source maps: with them on, every stack the Pulumi SDK captures (one per promise and resource) would
// be mapped, in the very process being measured.
const compilerOptions = { ...config.options, noEmit: false, declaration: false, sourceMap: false, inlineSourceMap: false };

// Only the repo's own TypeScript outside node_modules goes through the hook.
require.extensions[".ts"] = (module, filename) => {
  if (!filename.startsWith(root + path.sep) || filename.includes(`${path.sep}node_modules${path.sep}`)) {
    throw new Error(`bench: refusing to load ${filename}`);
  }
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, "utf8"), { compilerOptions, fileName: filename });
  module._compile(outputText, filename);
};

require(path.join(root, "bench", "main.ts"))
  .main(args)
  .then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
