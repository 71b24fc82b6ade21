import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { REPO_ROOT } from "../e2e/cliSuite";
import { describeWithYaml, initStack, nativeSuite } from "./cliWorld";

/**
 * The plugin as users install it: `npm run native-plugin` packs a tarball (the package, its production
 * dependencies, an executable `pulumi-resource-langdock`), `pulumi plugin install resource langdock <v> --file`
 * installs it, and a program with no `plugins:` entry finds it by name and version.
 */
describeWithYaml("the packed native plugin, installed with pulumi plugin install", () => {
  jest.setTimeout(600_000);
  const suite = nativeSuite();
  const { version } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { version: string };

  it("installs from the tarball, serves the package schema, and runs a program's up and destroy", async () => {
    const out = execFileSync(process.execPath, [path.join(REPO_ROOT, "scripts", "native-plugin.js")], { cwd: REPO_ROOT, encoding: "utf8" });
    const tarball = out.trim().split("\n").pop()!;
    expect(path.basename(tarball)).toBe(
      `pulumi-resource-langdock-v${version}-linux-${process.arch === "x64" ? "amd64" : process.arch}.tar.gz`,
    );

    const dir = suite.world.project(
      `name: installed\nruntime: yaml\nresources:\n  helper:\n    type: langdock:index:Agent\n    properties:\n      name: Installed helper\n`,
      false,
    );
    await suite.world.cli.run(dir, ["plugin", "install", "resource", "langdock", version, "--file", tarball]);
    const schema = (await suite.world.cli.run(dir, ["package", "get-schema", "langdock"])).stdout;
    // The CLI re-serializes the schema (empty objects dropped): the same package, resources and functions.
    const served = JSON.parse(schema) as { name: string; version: string; resources: object; functions: object };
    const file = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "schema.json"), "utf8")) as typeof served;
    const keys = (o: object) => Object.keys(o).sort();
    expect([served.name, served.version, keys(served.resources), keys(served.functions)]).toEqual([
      file.name,
      file.version,
      keys(file.resources),
      keys(file.functions),
    ]);

    await initStack(suite.world.cli, dir, "dev", suite.emulator);
    await suite.world.cli.run(dir, ["up", "--yes"]);
    expect(suite.emulator.snapshot().agents.map((a) => a.name)).toEqual(["Installed helper"]);
    await suite.world.cli.run(dir, ["destroy", "--yes"]);
    expect(suite.emulator.snapshot().agents.every((a) => a.disabled)).toBe(true);
  });
});
