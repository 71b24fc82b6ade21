import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { REPO_ROOT } from "../../tooling/installPackage";
import { runProject } from "../helpers/programRunner";
import { LangdockEmulator } from "../../provider/emulator";

/**
 * Every Pulumi project in the repo loads the way `pulumi up` loads it: Pulumi's program runner with its
 * vendored TypeScript loader (ts-node 7, type-checking), from the folder of its Pulumi.yaml.
 */
const isNodeProject = (dir: string) => {
  const file = path.join(REPO_ROOT, dir, "Pulumi.yaml");
  if (!fs.existsSync(file)) return false;
  const { runtime } = parse(fs.readFileSync(file, "utf8")) as { runtime: string | { name: string } };
  return (typeof runtime === "string" ? runtime : runtime.name) === "nodejs";
};
/** The TypeScript projects (the native plugin's YAML, Python and Go examples run on their own language hosts: tests/native). */
const projects = [".", ...fs.readdirSync(path.join(REPO_ROOT, "examples")).map((e) => path.join("examples", e))].filter(isNodeProject);

const EXPECTED_TYPES: Record<string, string[]> = {
  default: ["pulumi-nodejs:dynamic/langdock:Integration", "pulumi-nodejs:dynamic/langdock:Agent"],
  // The component declares one KnowledgeFile per doc in docs/.
  "examples/knowledge-agent": [
    "pulumi-nodejs:dynamic/langdock:Attachment",
    "langdock:index:KnowledgeDirectory",
    "pulumi-nodejs:dynamic/langdock:KnowledgeFile",
    "pulumi-nodejs:dynamic/langdock:Agent",
  ],
  "examples/skill-as-code": ["pulumi-nodejs:dynamic/langdock:Integration", "pulumi-nodejs:dynamic/langdock:Skill"],
};

describe("Pulumi projects of the repo", () => {
  // Lookups in a program (the offline-test example's getModels) run at plan time, against this emulator.
  let emulator: LangdockEmulator;
  beforeAll(async () => {
    emulator = await LangdockEmulator.start();
  });
  afterAll(() => emulator.close());

  it("are the root and every TypeScript example that has a Pulumi.yaml", () => {
    expect(projects).toEqual([
      ".",
      "examples/knowledge-agent",
      "examples/offline-test",
      "examples/skill-as-code",
      "examples/structured-agent",
    ]);
  });

  it.each(projects)(
    "%s loads through Pulumi's program runner and registers its resources",
    async (dir) => {
      const project = /^name:\s*(\S+)/m.exec(fs.readFileSync(path.join(REPO_ROOT, dir, "Pulumi.yaml"), "utf8"))![1];
      const result = await runProject(path.join(REPO_ROOT, dir), {
        // The config each example's README tells its users to set.
        config: {
          [`${project}:ticketsClientSecret`]: "example-secret",
          [`${project}:team`]: "support",
          [`${project}:crmClientId`]: "crm-client",
          [`${project}:crmClientSecret`]: "example-secret",
          "langdock:apiKey": emulator.apiKey,
          "langdock:baseUrl": emulator.url,
        },
      });
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      const types = result.registered.map((r) => r.type);
      expect(types[0]).toBe("pulumi:pulumi:Stack");
      expect(types).toEqual(expect.arrayContaining(EXPECTED_TYPES[dir] ?? EXPECTED_TYPES.default));
      for (const r of result.registered.slice(1).filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/"))) {
        expect(r.inputs.__provider).toContain('require("pulumi-langdock/runtime")');
      }
    },
    120_000,
  );
});
