import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { installPackageAt, REPO_ROOT } from "../../tooling/installPackage";
import { extractSnippets, isTypeScript, snippetFile, userDocs, type Snippet } from "../../tooling/docs/snippets";
import { TEMPLATE_TSCONFIG } from "../../provider/export/project";
import { run } from "../helpers/programRunner";

const tsc = require.resolve("typescript/bin/tsc");

/** A page that must fail exactly where expected: proves errors are found and mapped back to the page's lines. */
const SELF_CHECK_DOC = "(self-check).md";
const SELF_CHECK = [
  "Some prose.",
  "",
  "```ts",
  'import { Agent } from "pulumi-langdock";',
  'export const agent = new Agent("a", { name: "A", creativity: "high" });',
  "```",
  "",
  "<!-- snippet: fragment -->",
  "```ts",
  "not even TypeScript",
  "```",
  "",
].join("\n");

const folderOf = (doc: string) => doc.replace(/\.md$/, "").replace(/[^A-Za-z0-9]+/g, "_");

describe("TypeScript blocks of README.md and docs/", () => {
  const snippets = [...userDocs(REPO_ROOT).flatMap((doc) => extractSnippets(fs.readFileSync(path.join(REPO_ROOT, doc), "utf8"), doc))];
  const compiled = [...snippets, ...extractSnippets(SELF_CHECK, SELF_CHECK_DOC)].filter((s) => isTypeScript(s) && !s.fragment);
  const errors: string[] = [];
  let dir: string | undefined;

  /** `page:line: message` for one tsc diagnostic line (`folder/file.ts(3,5): error TS…`). */
  const located = (where: Map<string, Snippet>, line: string) => {
    const m = /^(.+?\.ts)\((\d+),(\d+)\): (error .*)$/.exec(line);
    const snippet = m && where.get(m[1]);
    return snippet && m ? `${snippet.doc}:${snippet.line + Number(m[2]) - 1}: ${m[4]}` : line;
  };

  beforeAll(async () => {
    // Outside the repo, with the installed package, under the tsconfig `pulumi new typescript` writes.
    dir = installPackageAt(fs.mkdtempSync(path.join(os.tmpdir(), "ld-snippets-")));
    const where = new Map<string, Snippet>();
    for (const snippet of compiled) {
      const file = path.posix.join(folderOf(snippet.doc), snippetFile(snippet));
      // A block without import/export is a script; as a module its names cannot clash with other blocks'.
      const code = /^\s*(import|export)\s/m.test(snippet.code) ? snippet.code : `${snippet.code}export {};\n`;
      fs.mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), code);
      where.set(file, snippet);
    }
    const projects = { plain: compiled.filter((s) => !s.jest), jest: compiled.filter((s) => s.jest) };
    await Promise.all(
      Object.entries(projects).map(async ([name, group]) => {
        const project = path.join(dir!, `tsconfig.${name}.json`);
        const types = name === "jest" ? ["node", "jest"] : ["node"];
        const files = group.map((s) => path.posix.join(folderOf(s.doc), snippetFile(s)));
        fs.writeFileSync(
          project,
          JSON.stringify({ compilerOptions: { ...TEMPLATE_TSCONFIG.compilerOptions, noEmit: true, types }, files }),
        );
        const result = await run(process.execPath, [tsc, "-p", project, "--pretty", "false"], dir!, process.env, 240_000);
        errors.push(
          ...`${result.stdout}${result.stderr}`
            .split("\n")
            .filter((l) => l.trim() !== "")
            .map((l) => located(where, l)),
        );
      }),
    );
  }, 300_000);
  afterAll(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  it("every block compiles under the pulumi new typescript tsconfig (fragments are marked <!-- snippet: fragment -->)", () => {
    expect(errors.filter((e) => !e.startsWith(SELF_CHECK_DOC))).toEqual([]);
  });

  it("the check finds an error and names the page's line (a self-check page with one wrong value)", () => {
    expect(errors.filter((e) => e.startsWith(SELF_CHECK_DOC))).toEqual([expect.stringMatching(/^\(self-check\)\.md:5: error TS2322: /)]);
  });

  it("the README and the guides hold compiled examples, and only a few blocks are marked partial", () => {
    const pages = new Set(compiled.map((s) => s.doc));
    for (const page of ["README.md", "docs/guides/your-own-project.md", "docs/guides/offline-tests.md", "docs/reference/Agent.md"])
      expect([...pages]).toContain(page);
    const fragments = snippets.filter((s) => isTypeScript(s) && s.fragment);
    expect(fragments.length).toBeLessThanOrEqual(5);
  });
});

describe("user docs", () => {
  // The developer pages speak to contributors: they may name test files and measured figures.
  const forContributors = [
    "docs/ARCHITECTURE.md",
    "docs/development.md",
    "docs/benchmarks.md",
    "docs/langdock-api.md",
    "docs/reliability-report.md",
  ];
  const pages = userDocs(REPO_ROOT).filter((doc) => !forContributors.includes(doc));

  it("name no test files or scratch folders of this repository", () => {
    const found = pages.flatMap((doc) =>
      fs
        .readFileSync(path.join(REPO_ROOT, doc), "utf8")
        .split("\n")
        .flatMap((line, i) => (/(^|[\s(`"'])(tests\/|\.tmp\/)/.test(line) ? [`${doc}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });

  it("link only to files that exist (guides other branches write are allowed until they merge)", () => {
    const pending = ["docs/guides/pulumi-cli.md", "docs/guides/native-provider.md", "docs/guides/langdock-api-2026.md"];
    const broken = userDocs(REPO_ROOT).flatMap((doc) =>
      [...fs.readFileSync(path.join(REPO_ROOT, doc), "utf8").matchAll(/\]\(([^)\s]+)\)/g)]
        .map((m) => m[1].split("#")[0])
        .filter((target) => target !== "" && !/^[a-z]+:/.test(target))
        .map((target) => path.relative(REPO_ROOT, path.resolve(REPO_ROOT, path.dirname(doc), target)))
        .filter((target) => !fs.existsSync(path.join(REPO_ROOT, target)) && !pending.includes(target))
        .map((target) => `${doc} → ${target}`),
    );
    expect(broken).toEqual([]);
  });

  it("README.md is a landing page of at most 250 lines", () => {
    expect(fs.readFileSync(path.join(REPO_ROOT, "README.md"), "utf8").split("\n").length).toBeLessThanOrEqual(250);
  });
});
