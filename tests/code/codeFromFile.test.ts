import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { CODE_LIMITS, codeFromFile } from "../../provider/code";

let dir: string;
let cwd: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "codeFromFile-"));
  mkdirSync(path.join(dir, "actions"));
  cwd = process.cwd();
  // Pulumi runs the program in its own directory; relative paths must resolve against it.
  process.chdir(dir);
});

afterEach(() => {
  process.chdir(cwd);
  rmSync(dir, { recursive: true, force: true });
});

/** Valid code of exactly `length` characters. */
function sized(length: number): string {
  return `return "${"a".repeat(length - 'return "";'.length)}";`;
}

function write(relative: string, text: string): string {
  const file = path.join(dir, relative);
  writeFileSync(file, text);
  return file;
}

describe("codeFromFile", () => {
  it("returns the file's text, resolving a relative path against the program directory", () => {
    write("actions/get-user.js", "const r = await ld.request({ url: 'https://x.test' });\nreturn r.json;\n");
    expect(codeFromFile("./actions/get-user.js")).toBe("const r = await ld.request({ url: 'https://x.test' });\nreturn r.json;\n");
  });

  it("resolves against options.baseDir when given, and accepts absolute paths", () => {
    write("actions/a.js", "return 1;");
    process.chdir(cwd);
    expect(codeFromFile("actions/a.js", { baseDir: dir })).toBe("return 1;");
    expect(codeFromFile(path.join(dir, "actions/a.js"))).toBe("return 1;");
  });

  it("drops a byte-order mark that some editors write", () => {
    write("actions/bom.js", "\uFEFFreturn 1;");
    expect(codeFromFile("./actions/bom.js")).toBe("return 1;");
  });

  it("names the path as given and as resolved when the file does not exist", () => {
    expect(() => codeFromFile("./actions/x.js")).toThrow(
      `codeFromFile: ./actions/x.js does not exist (resolved to ${path.join(dir, "actions/x.js")}); create it or fix the path.`,
    );
  });

  it("says so when the path is a directory", () => {
    expect(() => codeFromFile("./actions")).toThrow(
      `codeFromFile: ./actions is a directory (resolved to ${path.join(dir, "actions")}); pass the path of a .js file.`,
    );
  });

  it("rejects action code over 150,000 characters with the count and the limit, and accepts exactly 150,000", () => {
    write("actions/exact.js", sized(CODE_LIMITS.action));
    expect(codeFromFile("./actions/exact.js")).toHaveLength(150_000);

    write("actions/big.js", sized(151_234));
    expect(() => codeFromFile("./actions/big.js")).toThrow(
      /^codeFromFile: \.\/actions\/big\.js is 151,234 characters; Langdock accepts at most 150,000 for action code: /,
    );
  });

  it("applies the 1,000-character limit of trigger polling code with kind: 'trigger'", () => {
    write("exact.js", sized(1_000));
    expect(codeFromFile("./exact.js", { kind: "trigger" })).toHaveLength(1_000);
    const code = sized(1_010);
    write("poll.js", code);
    expect(codeFromFile("./poll.js")).toBe(code); // fine as action code
    expect(() => codeFromFile("./poll.js", { kind: "trigger" })).toThrow(
      /^codeFromFile: \.\/poll\.js is 1,010 characters; Langdock accepts at most 1,000 for trigger polling code: /,
    );
  });

  it("fails at preview on a syntax error, with the file's own line number", () => {
    write("actions/broken.js", "const a = 1;\nconst b = ;\nreturn a;");
    expect(() => codeFromFile("./actions/broken.js")).toThrow(
      "codeFromFile: ./actions/broken.js is not valid JavaScript for action code (Unexpected token ';' at line 2); fix it before deploying.",
    );
    expect(codeFromFile("./actions/broken.js", { checkSyntax: false })).toContain("const b = ;");
  });

  it("accepts top-level await and return, as Langdock runs code as an async function body", () => {
    write("actions/ok.js", "const r = await ld.request({ url: 'https://x.test' });\nif (!r) return null;\nreturn r.json;");
    expect(() => codeFromFile("./actions/ok.js")).not.toThrow();
  });

  it('reads a skill\'s instructions with kind "skill": Markdown is never compiled, the limit is 50,000 characters', () => {
    write("faq.md", "# FAQ\n\nAnswer from the `handbook`; say so when it has no answer.\n");
    expect(codeFromFile("faq.md", { kind: "skill" })).toBe("# FAQ\n\nAnswer from the `handbook`; say so when it has no answer.\n");
    write("long.md", "x".repeat(CODE_LIMITS.skill + 1));
    expect(() => codeFromFile("long.md", { kind: "skill" })).toThrow(
      "long.md is 50,001 characters; Langdock accepts at most 50,000 for skill instructions: shorten it, or keep the skill as a folder (Skill's source) and move reference material into files next to its SKILL.md.",
    );
  });

  it("rejects an unknown kind and an empty path", () => {
    expect(() => codeFromFile("./a.js", { kind: "webhook" as never })).toThrow(
      'codeFromFile: options.kind must be "action", "trigger" or "skill", got "webhook".',
    );
    expect(() => codeFromFile("")).toThrow(/^codeFromFile: the path must be a non-empty string/);
  });
});
