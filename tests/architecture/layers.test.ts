import * as fs from "fs";
import * as path from "path";

/**
 * The layer rules of docs/ARCHITECTURE.md, checked on the import statements themselves (static
 * `import`/`export … from` and run-time `require`). `import type` is erased at compile time and may
 * point upward (processState names the client's type); every other import must point down or sideways.
 */
const ROOT = path.resolve(__dirname, "..", "..");

interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
}

function files(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" || entry.name === "fixtures" ? [] : files(rel);
    return entry.name.endsWith(".ts") ? [rel] : [];
  });
}

/** Every import of `file` that resolves inside the repository, as a repository-relative path. */
function edges(file: string): Edge[] {
  const text = fs.readFileSync(path.join(ROOT, file), "utf8");
  const found: Edge[] = [];
  const add = (specifier: string, typeOnly: boolean) => {
    if (!specifier.startsWith(".")) return;
    found.push({ from: file, to: path.relative(ROOT, path.resolve(ROOT, path.dirname(file), specifier)), typeOnly });
  };
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?(?:[^;"']*?\sfrom\s+)?["']([^"']+)["']/gm)) add(m[3], Boolean(m[2]));
  for (const m of text.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)) add(m[1], false);
  // `import("./x")` in type positions (typeof import(...)) is erased.
  return found;
}

const within = (target: string, ...folders: string[]) => folders.some((f) => target === f || target.startsWith(`${f}/`));

function violations(sources: string[], allowed: (edge: Edge) => boolean): string[] {
  return sources
    .flatMap(edges)
    .filter((e) => !allowed(e))
    .map((e) => `${e.from} → ${e.to}${e.typeOnly ? " (type)" : ""}`);
}

describe("layer rules", () => {
  it("provider/base (pure helpers, limits, process state) loads nothing above it", () => {
    expect(violations(files("provider/base"), (e) => e.typeOnly || within(e.to, "provider/base"))).toEqual([]);
  });

  it("provider/errors loads only provider/base", () => {
    expect(violations(files("provider/errors"), (e) => within(e.to, "provider/base", "provider/errors"))).toEqual([]);
  });

  it("the client loads only what is below it: base, errors, config (settings type, key message) and its version", () => {
    expect(
      violations(
        files("provider/client"),
        (e) => within(e.to, "provider/base", "provider/errors", "provider/client", "provider/config") || e.to === "package.json",
      ),
    ).toEqual([]);
  });

  it("provider/common (the resource kit) loads base, errors and itself: never the client, a resource or the runtime", () => {
    expect(
      violations(files("provider/common"), (e) => e.typeOnly || within(e.to, "provider/base", "provider/errors", "provider/common")),
    ).toEqual([]);
  });

  it("the settings load only base and errors", () => {
    expect(violations(["provider/config.ts"], (e) => within(e.to, "provider/base", "provider/errors"))).toEqual([]);
  });

  it("lookups and export use each resource's wire module, never its CRUD", () => {
    const sources = ["provider/lookups.ts", ...files("provider/export")];
    expect(violations(sources, (e) => !/\/crud$/.test(e.to) || e.to === "provider/common/crud")).toEqual([]);
  });

  it("nothing shipped, benchmarked or tooled loads tests/", () => {
    const sources = [...files("provider"), ...files("bench"), ...files("tooling")];
    expect(violations(sources, (e) => !within(e.to, "tests"))).toEqual([]);
  });

  it("tooling/ loads from provider/ only declarations (the kinds' registry and spec kit; the native plugin's lookups and settings)", () => {
    const declarations = ["provider/kinds", "provider/common/spec", "provider/native/functions", "provider/native/settings"];
    expect(violations(files("tooling"), (e) => e.typeOnly || !within(e.to, "provider") || declarations.includes(e.to))).toEqual([]);
    expect(edges("tooling/describe/index.ts").map((e) => e.to)).toContain("provider/kinds");
  });

  it("the native plugin (a front door like the shells) loads the runtime and what is below it, never the emulator or testing kit", () => {
    expect(violations(files("provider/native"), (e) => !within(e.to, "provider/emulator", "provider/testing", "provider/shells"))).toEqual(
      [],
    );
    expect(edges("provider/native/service.ts").map((e) => e.to)).toContain("provider/runtime");
  });

  it("provider/ loads neither bench/ nor tooling/", () => {
    expect(violations(files("provider"), (e) => !within(e.to, "bench", "tooling"))).toEqual([]);
  });

  it("the scan sees the imports it checks (a rule over no edges would pass vacuously)", () => {
    const seen = edges("provider/client/index.ts").map((e) => e.to);
    expect(seen).toEqual(expect.arrayContaining(["provider/errors", "provider/base/redact", "provider/client/wire"]));
    expect(edges("provider/base/processState.ts").every((e) => e.typeOnly)).toBe(true);
    expect(edges("provider/lookups.ts").map((e) => e.to)).toContain("provider/agent/wire");
  });
});
