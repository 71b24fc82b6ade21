import * as os from "os";
import * as path from "path";
import { REPO_ROOT, installPackage, requireInstalled } from "../../tooling/installPackage";
import { KINDS, serializedProviders } from "../helpers/serializedProviders";

/**
 * What Pulumi stores in every resource's state as `__provider`: the real closure serialization of
 * the provider object, from the package as users install it (a real copy under node_modules). It is
 * serialized BY VALUE: seven one-line methods that `require("pulumi-langdock/runtime")` when called,
 * so the text depends on no install path (tests/layouts checks it is byte-identical in every layout).
 */
const METHODS = ["configure", "check", "diff", "create", "read", "update", "delete"];
const MAX_BYTES = 3 * 1024;

describe("serialized __provider of the installed package", () => {
  let dir: string;
  let serialized: Record<string, string>;

  beforeAll(async () => {
    dir = installPackage();
    serialized = await serializedProviders();
  });

  it.each(KINDS)("%s is a plain object by value whose methods require the runtime, at most 3 KiB", (kind) => {
    const text = serialized[kind];
    expect(typeof text).toBe("string");
    const bytes = Buffer.byteLength(text);
    // Printed so size regressions are visible in the test output.
    console.log(`__provider of ${kind}: ${bytes} bytes`);
    expect(bytes).toBeLessThanOrEqual(MAX_BYTES);
    expect(text).toMatch(/^exports\.handler = __f0;\n/);
    expect(text).toContain(`var __provider = {${METHODS.map((m, i) => `${m}: __f${i + 1}`).join(", ")}};`);
    // Every call goes through the runtime entry point, for this kind (configure takes no kind).
    expect(text.split('require("pulumi-langdock/runtime")').length - 1).toBe(METHODS.length);
    expect(text.split(`kind: "${kind}"`).length - 1).toBe(METHODS.length - 1);
    // Nothing of the implementation, no module reference, no install location.
    expect(text).not.toMatch(/axios|zod|shells|node_modules|\.pnpm|dist\//);
    for (const location of [REPO_ROOT, dir, os.tmpdir(), os.homedir()]) expect(text).not.toContain(location);
    expect(text).not.toMatch(/["'`]\/[a-z]/i);
  });

  it("differs between kinds only in the kind", () => {
    const normalized = KINDS.map((kind) => serialized[kind].replaceAll(`kind: "${kind}"`, 'kind: "?"'));
    expect(new Set(normalized).size).toBe(1);
  });

  it("evaluates, as the host does, to a provider with every method (resolving the package from the program folder)", () => {
    const requireFromString = requireInstalled<(code: string, file?: string) => { handler(): Record<string, unknown> }>(
      path.join(dir, "node_modules", "require-from-string"),
    );
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      for (const kind of KINDS) {
        const provider = requireFromString(serialized[kind]).handler();
        expect(Object.keys(provider)).toEqual(METHODS);
        for (const method of METHODS) expect(typeof provider[method]).toBe("function");
      }
    } finally {
      process.chdir(cwd);
    }
  });

  it("keeps the 0.1.0 entry points: pulumi-langdock/shells/<kind> export a provider with every method", () => {
    for (const kind of KINDS) {
      const shell = requireInstalled<Record<string, unknown>>(`pulumi-langdock/shells/${kind.toLowerCase()}`);
      expect(Object.keys(shell)).toEqual(METHODS);
    }
    const runtime = requireInstalled<Record<string, unknown>>("pulumi-langdock/runtime");
    for (const method of METHODS) expect(typeof runtime[method]).toBe("function");
  });
});
