import * as fs from "fs";
import * as path from "path";
import { describeWithYaml, initStack, nativeSuite } from "./cliWorld";

/** File kinds through the native plugin: a path is read relative to the program's folder, as with the dynamic resources. */
describeWithYaml("an attachment from a YAML program on the native plugin", () => {
  jest.setTimeout(300_000);
  const suite = nativeSuite();

  it("uploads the program folder's file, previews clean, replaces it when the content changes, and destroys", async () => {
    const dir = suite.world.project(`
name: files
runtime: yaml
resources:
  handbook:
    type: langdock:index:Attachment
    properties:
      file: docs/handbook.md
  support:
    type: langdock:index:Agent
    properties:
      name: Handbook helper
      attachments:
        - \${handbook.id}
`);
    fs.mkdirSync(path.join(dir, "docs"));
    fs.writeFileSync(path.join(dir, "docs", "handbook.md"), "# Handbook\n\nBe kind.\n");
    await initStack(suite.world.cli, dir, "dev", suite.emulator);
    await suite.world.cli.run(dir, ["up", "--yes"]);
    const [first] = suite.emulator.snapshot().attachments;
    expect(first).toMatchObject({ name: "handbook.md" });
    expect(suite.emulator.snapshot().agents[0].attachments).toEqual([first.id]);
    await suite.world.cli.run(dir, ["preview", "--expect-no-changes"]);

    fs.writeFileSync(path.join(dir, "docs", "handbook.md"), "# Handbook\n\nBe kind and quick.\n");
    await suite.world.cli.run(dir, ["up", "--yes"]);
    const now = suite.emulator.snapshot();
    expect(now.attachments.map((a) => a.id)).not.toContain(first.id);
    expect(now.agents[0].attachments).toEqual([now.attachments[0].id]);

    await suite.world.cli.run(dir, ["destroy", "--yes"]);
    expect(suite.emulator.snapshot().attachments).toEqual([]);
  });
});
