#!/usr/bin/env node
// A minimal `pulumi-language-nodejs` for this repository's tests, written by us (NOT Pulumi's host):
// Pulumi's own host cannot be built here (the Go module proxy refuses its module), so `npm run
// pulumi-cli` installs this one next to a `pulumi` built from Pulumi's modules. It serves the
// LanguageRuntime gRPC service with the stubs @pulumi/pulumi ships and runs each program with
// Pulumi's own program runner (`@pulumi/pulumi/cmd/run`) resolved from the program's folder, so the
// program runs exactly as under a released CLI. Methods it does not serve answer UNIMPLEMENTED,
// which the engine treats as "older host" (e.g. no plugin list, no `pulumi about` details).
//
// Started by the engine as: pulumi-language-nodejs [-<option>=<value>…] -root=<dir> <engine address>
// (the project's runtime options arrive as flags; the engine address comes last). Prints the port.
"use strict";
const { spawn } = require("child_process");
const { createRequire } = require("module");
const path = require("path");

/** The SDK version this host speaks for (the repo pins @pulumi/pulumi and the CLI to it). */
const HOST_VERSION = "3.248.0";
/** cmd/run exits with this code when it already reported the error to the engine: the engine must not repeat it. */
const ERROR_ALREADY_REPORTED = 32;

function parseArgs(argv) {
  const flags = {};
  const positional = [];
  for (const arg of argv) {
    const flag = /^--?([^=]+)(?:=(.*))?$/.exec(arg);
    if (flag) flags[flag[1]] = flag[2] ?? "true";
    else positional.push(arg);
  }
  return { flags, engineAddress: positional[positional.length - 1] ?? "" };
}

/** Loads @pulumi/pulumi (and through it grpc-js and protobuf) as installed for the program in `dir`. */
function sdkFrom(dir) {
  let manifest;
  try {
    manifest = createRequire(path.join(path.resolve(dir), "noop.js")).resolve("@pulumi/pulumi/package.json");
  } catch {
    throw new Error(`@pulumi/pulumi is not installed for the program in ${dir}: run npm install there.`);
  }
  const sdkRequire = createRequire(manifest);
  const root = path.dirname(manifest);
  return {
    grpc: sdkRequire("@grpc/grpc-js"),
    language: require(path.join(root, "proto", "language_pb.js")),
    languageGrpc: require(path.join(root, "proto", "language_grpc_pb.js")),
    plugin: require(path.join(root, "proto", "plugin_pb.js")),
    runner: path.join(root, "cmd", "run"),
  };
}

/** The project's runtime options: those in the request win over the flags the host was started with. */
function optionsOf(req, flags) {
  const fromRequest = req.getInfo()?.getOptions()?.toJavaScript() ?? {};
  return { ...flags, ...fromRequest };
}

function truthy(value, fallback) {
  if (value === undefined || value === "") return fallback;
  return value === true || String(value).toLowerCase() === "true";
}

/** The command line and environment of Pulumi's program runner for one Run request. */
function runnerInvocation(req, options, engineAddress, runner) {
  const info = req.getInfo();
  const programDir = info?.getProgramDirectory() || req.getPwd();
  const args = [];
  const flag = (name, value) => {
    if (value !== undefined && value !== "" && value !== 0) args.push(`--${name}`, String(value));
  };
  flag("monitor", req.getMonitorAddress());
  flag("engine", engineAddress);
  flag("organization", req.getOrganization());
  flag("project", req.getProject());
  flag("stack", req.getStack());
  flag("pwd", programDir);
  flag("root-directory", info?.getRootDirectory());
  if (req.getDryrun()) args.push("--dry-run");
  flag("parallel", req.getParallel());
  flag("tracing", options.tracing);
  // An empty entry point means "the package's main", which cmd/run looks up itself from ".".
  args.push(info?.getEntryPoint() || req.getProgram() || ".", ...req.getArgsList());

  const config = Object.fromEntries(req.getConfigMap().toArray());
  const env = {
    ...process.env,
    PULUMI_CONFIG: JSON.stringify(config),
    PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(req.getConfigsecretkeysList()),
  };
  if (truthy(options.typescript, true)) env.PULUMI_NODEJS_TYPESCRIPT = "true";
  // As Pulumi's host does: given as written in Pulumi.yaml, cmd/run reads it relative to --pwd.
  if (options.tsconfig) env.PULUMI_NODEJS_TSCONFIG_PATH = String(options.tsconfig);
  const nodeArgs = options.nodeargs ? String(options.nodeargs).split(/\s+/).filter(Boolean) : [];
  return { argv: [...nodeArgs, runner, ...args], env, cwd: programDir };
}

function serve() {
  const { flags, engineAddress } = parseArgs(process.argv.slice(2));
  const startDir = flags.root || process.cwd();
  const sdk = sdkFrom(startDir);
  const { grpc, language, plugin } = sdk;

  const implementation = {
    handshake(_call, callback) {
      callback(null, new language.LanguageHandshakeResponse());
    },
    getPluginInfo(_call, callback) {
      callback(null, new plugin.PluginInfo().setVersion(HOST_VERSION));
    },
    // A dynamic-provider program needs no plugin besides the engine's own `pulumi-nodejs`.
    getRequiredPlugins(_call, callback) {
      callback(null, new language.GetRequiredPluginsResponse());
    },
    getRequiredPackages(_call, callback) {
      callback(null, new language.GetRequiredPackagesResponse());
    },
    run(call, callback) {
      const req = call.request;
      let invocation;
      try {
        const programDir = req.getInfo()?.getProgramDirectory() || req.getPwd() || startDir;
        invocation = runnerInvocation(req, optionsOf(req, flags), engineAddress, sdkFrom(programDir).runner);
      } catch (err) {
        callback(null, new language.RunResponse().setError(err.message));
        return;
      }
      const child = spawn(process.execPath, invocation.argv, { cwd: invocation.cwd, env: invocation.env, stdio: "inherit" });
      child.on("error", (err) => callback(null, new language.RunResponse().setError(`Could not start the program: ${err.message}`)));
      child.on("exit", (code, signal) => {
        const res = new language.RunResponse();
        if (code === ERROR_ALREADY_REPORTED) res.setBail(true);
        else if (signal) res.setError(`Program exited unexpectedly (signal ${signal})`);
        else if (code !== 0) res.setError(`Program exited with non-zero exit code: ${code}`);
        callback(null, res);
      });
    },
  };

  const server = new grpc.Server({ "grpc.max_receive_message_length": 400 * 1024 * 1024 });
  server.addService(sdk.languageGrpc.LanguageRuntimeService, implementation);
  server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, port) => {
    if (err) {
      process.stderr.write(`pulumi-language-nodejs: could not listen: ${err.message}\n`);
      process.exit(1);
    }
    process.stdout.write(`${port}\n`);
  });
}

if (require.main === module) {
  try {
    serve();
  } catch (err) {
    process.stderr.write(`pulumi-language-nodejs: ${err.message}\n`);
    process.exit(1);
  }
}

module.exports = { parseArgs, runnerInvocation, HOST_VERSION };
