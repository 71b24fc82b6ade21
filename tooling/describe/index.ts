import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { z } from "zod";
import { KINDS, RESOURCE_KINDS, type ResourceKind } from "../../provider/kinds";
import { secretOutputsOf } from "../../provider/common/spec";
import { SourceDocs } from "./sourceDocs";
import type { Limits, LookupDescription, PackageDescription, PropertyDescription, ResourceDescription, TypeDescription } from "./types";

export type * from "./types";

const REPO_ROOT = path.resolve(__dirname, "..", "..");
/** Dynamic resources register as `pulumi-nodejs:dynamic/langdock:<kind>` (provider/resource.ts). */
const DYNAMIC_TOKEN_PREFIX = "pulumi-nodejs:dynamic/langdock:";

/**
 * Every resource kind of provider/kinds.ts, every component and every lookup the package exports, with
 * every input and output, from their one declaration each: type, required, default and limits from the
 * kind's zod input schema (whose limits are provider/base/limits.ts), replace-on-change and secrets from
 * its spec and schema, descriptions from the TSDoc of its `…Args` and class. Nothing here is per kind.
 */
export function describeKinds(providerDir = path.join(REPO_ROOT, "provider")): PackageDescription {
  const docs = new SourceDocs(providerDir);
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { name: string; version: string };
  return {
    packageName: manifest.name,
    version: manifest.version,
    resources: [
      ...RESOURCE_KINDS.map((kind) => describeKind(docs, kind)),
      ...docs.componentNames().map((name) => describeComponent(docs, name)),
    ],
    lookups: docs.lookupNames().map((name) => describeLookup(docs, name)),
  };
}

/** The part of a JSON Schema (what `z.toJSONSchema` writes) the descriptions read. */
interface JsonSchema extends Limits {
  type?: string;
  enum?: string[];
  format?: string;
  pattern?: string;
  default?: unknown;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
}

interface Marks {
  /** Secret input paths (`oauthClient.clientSecret`). */
  secret: readonly string[];
  replace: readonly string[];
}

type DocProperty = ReturnType<SourceDocs["propertiesOf"]>[number];

function describeKind(docs: SourceDocs, kind: ResourceKind): ResourceDescription {
  const { spec, schema: loadSchema } = KINDS[kind];
  const schema = loadSchema();
  const json = z.toJSONSchema(schema.inputs, { io: "input", unrepresentable: "any" }) as JsonSchema;
  const args = docs.argsOf(kind);
  const marks: Marks = { secret: spec.secretInputs, replace: schema.replaceOnChanges };
  const inputs = fromJsonSchema(docs, json, docs.propertiesOf(args.type), marks, "");
  const secretOutputs = secretOutputsOf(spec);
  const id: PropertyDescription = {
    name: "id",
    description: `The ${spec.noun}'s id in Langdock.`,
    type: { kind: "string" },
    required: true,
    limits: {},
    replaceOnChange: false,
    secret: false,
  };
  const outputs = docs.classOutputs(kind).map((member): PropertyDescription => {
    const input = inputs.find((i) => i.name === member.name);
    const base = input
      ? { ...input, limits: {}, default: undefined, description: member.description || input.description }
      : docs.plainProperty(member.name, member.description, member.type, false);
    return {
      ...withoutUndefined(base),
      required: !docs.mayBeUndefined(member.type) && (input ? input.required || input.default !== undefined : true),
      secret: secretOutputs.includes(member.name),
      replaceOnChange: schema.replaceOnChanges.includes(member.name),
    };
  });
  return {
    name: kind,
    type: "custom",
    token: `${DYNAMIC_TOKEN_PREFIX}${kind}`,
    description: docs.doc(docs.exported(kind)!),
    argsType: args.name,
    inputs,
    outputs: [id, ...outputs],
  };
}

/** Inputs from the zod schema's JSON form, described by the matching `…Args` properties, nested objects included. */
function fromJsonSchema(
  docs: SourceDocs,
  object: JsonSchema,
  docProps: DocProperty[],
  marks: Marks,
  prefix: string,
): PropertyDescription[] {
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const doc = docProps.find((p) => p.name === name);
    const pathName = `${prefix}${name}`;
    const nested = doc && docs.objectInside(doc.type);
    const nestedDocs = nested ? docs.propertiesOf(nested) : [];
    return withoutUndefined({
      name,
      description: doc?.description ?? "",
      type: typeOf(docs, property, nestedDocs, marks, `${pathName}.`),
      required: (object.required ?? []).includes(name),
      default: property.default,
      limits: limitsOf(property),
      replaceOnChange: prefix === "" && marks.replace.includes(name),
      secret: marks.secret.includes(pathName),
    });
  });
}

function typeOf(docs: SourceDocs, schema: JsonSchema, nestedDocs: DocProperty[], marks: Marks, prefix: string): TypeDescription {
  switch (schema.type) {
    case "string":
      return withoutUndefined({
        kind: "string" as const,
        enum: schema.enum,
        format: schema.format,
        pattern: schema.format ? undefined : schema.pattern,
      });
    case "integer":
    case "number":
    case "boolean":
      return { kind: schema.type };
    case "array":
      return { kind: "array", items: schema.items ? typeOf(docs, schema.items, nestedDocs, marks, prefix) : { kind: "any" } };
    case "object":
      return { kind: "object", properties: fromJsonSchema(docs, schema, nestedDocs, marks, prefix) };
    default:
      return { kind: "any" };
  }
}

function limitsOf(schema: JsonSchema): Limits {
  const items = schema.type === "array" && schema.items?.type !== "object" ? schema.items : undefined;
  return withoutUndefined({
    minLength: schema.minLength ?? items?.minLength,
    maxLength: schema.maxLength ?? items?.maxLength,
    // zod's integers carry the safe-integer bounds: not a limit anyone enforces.
    minimum: schema.minimum === Number.MIN_SAFE_INTEGER ? undefined : schema.minimum,
    maximum: schema.maximum === Number.MAX_SAFE_INTEGER ? undefined : schema.maximum,
    minItems: schema.minItems,
    maxItems: schema.maxItems,
  });
}

function describeComponent(docs: SourceDocs, name: string): ResourceDescription {
  const args = docs.argsOf(name);
  const cls = docs.exported(name)!;
  return {
    name,
    type: "component",
    token: componentToken(cls) ?? name,
    description: docs.doc(cls),
    argsType: args.name,
    inputs: docs.propertiesOf(args.type).map((p) => docs.plainProperty(p.name, p.description, p.type, !p.optional)),
    outputs: docs.classOutputs(name).map((o) => docs.plainProperty(o.name, o.description, o.type, !docs.mayBeUndefined(o.type))),
  };
}

/** The type token a component passes to `super(...)`. */
function componentToken(cls: ts.Symbol): string | undefined {
  let token: string | undefined;
  const visit = (node: ts.Node): void => {
    if (token) return;
    if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.SuperKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    )
      token = node.arguments[0].text;
    else ts.forEachChild(node, visit);
  };
  if (cls.valueDeclaration) visit(cls.valueDeclaration);
  return token;
}

function describeLookup(docs: SourceDocs, name: string): LookupDescription {
  const lookup = docs.lookup(name);
  const describeParams = (param: (typeof lookup.params)[number] | undefined) =>
    param ? docs.propertiesOf(param.type).map((p) => docs.plainProperty(p.name, p.description, p.type, !p.optional)) : [];
  return {
    name,
    description: lookup.description,
    args: describeParams(lookup.params.find((p) => p.name !== "options")),
    options: describeParams(lookup.params.find((p) => p.name === "options")),
    returns: docs.describeType(lookup.returns),
    returnsName: docs.checker.typeToString(lookup.returns),
  };
}

/** A copy without keys whose value is undefined (the description is JSON: absent, not undefined). */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
