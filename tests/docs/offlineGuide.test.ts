import * as fs from "fs";
import * as path from "path";
import { installPackage, REPO_ROOT } from "../../tooling/installPackage";
import { extractSnippets } from "../../tooling/docs/snippets";
import { TEMPLATE_TSCONFIG } from "../../provider/export/project";
import { run } from "../helpers/programRunner";

const GUIDE = "docs/guides/offline-tests.md";

/**
 * The offline-test guide, verbatim: its files (jest config, program, index, test) written into a fresh
 * folder beside the installed package, under the `pulumi new typescript` tsconfig, and `npx jest` run
 * there as the guide says.
 */
describe("the offline stack test guide", () => {
  let dir: string | undefined;
  afterAll(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  it("runs as written: its jest test passes in a fresh folder with the packed package", async () => {
    const files = extractSnippets(fs.readFileSync(path.join(REPO_ROOT, GUIDE), "utf8"), GUIDE).filter((s) => s.file);
    expect(files.map((s) => s.file)).toEqual(["jest.config.js", "program.ts", "index.ts", "stack.test.ts"]);
    dir = fs.mkdtempSync(path.join(installPackage(), "offline-guide-"));
    for (const snippet of files) fs.writeFileSync(path.join(dir, snippet.file!), snippet.code);
    fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(TEMPLATE_TSCONFIG, null, 2));
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "support", private: true }, null, 2));

    // `npx jest` in the folder: the jest its node_modules holds.
    const jest = path.join(path.dirname(dir), "node_modules", "jest", "bin", "jest.js");
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, STATE_PASSPHRASE: "any-local-passphrase", CI: "true" };
    const result = await run(process.execPath, [jest, "--ci", "--colors=false"], dir, env, 240_000);
    expect({ code: result.code, summary: /Tests:.*$/m.exec(result.stderr)?.[0] }).toEqual({
      code: 0,
      summary: "Tests:       5 passed, 5 total",
    });
  }, 300_000);
});
