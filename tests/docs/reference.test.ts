import { describeKinds, type PackageDescription, type PropertyDescription } from "../../tooling/describe";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { RESOURCE_KINDS } from "../../provider/kinds";
import { LIMITS } from "../../provider/base/limits";
import { DEFAULT_CREATIVITY } from "../../provider/agent/properties";

/** Every property with its path, nested object properties included. */
function flatten(properties: PropertyDescription[], prefix = ""): [string, PropertyDescription][] {
  return properties.flatMap((p) => {
    const inner = p.type.kind === "object" ? p.type : p.type.kind === "array" && p.type.items.kind === "object" ? p.type.items : undefined;
    return [[`${prefix}${p.name}`, p] as [string, PropertyDescription], ...(inner ? flatten(inner.properties, `${prefix}${p.name}.`) : [])];
  });
}

describe("describeKinds", () => {
  let description: PackageDescription;
  beforeAll(() => {
    description = describeKinds();
  });
  const resource = (name: string) => description.resources.find((r) => r.name === name)!;
  const input = (kind: string, path: string) => new Map(flatten(resource(kind).inputs)).get(path);

  it("describes every kind of the registry, the components and every lookup the package exports", () => {
    const exported = Object.keys(require("../../provider/index"));
    expect(description.resources.filter((r) => r.type === "custom").map((r) => r.name)).toEqual(RESOURCE_KINDS);
    expect(description.resources.filter((r) => r.type === "component").map((r) => r.name)).toEqual(["KnowledgeDirectory"]);
    expect(description.lookups.map((l) => l.name).sort()).toEqual(exported.filter((name) => /^get[A-Z]/.test(name)).sort());
  });

  it("takes types, defaults and limits from the zod schemas (whose limits are base/limits.ts)", () => {
    expect(input("Agent", "creativity")).toMatchObject({
      type: { kind: "number" },
      default: DEFAULT_CREATIVITY,
      limits: { minimum: 0, maximum: 1 },
    });
    expect(input("Integration", "name")).toMatchObject({ required: true, limits: { minLength: 1, maxLength: LIMITS.integration.name } });
    expect(input("Agent", "conversationStarters")?.limits).toEqual({
      minLength: 1,
      maxLength: LIMITS.agent.conversationStarter,
      maxItems: LIMITS.agent.conversationStarters,
    });
    expect(input("Agent", "inputType")).toMatchObject({
      type: { kind: "string", enum: ["PROMPT", "STRUCTURED", "INTEGRATION", "SCHEDULED", "WEBHOOK"] },
      default: "PROMPT",
      required: false,
    });
    expect(input("Integration", "authFields.label")).toMatchObject({ required: true, limits: { maxLength: LIMITS.authField.label } });
  });

  it("marks secrets and replace-on-change from the kinds' specs and schemas", () => {
    expect(input("Integration", "oauthClient.clientSecret")?.secret).toBe(true);
    expect(input("Integration", "oauthClient.clientId")?.secret).toBe(false);
    expect(resource("Integration").outputs.find((o) => o.name === "oauthClient")?.secret).toBe(true);
    expect(input("Action", "integrationId")?.replaceOnChange).toBe(true);
    expect(input("Action", "name")?.replaceOnChange).toBe(false);
    expect(input("KnowledgeFile", "folderId")?.replaceOnChange).toBe(true);
  });

  it("describes every input from its Args TSDoc and every output from the class (document each new one there)", () => {
    const undocumented = description.resources.flatMap((r) =>
      flatten(r.inputs)
        .filter(([, p]) => p.description === "")
        .map(([path]) => `${r.name}.${path}`),
    );
    expect(undocumented).toEqual([]);
    const outputsUndocumented = description.resources.flatMap((r) =>
      r.outputs.filter((o) => o.description === "").map((o) => `${r.name}.${o.name}`),
    );
    expect(outputsUndocumented).toEqual([]);
    const argsUndocumented = description.lookups.flatMap((l) =>
      [...l.args, ...l.options].filter((a) => a.description === "").map((a) => `${l.name}.${a.name}`),
    );
    expect(argsUndocumented).toEqual([]);
    expect(input("Agent", "actions.actionId")?.description).toBe("Id of an action, e.g. `action.id`.");
  });

  it("lists outputs from the classes, id first, with lookups' arguments and results", () => {
    expect(resource("Agent").outputs.map((o) => o.name)).toEqual(expect.arrayContaining(["id", "model", "disabled", "createdAt"]));
    expect(resource("Agent").outputs[0]).toMatchObject({ name: "id", required: true });
    const getIntegration = description.lookups.find((l) => l.name === "getIntegration")!;
    expect(getIntegration.args.map((a) => a.name)).toEqual(["id"]);
    expect(getIntegration.options.map((a) => a.name)).toEqual(["apiKey", "baseUrl"]);
    expect(getIntegration.returns.kind === "object" && getIntegration.returns.properties.map((p) => p.name)).toEqual(
      expect.arrayContaining(["id", "name", "actions", "triggers"]),
    );
  });
});

describe("docs/reference", () => {
  const root = path.join(__dirname, "..", "..");
  // Prettier (which formats the pages) loads with a dynamic import jest's VM cannot run: the check runs as `npm run docs` does.
  const check = (dir: string) => {
    try {
      execFileSync(process.execPath, ["scripts/docs.js", "--check", "--dir", dir], {
        cwd: root,
        encoding: "utf8",
        stdio: "pipe",
        timeout: 120_000,
      });
      return "";
    } catch (error) {
      return String((error as { stderr?: string }).stderr);
    }
  };

  it("is what `npm run docs` generates from the declarations (run it and commit the pages)", () => {
    expect(check(path.join(root, "docs", "reference"))).toBe("");
  });

  it("the check fails on a stale, a missing or a left-over page, naming each", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ld-reference-"));
    try {
      fs.cpSync(path.join(root, "docs", "reference"), dir, { recursive: true });
      fs.appendFileSync(path.join(dir, "Agent.md"), "\nhand edit\n");
      fs.rmSync(path.join(dir, "getModels.md"));
      fs.writeFileSync(path.join(dir, "Gone.md"), "# Gone\n");
      expect(check(dir)).toBe("docs/reference is stale (Agent.md, Gone.md, getModels.md): run `npm run docs` and commit the pages.\n");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
