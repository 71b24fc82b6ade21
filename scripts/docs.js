// `npm run docs`: writes docs/reference/ (one page per resource, component and lookup) from the package's
// declarations (tooling/describe, tooling/docs). `npm run docs -- --check` fails when a page is stale.
const path = require("path");
const { registerTypeScript, root } = require("./runTs");

registerTypeScript(path.join(root, "tsconfig.json"));

require(path.join(root, "tooling", "docs", "generate.ts"))
  .main(process.argv.slice(2))
  .then(
    (code) => process.exit(code),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
