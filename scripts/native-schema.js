// `npm run native-schema`: writes schema.json (the native plugin's Pulumi package schema) from the package's
// declarations (tooling/describe, tooling/native). `npm run native-schema -- --check` fails when it is stale.
const fs = require("fs");
const path = require("path");
const { registerTypeScript, root } = require("./runTs");

registerTypeScript(path.join(root, "tsconfig.json"));
const { schemaText, SCHEMA_PATH } = require(path.join(root, "tooling", "native", "generate.ts"));

const text = schemaText();
if (process.argv.includes("--check")) {
  const current = fs.existsSync(SCHEMA_PATH) ? fs.readFileSync(SCHEMA_PATH, "utf8") : "";
  if (current !== text) {
    console.error("schema.json is stale: run `npm run native-schema`.");
    process.exit(1);
  }
} else {
  fs.writeFileSync(SCHEMA_PATH, text);
  console.log(`schema.json written (${Object.keys(JSON.parse(text).resources).length} resources)`);
}
