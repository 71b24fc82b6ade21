// `npm run bench` (after `npm run build`): type-checks bench/ with bench/tsconfig.json, then runs
// bench/main.ts. The .ts files are transpiled in memory with that tsconfig's options rather than emitted
// to a directory: tooling/installPackage.ts, which the bench reuses, locates the repo root relative
// to its own file, so it has to run from where it lives. Arguments after `--` go to the bench (see the
// comment at the top of bench/main.ts): --quick, --no-rate-limit, --only <paired,startup,latency,layers,rate>,
// --out <file>, --sizes/--concurrency/--rounds/--no-profile for the paired comparison, and --no-typecheck:
// `npm run bench -- --quick`, `npm run bench -- --only paired --sizes 100 --rounds 3`.
const path = require("path");
const { spawnSync } = require("child_process");
const { registerTypeScript, root } = require("./runTs");
const tsconfig = path.join(root, "bench", "tsconfig.json");
const args = process.argv.slice(2);

if (!args.includes("--no-typecheck")) {
  const tsc = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", tsconfig], { stdio: "inherit" });
  if (tsc.status !== 0) {
    console.error("bench: type check failed (tsc -p bench/tsconfig.json)");
    process.exit(tsc.status ?? 1);
  }
}

registerTypeScript(tsconfig);

require(path.join(root, "bench", "main.ts"))
  .main(args)
  .then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
