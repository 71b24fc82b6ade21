// Runs the repository's own TypeScript from source: each .ts file is transpiled in memory with the given
// tsconfig's options (no emit), so tooling/ runs from its real location (it finds the repo root relative to
// itself). Used by `npm run bench` and `npm run docs`.
const fs = require("fs");
const path = require("path");
const ts = require("typescript");

const root = path.resolve(__dirname, "..");

/** Registers the `.ts` loader for files of this repository (never node_modules). */
function registerTypeScript(tsconfig) {
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
  require.extensions[".ts"] = (module, filename) => {
    if (!filename.startsWith(root + path.sep) || filename.includes(`${path.sep}node_modules${path.sep}`)) {
      throw new Error(`refusing to load ${filename} from source`);
    }
    const { outputText } = ts.transpileModule(fs.readFileSync(filename, "utf8"), { compilerOptions, fileName: filename });
    module._compile(outputText, filename);
  };
}

module.exports = { registerTypeScript, root };
