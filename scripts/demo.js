#!/usr/bin/env node
// `npm run demo [quickstart|structured-agent]`: starts the Langdock emulator and runs an example
// against it, with no network and no Langdock account. With a Pulumi CLI on PATH it runs
// `pulumi up`, `pulumi preview --expect-no-changes` and `pulumi destroy` on a local backend (no
// login); without one it says so and runs the same program through LocalEngine, which drives
// Pulumi's real dynamic-provider host.
const { execFileSync, spawn, spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const OUT = path.join(ROOT, ".tmp", "examples");
const EXAMPLES = {
  quickstart: { project: "langdock-quickstart", entry: "quickstart", config: {} },
  "structured-agent": {
    project: "langdock-structured-agent",
    entry: "structuredAgent",
    // Stands in for `pulumi config set --secret ticketsClientSecret …`.
    config: { ticketsClientSecret: "demo-oauth-client-secret" },
    secret: ["ticketsClientSecret"],
  },
};

function compileExamples() {
  const tsc = require.resolve("typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-p", path.join(ROOT, "examples", "tsconfig.json")], { cwd: ROOT, stdio: "inherit" });
  // The programs read their action code from files next to them (codeFromFile(__dirname/…)).
  for (const name of Object.keys(EXAMPLES)) {
    for (const dir of ["actions", "triggers"]) {
      const from = path.join(ROOT, "examples", name, dir);
      if (fs.existsSync(from)) fs.cpSync(from, path.join(OUT, name, dir), { recursive: true });
    }
  }
}

function pulumiCli() {
  const probe = spawnSync("pulumi", ["version"], { encoding: "utf8" });
  return probe.status === 0 ? probe.stdout.trim() : undefined;
}

/** Runs `pulumi <args> --non-interactive` without blocking this process: the emulator answers from here. */
function pulumiAsync(args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn("pulumi", [...args, "--non-interactive"], { ...options, stdio: "inherit" });
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`pulumi ${args.join(" ")} failed (exit ${code})`))));
  });
}

async function runWithCli(name, example, emulator) {
  const exampleDir = name === "quickstart" ? ROOT : path.join(ROOT, "examples", name);
  const backend = fs.mkdtempSync(path.join(os.tmpdir(), "langdock-demo-"));
  const env = {
    ...process.env,
    PULUMI_BACKEND_URL: `file://${backend}`,
    PULUMI_CONFIG_PASSPHRASE: "demo",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    LANGDOCK_API_KEY: emulator.apiKey,
    LANGDOCK_BASE_URL: emulator.url,
  };
  const pulumi = (...args) => pulumiAsync(args, { cwd: exampleDir, env });
  await pulumi("stack", "init", "demo");
  try {
    for (const [key, value] of Object.entries(example.config)) {
      await pulumi("config", "set", ...(example.secret?.includes(key) ? ["--secret"] : []), key, value);
    }
    await pulumi("up", "--yes", "--skip-preview");
    await pulumi("preview", "--expect-no-changes");
    await pulumi("destroy", "--yes");
  } finally {
    await pulumi("stack", "rm", "--yes", "--force");
    fs.rmSync(backend, { recursive: true, force: true });
  }
}

async function runWithLocalEngine(name, example, emulator, testing) {
  const program = require(path.join(OUT, name, "program.js"))[example.entry];
  // The program reads its stack config from LocalEngine's config, as from `pulumi config` under `pulumi up`.
  const config = Object.fromEntries(Object.entries(example.config).map(([k, v]) => [`${example.project}:${k}`, v]));
  const engine = await testing.LocalEngine.start({
    cwd: ROOT,
    project: example.project,
    stack: "demo",
    config: { "langdock:apiKey": emulator.apiKey, "langdock:baseUrl": emulator.url, ...config },
    secretConfigKeys: ["langdock:apiKey", ...(example.secret ?? []).map((k) => `${example.project}:${k}`)],
  });
  try {
    const up = await engine.up(program);
    console.log("\npulumi up (LocalEngine):");
    for (const step of up.steps) console.log(`  + ${step.urn.split("::").slice(-2).join(" ")}  ${step.op}`);
    console.log("\nResources:");
    for (const res of Object.values(engine.printableState()))
      console.log(`  ${res.type.split(":").pop().padEnd(12)} ${res.name.padEnd(16)} ${res.id}`);
    console.log("\nOutputs:");
    for (const [key, value] of Object.entries(up.outputs)) console.log(`  ${key}: ${up.secretOutputs.includes(key) ? "[secret]" : value}`);

    for (const agent of emulator.snapshot().agents) {
      console.log(
        `  agent "${agent.name}" uses actions ${agent.actions.map((a) => a.actionId).join(", ")} (ids straight from the Action resources)`,
      );
    }

    const preview = await engine.preview(program);
    const changes = preview.steps.filter((s) => s.op !== "same");
    console.log(`\npulumi preview: ${changes.length === 0 ? "no changes" : `${changes.length} unexpected change(s)`}`);
    if (changes.length > 0) throw new Error(`preview after up expected no changes: ${JSON.stringify(changes)}`);

    const destroy = await engine.destroy();
    console.log(`\npulumi destroy: ${destroy.steps.length} resources deleted`);
    // The warnings come with the result: every one of them, before destroy() resolves.
    for (const line of destroy.warnings) console.log(`  warning: ${line}`);
    const left = emulator.snapshot();
    console.log(
      `  left in Langdock (no delete API): ${left.integrations.length} integration(s); ${left.agents.filter((a) => a.disabled).length} disabled agent(s); ` +
        `${left.actions.length} actions, ${left.triggers.length} triggers`,
    );
  } finally {
    await engine.stop();
  }
}

async function main() {
  const name = process.argv[2] ?? "quickstart";
  const example = EXAMPLES[name];
  if (!example) throw new Error(`Unknown example "${name}": use one of ${Object.keys(EXAMPLES).join(", ")}.`);
  compileExamples();
  // Loaded by package name, as a user's program would (the build links the repo into node_modules).
  const testing = require("pulumi-langdock/testing");
  const emulator = await testing.LangdockEmulator.start();
  console.log(`Langdock emulator at ${emulator.url}`);
  try {
    const cli = pulumiCli();
    if (cli) {
      console.log(`Pulumi CLI ${cli} found: running pulumi up, preview and destroy on a local backend.`);
      await runWithCli(name, example, emulator);
    } else {
      console.log("No Pulumi CLI on PATH: running the same program through LocalEngine (the real dynamic-provider host, no CLI).");
      await runWithLocalEngine(name, example, emulator, testing);
    }
    console.log(`\nDemo of ${name} succeeded: ${emulator.log.length} Langdock API calls.`);
  } finally {
    await emulator.close();
  }
}

main().catch((err) => {
  console.error(`demo failed: ${err.message}`);
  process.exitCode = 1;
});
