import * as fs from "fs";
import * as path from "path";
import { LangdockEmulator } from "../../provider/emulator";
import { describeWithYaml, initStack, nativeWorld, type NativeWorld } from "./cliWorld";

/** File kinds through the native plugin: a path is read relative to the program's folder, as with the dynamic resources. */
describeWithYaml("an attachment from a YAML program on the native plugin", () => {
  jest.setTimeout(300_000);
  let world: NativeWorld;
  let emulator: LangdockEmulator;

  beforeAll(async () => {
    world = nativeWorld();
    emulator = await LangdockEmulator.start();
  });
  afterAll(async () => {
    await emulator?.close();
    world?.stop();
  });

  it("uploads the program folder's file, previews clean, replaces it when the content changes, and destroys", async () => {
    const dir = world.project(`
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
    await initStack(world.cli, dir, "dev", emulator);
    await world.cli.run(dir, ["up", "--yes"]);
    const [first] = emulator.snapshot().attachments;
    expect(first).toMatchObject({ name: "handbook.md" });
    expect(emulator.snapshot().agents[0].attachments).toEqual([first.id]);
    await world.cli.run(dir, ["preview", "--expect-no-changes"]);

    fs.writeFileSync(path.join(dir, "docs", "handbook.md"), "# Handbook\n\nBe kind and quick.\n");
    await world.cli.run(dir, ["up", "--yes"]);
    const now = emulator.snapshot();
    expect(now.attachments.map((a) => a.id)).not.toContain(first.id);
    expect(now.agents[0].attachments).toEqual([now.attachments[0].id]);

    await world.cli.run(dir, ["destroy", "--yes"]);
    expect(emulator.snapshot().attachments).toEqual([]);
  });
});
