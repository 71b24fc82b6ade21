import * as fs from "fs";
import { z } from "zod";
import { KINDS, RESOURCE_KINDS } from "../../provider/kinds";
import { inputKeys } from "../../provider/common/schema";
import { secretOutputsOf } from "../../provider/common/spec";
import { FUNCTIONS } from "../../provider/native/functions";
import { SCHEMA_FILE } from "../../provider/native/schema";
import { PROVIDER_SETTINGS } from "../../provider/native/settings";
import { schemaText } from "../../tooling/native/generate";

/**
 * schema.json ↔ the declarations. The file is generated from describeKinds() (the reference pages' source);
 * these fail when it is stale, and when it disagrees with what the runtime itself enforces (the zod inputs,
 * the specs' secrets and replace-on-change, the lookups the plugin answers, the settings configure reads).
 */
type Property = { type?: string; $ref?: string; secret?: boolean; willReplaceOnChanges?: boolean; default?: unknown; items?: Property };
interface Schema {
  config: { variables: Record<string, Property> };
  provider: { inputProperties: Record<string, Property> };
  resources: Record<string, { properties: Record<string, Property>; inputProperties: Record<string, Property>; requiredInputs: string[] }>;
  functions: Record<string, { inputs: { required: string[] }; outputs: { properties: Record<string, Property> } }>;
  types: Record<string, { properties: Record<string, Property> }>;
}

describe("the native plugin's package schema", () => {
  const text = fs.readFileSync(SCHEMA_FILE, "utf8");
  const schema = JSON.parse(text) as Schema;

  it("is what the declarations generate (run `npm run native-schema` after changing a kind)", () => {
    expect(text).toBe(schemaText());
  });

  it("declares every kind of the registry, with the inputs its zod schema accepts and the ones it requires", () => {
    expect(Object.keys(schema.resources)).toEqual(RESOURCE_KINDS.map((kind) => `langdock:index:${kind}`));
    for (const kind of RESOURCE_KINDS) {
      const declared = schema.resources[`langdock:index:${kind}`];
      const zod = KINDS[kind].schema();
      expect([kind, Object.keys(declared.inputProperties).sort()]).toEqual([kind, inputKeys(zod).sort()]);
      // Required exactly where the zod inputs have no default and are not optional.
      const json = z.toJSONSchema(zod.inputs, { io: "input", unrepresentable: "any" }) as { required?: string[] };
      expect([kind, [...declared.requiredInputs].sort()]).toEqual([kind, [...(json.required ?? [])].sort()]);
    }
  });

  it("marks the specs' secrets and replace-on-change properties, and declares every output as a property", () => {
    for (const kind of RESOURCE_KINDS) {
      const declared = schema.resources[`langdock:index:${kind}`];
      const secret = Object.entries(declared.properties)
        .filter(([, p]) => p.secret)
        .map(([name]) => name);
      expect([kind, secret]).toEqual([kind, secretOutputsOf(KINDS[kind].spec)]);
      const replacing = Object.entries(declared.inputProperties)
        .filter(([, p]) => p.willReplaceOnChanges)
        .map(([name]) => name);
      expect([kind, replacing.sort()]).toEqual([
        kind,
        inputKeys(KINDS[kind].schema())
          .filter((k) => KINDS[kind].schema().replaceOnChanges.includes(k))
          .sort(),
      ]);
      // Every output is declared (the preview's unknowns come from this list), never `id`.
      expect(Object.keys(declared.properties)).not.toContain("id");
      for (const input of Object.keys(declared.inputProperties).filter((k) => k !== "adoptId" && k !== "unmanaged"))
        expect([kind, input, input in declared.properties]).toEqual([kind, input, true]);
    }
    expect(schema.types["langdock:index:IntegrationOauthClient"].properties.clientSecret.secret).toBe(true);
  });

  it("offers exactly the lookups the plugin answers, and the settings configure reads", () => {
    expect(Object.keys(schema.functions).sort()).toEqual(
      Object.keys(FUNCTIONS)
        .map((name) => `langdock:index:${name}`)
        .sort(),
    );
    for (const [name, entry] of Object.entries(FUNCTIONS)) {
      if (entry.listProperty)
        expect(Object.keys(schema.functions[`langdock:index:${name}`].outputs.properties)).toEqual([entry.listProperty]);
    }
    expect(schema.functions["langdock:index:getIntegration"].inputs.required).toEqual(["id"]);
    expect(Object.keys(schema.provider.inputProperties)).toEqual(Object.keys(PROVIDER_SETTINGS));
    expect(Object.keys(schema.config.variables)).toEqual(Object.keys(PROVIDER_SETTINGS));
    expect(schema.provider.inputProperties.apiKey.secret).toBe(true);
  });

  it("carries the declarations' defaults", () => {
    expect(schema.resources["langdock:index:Agent"].inputProperties.creativity.default).toBe(0.3);
    expect(schema.resources["langdock:index:KnowledgeFile"].inputProperties.syncTimeoutSeconds.default).toBe(600);
  });
});
