import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { checkInputs, diffInputs, inputsFromOutputs } from "../../provider/common/schema";
import { skillSchema } from "../../provider/skill/schema";
import { UNKNOWN } from "../../provider/common/unknown";

const CRM = "11111111-1111-4111-8111-111111111111";
const TICKETS = "22222222-2222-4222-8222-222222222222";
const fields = { name: "FAQ", instructions: "Answer from the handbook." };

describe("Skill check", () => {
  it("reports every field failure at once, with its property path", () => {
    const { failures } = checkInputs(skillSchema, {
      name: "n".repeat(65),
      slug: "Not A Slug",
      description: "d".repeat(1025),
      instructions: "i".repeat(50_001),
      integrationIds: ["crm", CRM, CRM],
      color: "red",
    });
    expect(failures).toEqual([
      { property: "name", reason: "must be at most 64 characters (got 65)" },
      { property: "slug", reason: 'must be lowercase letters, digits and dashes (got "Not A Slug")' },
      { property: "description", reason: "must be at most 1024 characters (got 1025)" },
      { property: "instructions", reason: "must be at most 50000 characters (got 50001)" },
      { property: "integrationIds[0]", reason: 'must be the id of an integration, a UUID (got "crm")' },
      {
        property: "color",
        reason: "is not a known property; known properties: name, slug, description, instructions, integrationIds, source, adoptId",
      },
      { property: "integrationIds[2]", reason: `"${CRM}" is listed twice; list each integration once` },
    ]);
  });

  it("needs name and instructions, or a source", () => {
    expect(checkInputs(skillSchema, {}).failures).toEqual([
      { property: "name", reason: "is required (or set source to a folder holding a SKILL.md)" },
      { property: "instructions", reason: "is required (or set source to a folder holding a SKILL.md)" },
    ]);
  });

  it("refuses the SKILL.md's fields and a slug next to a source", () => {
    expect(checkInputs(skillSchema, { source: "skills/faq", name: "FAQ", slug: "faq" }).failures).toEqual([
      {
        property: "name",
        reason:
          "comes from the SKILL.md frontmatter and body of source; remove name, or remove source and set name, description and instructions here",
      },
      {
        property: "slug",
        reason: "is derived by Langdock from the SKILL.md's name when source is set (its import matches skills by it); remove slug",
      },
    ]);
  });

  it("does not judge values unknown at preview", () => {
    expect(checkInputs(skillSchema, { ...fields, integrationIds: [UNKNOWN, UNKNOWN] }).failures).toEqual([]);
    expect(checkInputs(skillSchema, { source: UNKNOWN }).failures).toEqual([]);
  });
});

describe("Skill check of a source", () => {
  let dir: string;
  const cwd = process.cwd();
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "skill-schema-"));
    process.chdir(dir);
  });
  afterEach(() => {
    process.chdir(cwd);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const write = (rel: string, content: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  };
  const failureOf = (source: string) => checkInputs(skillSchema, { source }).failures;

  it("adds the SKILL.md's name, description, instructions and a content hash to the inputs", () => {
    write("faq/SKILL.md", "---\nname: FAQ\ndescription: >\n  Answers product\n  questions\n---\n\nAnswer from the handbook.\n\n");
    write("faq/handbook.md", "# Handbook\n");
    const { inputs, failures } = checkInputs(skillSchema, { source: "faq" });
    expect(failures).toEqual([]);
    expect(inputs).toEqual({
      source: "faq",
      name: "FAQ",
      description: "Answers product questions",
      instructions: "Answer from the handbook.",
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const hash = inputs.contentHash;
    write("faq/handbook.md", "# Handbook v2\n");
    expect(checkInputs(skillSchema, { source: "faq" }).inputs.contentHash).not.toBe(hash);
    write("faq/handbook.md", "# Handbook\n");
    write("faq/.DS_Store", "hidden files are not part of the skill");
    expect(checkInputs(skillSchema, { source: "./faq/" }).inputs.contentHash).toBe(hash);
  });

  it("says exactly what is wrong with a source", () => {
    expect(failureOf("missing")).toEqual([
      {
        property: "source",
        reason: `"missing" does not exist (looked for ${path.join(fs.realpathSync(dir), "missing")}; relative paths start at the program's folder)`,
      },
    ]);
    write("empty/notes.md", "x");
    expect(failureOf("empty")[0].reason).toBe(
      '"empty" has no SKILL.md: a skill folder holds a SKILL.md (YAML frontmatter with name and description, then the instructions) and the files it uses',
    );
    write("notes.txt", "x");
    expect(failureOf("notes.txt")[0].reason).toBe(
      '"notes.txt" is not a skill: pass a folder holding a SKILL.md, a SKILL.md file, or a .zip or .skill archive',
    );
    write("a/SKILL.md", "# No frontmatter\n");
    expect(failureOf("a")[0].reason).toBe(
      '"a/SKILL.md" must start with YAML frontmatter between "---" lines, holding the skill\'s name and description',
    );
    write("b/SKILL.md", "---\nname: [unclosed\n---\nBody\n");
    expect(failureOf("b")[0].reason).toMatch(/^"b\/SKILL\.md" has frontmatter that is not valid YAML \(.+\)$/);
    write("c/SKILL.md", "---\ndescription: d\n---\nBody\n");
    expect(failureOf("c")[0].reason).toBe('"c/SKILL.md" has no name in its frontmatter (add a name: line)');
    write("d/SKILL.md", `---\nname: ${"n".repeat(65)}\ndescription: d\n---\nBody\n`);
    expect(failureOf("d")[0].reason).toBe('"d/SKILL.md" has a frontmatter name of 65 characters; Langdock accepts at most 64');
    write("e/SKILL.md", "---\nname: E\ndescription: d\n---\n\n");
    expect(failureOf("e")[0].reason).toBe('"e/SKILL.md" has no instructions: write them below the frontmatter');
    write("f/SKILL.md", "---\nname: F\n---\nBody\n");
    expect(failureOf("f")[0].reason).toBe('"f/SKILL.md" has no description in its frontmatter (add a description: line)');
    write("broken.zip", "not a zip");
    expect(failureOf("broken.zip")[0].reason).toBe(
      '"broken.zip" cannot be read as a zip archive (not a zip archive (no end of central directory record))',
    );
  });

  it("counts text files with LF line ends, so a CRLF checkout is no change; binary files byte for byte", () => {
    write("lf/SKILL.md", "---\nname: LF\ndescription: d\n---\nLine one\nLine two\n");
    write("lf/logo.bin", "\0\r\n");
    write("crlf/SKILL.md", "---\r\nname: LF\r\ndescription: d\r\n---\r\nLine one\r\nLine two\r\n");
    write("crlf/logo.bin", "\0\r\n");
    const lf = checkInputs(skillSchema, { source: "lf" }).inputs;
    const crlf = checkInputs(skillSchema, { source: "crlf" }).inputs;
    expect(crlf.contentHash).toBe(lf.contentHash);
    expect(diffInputs(skillSchema, lf, crlf).diffs).toEqual([]);
    write("crlf/logo.bin", "\0\n");
    expect(checkInputs(skillSchema, { source: "crlf" }).inputs.contentHash).not.toBe(lf.contentHash);
  });

  it("follows a symbolic link to a folder once, never in circles", () => {
    write("loop/SKILL.md", "---\nname: Loop\ndescription: d\n---\nBody\n");
    write("shared/notes.md", "shared");
    fs.symlinkSync(path.join(dir, "loop"), path.join(dir, "loop", "again"));
    fs.symlinkSync(path.join(dir, "shared"), path.join(dir, "loop", "shared"));
    const { folderEntries } = require("../../provider/skill/source") as typeof import("../../provider/skill/source");
    expect(folderEntries(path.join(dir, "loop")).map((e) => e.path)).toEqual(["SKILL.md", "shared/notes.md"]);
  });

  it("reads a SKILL.md file and a .skill archive with the skill in one top-level folder", () => {
    write("FAQ.md", "---\nname: FAQ\ndescription: d\n---\nBody\n");
    expect(checkInputs(skillSchema, { source: "FAQ.md" }).inputs).toMatchObject({ name: "FAQ", instructions: "Body" });
    const { writeZip } = require("../../provider/base/zip") as typeof import("../../provider/base/zip");
    fs.writeFileSync(
      path.join(dir, "faq.skill"),
      writeZip([{ path: "faq/SKILL.md", bytes: Buffer.from("---\nname: Zipped\ndescription: d\n---\nFrom the archive\n") }]),
    );
    expect(checkInputs(skillSchema, { source: "faq.skill" }).inputs).toMatchObject({ name: "Zipped", instructions: "From the archive" });
  });
});

describe("Skill diff", () => {
  const outputs = { ...fields, slug: "faq", description: undefined, integrationIds: [CRM, TICKETS], createdAt: "t", updatedAt: "t" };

  it("compares integrationIds as a set, trailing whitespace of instructions not at all, and a server-derived slug only when set", () => {
    const news = { ...fields, instructions: "Answer from the handbook.  \n", integrationIds: [TICKETS, CRM] };
    expect(diffInputs(skillSchema, outputs, news).diffs).toEqual([]);
    expect(diffInputs(skillSchema, outputs, { ...news, slug: "faq-2" }).diffs).toEqual(["slug"]);
    expect(diffInputs(skillSchema, { ...outputs, integrationIds: [] }, { ...fields }).diffs).toEqual([]);
    expect(diffInputs(skillSchema, outputs, { ...fields, description: "" }).diffs).toEqual(["integrationIds"]);
  });

  it("compares a source by content, not by path", () => {
    const olds = { ...outputs, source: "skills/faq", contentHash: "a" };
    const news = { ...fields, integrationIds: [CRM, TICKETS], source: "/checkout/skills/faq", contentHash: "a" };
    expect(diffInputs(skillSchema, olds, news).diffs).toEqual([]);
    expect(diffInputs(skillSchema, olds, { ...news, contentHash: "b" }).diffs).toEqual(["contentHash"]);
  });

  it("a refresh projects Langdock's answer as the program would state it", () => {
    expect(inputsFromOutputs(skillSchema, { ...outputs, integrationIds: [] })).toEqual({ ...fields, slug: "faq" });
  });
});
