import * as fs from "fs";
import * as path from "path";
import { REPO_ROOT } from "../../tooling/installPackage";
import { opsOf, startHarness, type Harness } from "../helpers/engineHarness";
import { programAt, runNode } from "../export/cli";

jest.setTimeout(120_000);

/**
 * examples/skill-as-code as its users run it, through the real provider host against the emulator:
 * compiled with its own tsconfig against the installed package, up, a preview with no change, a
 * changed reference file as one import, destroy deleting both skills.
 */
describe("examples/skill-as-code through the provider host", () => {
  let h: Harness;
  let project: string;

  beforeAll(async () => {
    h = await startHarness();
    const example = path.join(REPO_ROOT, "examples", "skill-as-code");
    project = path.join(h.dir, "skill-as-code");
    fs.rmSync(project, { recursive: true, force: true });
    fs.cpSync(example, project, { recursive: true });
    // The provider host runs in the program's folder, where `source: "skills/…"` is resolved.
    fs.rmSync(path.join(h.dir, "skills"), { recursive: true, force: true });
    fs.cpSync(path.join(example, "skills"), path.join(h.dir, "skills"), { recursive: true });
    await runNode([require.resolve("typescript/bin/tsc"), "-p", "tsconfig.json", "--outDir", "bin"], project);
  });
  afterAll(() => h?.stop());

  it("creates the integration and both skills; the folder's files are imported; the next preview shows no change", async () => {
    const up = await h.engine.up(programAt(project));
    expect(opsOf(up.steps)).toEqual(["create github", "create release-notes", "create ticket-triage"]);
    const skills = h.emulator.snapshot().skills;
    const github = h.emulator.snapshot().integrations[0].id;
    expect(skills).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: up.outputs.releaseNotesSkillId, slug: "release-notes", integrationIds: [github] }),
        expect.objectContaining({
          id: up.outputs.triageSkillId,
          name: "Ticket triage",
          files: [
            expect.objectContaining({ path: "SKILL.md" }),
            expect.objectContaining({ path: "reference/areas.md" }),
            expect.objectContaining({ path: "reference/priorities.md" }),
          ],
        }),
      ]),
    );
    const preview = await h.engine.preview(programAt(project));
    expect(preview.steps.filter((s) => s.op !== "same")).toEqual([]);
  });

  it("a changed reference file is one import; destroy deletes both skills", async () => {
    fs.appendFileSync(path.join(h.dir, "skills/ticket-triage/reference/areas.md"), "- **Mobile**: the iOS and Android apps\n");
    h.emulator.resetLog();
    const up = await h.engine.up(programAt(project));
    expect(opsOf(up.steps)).toEqual(["same github", "same release-notes", "update ticket-triage"]);
    expect(h.emulator.log.filter((e) => e.method !== "GET").map((e) => `${e.method} ${e.path}`)).toEqual(["POST /skills/v1/import"]);
    await h.engine.destroy();
    expect(h.emulator.snapshot().skills).toEqual([]);
  });
});
