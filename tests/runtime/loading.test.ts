import { execFileSync } from "child_process";
import * as path from "path";

const DIST_RUNTIME = path.join(__dirname, "..", "..", "dist", "runtime.js");

/** Runs `script` in a fresh node process with the built runtime as `rt`; returns what it prints as JSON. */
function inFreshProcess(script: string): Record<string, unknown> {
  const program = `
    const rt = require(${JSON.stringify(DIST_RUNTIME)});
    const loaded = (name) => Object.keys(require.cache).some((p) => p.includes("/node_modules/" + name + "/") || p.endsWith(name));
    (async () => { ${script} })().catch((e) => { console.log(JSON.stringify({ error: String(e) })); });`;
  return JSON.parse(
    execFileSync(process.execPath, ["-e", program], {
      encoding: "utf8",
      timeout: 20_000,
      env: { ...process.env, LANGDOCK_API_KEY: "sk-ld-x" },
    }),
  );
}

describe("runtime loading", () => {
  it("check and diff load no HTTP code (axios, the client) and only the schema of their own resource", () => {
    const result = inFreshProcess(`
      const start = process.hrtime.bigint();
      await rt.check("Action", {}, { integrationId: "11111111-1111-4111-8111-111111111111", name: "a" });
      await rt.diff("Action", "id", {}, { integrationId: "11111111-1111-4111-8111-111111111111", name: "a" });
      console.log(JSON.stringify({ axios: loaded("axios"), client: loaded("dist/client/index.js"), agent: loaded("dist/agent/schema.js"), crud: loaded("dist/action/crud.js"), ms: Number(process.hrtime.bigint() - start) / 1e6 }));`);
    expect(result).toMatchObject({ axios: false, client: false, agent: false, crud: false });
  });

  it("create loads the client only when it is needed", () => {
    const result = inFreshProcess(`
      await rt.configure({ config: { get: (k) => ({ "langdock:baseUrl": "http://127.0.0.1:1", "langdock:maxRetries": "0" })[k] } });
      const before = loaded("axios");
      await rt.create("Integration", { name: "x" }).catch(() => undefined);
      console.log(JSON.stringify({ before, after: loaded("axios") }));`);
    expect(result).toEqual({ before: false, after: true });
  });
});
