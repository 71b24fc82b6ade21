import * as fs from "fs";
import * as path from "path";
import { REPO_ROOT } from "../../tooling/installPackage";
import { runProject } from "../helpers/programRunner";

/**
 * Every Pulumi project in the repo loads the way `pulumi up` loads it: Pulumi's program runner with its
 * vendored TypeScript loader (ts-node 7, type-checking), from the folder of its Pulumi.yaml.
 */
const projects = [".", ...fs.readdirSync(path.join(REPO_ROOT, "examples")).map((e) => path.join("examples", e))].filter((dir) =>
  fs.existsSync(path.join(REPO_ROOT, dir, "Pulumi.yaml")),
);

describe("Pulumi projects of the repo", () => {
  it("are the root and every example that has a Pulumi.yaml", () => {
    expect(projects).toEqual([".", "examples/structured-agent"]);
  });

  it.each(projects)(
    "%s loads through Pulumi's program runner and registers its resources",
    async (dir) => {
      const project = /^name:\s*(\S+)/m.exec(fs.readFileSync(path.join(REPO_ROOT, dir, "Pulumi.yaml"), "utf8"))![1];
      const result = await runProject(path.join(REPO_ROOT, dir), { config: { [`${project}:ticketsClientSecret`]: "example-secret" } });
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      const types = result.registered.map((r) => r.type);
      expect(types[0]).toBe("pulumi:pulumi:Stack");
      expect(types).toEqual(expect.arrayContaining(["pulumi-nodejs:dynamic/langdock:Integration", "pulumi-nodejs:dynamic/langdock:Agent"]));
      for (const r of result.registered.slice(1)) expect(r.inputs.__provider).toContain('require("pulumi-langdock/runtime")');
    },
    120_000,
  );
});
