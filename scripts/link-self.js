// Makes `require("pulumi-langdock/…")` resolve inside this repo, as it does for users who install the
// package: the examples import it by name, and the serialized provider requires it at run time.
const fs = require("fs");
const path = require("path");

const link = path.join(__dirname, "..", "node_modules", "pulumi-langdock");
try {
  if (fs.lstatSync(link).isSymbolicLink()) process.exit(0);
} catch {
  /* absent: create it */
}
fs.mkdirSync(path.dirname(link), { recursive: true });
fs.symlinkSync("..", link, "dir");
