// Preloaded (`node -r`) into Pulumi's program runner (@pulumi/pulumi/cmd/run) by programRunner.ts: the
// program runs exactly as under `pulumi up` (the runner, its TypeScript loader, real serialization), but
// resources register with mocks instead of an engine. Each registration is appended to the JSON file
// named by PULUMI_TEST_REGISTERED when the process exits.
const fs = require("fs");
const path = require("path");
const { createRequire } = require("module");

// The program's own @pulumi/pulumi, resolved from its folder: the instance the runner and program use.
const pulumi = createRequire(path.join(process.cwd(), "index.js"))("@pulumi/pulumi");
const registered = [];
pulumi.runtime.setMocks(
  {
    newResource(args) {
      registered.push({ type: args.type, name: args.name, inputs: args.inputs });
      return { id: `${args.name}-id`, state: args.inputs };
    },
    call: () => ({}),
  },
  process.env.PULUMI_NODEJS_PROJECT,
  process.env.PULUMI_NODEJS_STACK,
  false,
);
// The mock monitor lacks the shutdown handshake the runner performs at exit.
pulumi.runtime.getMonitor().signalAndWaitForShutdown = (_req, callback) => callback(null, {});
process.on("exit", () => fs.writeFileSync(process.env.PULUMI_TEST_REGISTERED, JSON.stringify(registered)));
