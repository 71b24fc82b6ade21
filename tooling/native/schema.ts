import type { LookupDescription, PackageDescription, PropertyDescription, ResourceDescription, TypeDescription } from "../describe";
import { FUNCTIONS } from "../../provider/native/functions";
import { PROVIDER_SETTINGS } from "../../provider/native/settings";

/**
 * The Pulumi package schema of the native plugin, generated from `describeKinds()` — the same description
 * the reference pages are generated from (types, descriptions, defaults, secrets, replace-on-change from
 * each kind's zod schema, spec and TSDoc). `npm run native-schema` writes it to schema.json, which the
 * plugin serves (GetSchema) and `pulumi package gen-sdk` reads; tests/native/schema.test.ts fails when
 * the file and the declarations disagree.
 */
export const PACKAGE = "langdock";
const token = (name: string) => `${PACKAGE}:index:${name}`;

type Spec = Record<string, unknown>;
interface ObjectSpec {
  type: "object";
  description?: string;
  properties: Record<string, Spec>;
  required: string[];
}

export function packageSchemaOf(description: PackageDescription): Spec {
  const types = new Map<string, ObjectSpec>();
  const resources: Record<string, Spec> = {};
  for (const resource of description.resources.filter((r) => r.type === "custom")) {
    resources[token(resource.name)] = resourceSpec(resource, types);
  }
  const functions: Record<string, Spec> = {};
  for (const lookup of description.lookups) functions[token(lookup.name)] = functionSpec(lookup, types);
  const settings = Object.fromEntries(
    Object.entries(PROVIDER_SETTINGS).map(([name, s]) => [
      name,
      withoutEmpty({ type: s.type, secret: s.secret || undefined, description: `${s.description} Falls back to ${s.env}.` }),
    ]),
  );
  return {
    name: PACKAGE,
    displayName: "Langdock",
    version: description.version,
    description: "Langdock integrations, actions, triggers, agents, attachments and knowledge files as code.",
    keywords: ["pulumi", "langdock", "ai", "kind/native"],
    license: "Apache-2.0",
    config: { variables: settings },
    provider: {
      description: "A Langdock workspace: its API key and base URL. Several instances manage several workspaces in one program.",
      inputProperties: settings,
      properties: settings,
    },
    resources,
    functions,
    types: Object.fromEntries([...types.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, spec]) => [token(name), spec])),
    language: {
      python: { packageName: "pulumi_langdock", requires: { pulumi: ">=3.0.0,<4.0.0" } },
      go: { importBasePath: "pulumi-langdock/sdk/go/langdock", generateResourceContainerTypes: false },
      nodejs: { packageName: "@pulumi-langdock/native" },
    },
  };
}

function resourceSpec(resource: ResourceDescription, types: Map<string, ObjectSpec>): Spec {
  // `id` is every resource's own: the schema must not declare it as a property. Every input the state carries
  // back is an output too (the runtime returns them), even where the TypeScript class does not expose it.
  const carried = resource.inputs.filter(
    (i) => !["adoptId", "unmanaged"].includes(i.name) && !resource.outputs.some((o) => o.name === i.name),
  );
  const outputs = [...resource.outputs.filter((p) => p.name !== "id"), ...carried.map((i) => ({ ...i, required: false }))];
  return {
    description: resource.description,
    properties: properties(outputs, resource.name, types),
    required: outputs.filter((p) => p.required).map((p) => p.name),
    inputProperties: properties(resource.inputs, resource.name, types),
    requiredInputs: resource.inputs.filter((p) => p.required).map((p) => p.name),
  };
}

function functionSpec(lookup: LookupDescription, types: Map<string, ObjectSpec>): Spec {
  const typeName = lookup.returnsName.replace(/\[\]$/, "");
  const entry = FUNCTIONS[lookup.name];
  if (!entry) throw new Error(`native schema: the lookup ${lookup.name} has no entry in provider/native/functions.ts`);
  const listProperty = entry.listProperty;
  const returned = listProperty
    ? { properties: { [listProperty]: propertySpec(returnsAsProperty(lookup, listProperty), typeName, types) }, required: [listProperty] }
    : objectOf(lookup.returns, typeName, types);
  return {
    description: lookup.description,
    inputs: { properties: properties(lookup.args, lookup.name, types), required: lookup.args.filter((a) => a.required).map((a) => a.name) },
    outputs: returned,
  };
}

function returnsAsProperty(lookup: LookupDescription, name: string): PropertyDescription {
  return { name, description: "", type: lookup.returns, required: true, limits: {}, replaceOnChange: false, secret: false };
}

function objectOf(
  type: TypeDescription,
  name: string,
  types: Map<string, ObjectSpec>,
): { properties: Record<string, Spec>; required: string[] } {
  if (type.kind !== "object") throw new Error(`native schema: ${name} is not an object`);
  return { properties: properties(type.properties, name, types), required: type.properties.filter((p) => p.required).map((p) => p.name) };
}

function properties(list: PropertyDescription[], owner: string, types: Map<string, ObjectSpec>): Record<string, Spec> {
  return Object.fromEntries(list.map((p) => [p.name, propertySpec(p, `${owner}${pascal(singular(p.name))}`, types)]));
}

/** `typeName`: the name an object type (or a list's object items) of this property is registered under. */
function propertySpec(p: PropertyDescription, typeName: string, types: Map<string, ObjectSpec>): Spec {
  const primitive = ["string", "number", "integer", "boolean"].includes(p.type.kind);
  return withoutEmpty({
    ...typeSpec(p.type, typeName, types),
    description: withEnum(p) || undefined,
    default: primitive ? p.default : undefined,
    secret: p.secret || undefined,
    willReplaceOnChanges: p.replaceOnChange || undefined,
  });
}

function typeSpec(type: TypeDescription, name: string, types: Map<string, ObjectSpec>): Spec {
  switch (type.kind) {
    case "string":
    case "number":
    case "integer":
    case "boolean":
      return { type: type.kind };
    case "array":
      return { type: "array", items: typeSpec(type.items, name, types) };
    case "map":
      return { type: "object", additionalProperties: typeSpec(type.values, name, types) };
    case "object":
      mergeType(types, name, objectOf(type, name, types));
      return { $ref: `#/types/${token(name)}` };
    default:
      return { $ref: "pulumi.json#/Any" };
  }
}

/** One type per name, shared by inputs and outputs: every property of either, required only where both require it. */
function mergeType(types: Map<string, ObjectSpec>, name: string, spec: { properties: Record<string, Spec>; required: string[] }): void {
  const known = types.get(name);
  if (!known) return void types.set(name, { type: "object", properties: spec.properties, required: spec.required });
  known.properties = { ...spec.properties, ...known.properties };
  known.required = known.required.filter((p) => spec.required.includes(p));
}

function withEnum(p: PropertyDescription): string {
  const values =
    p.type.kind === "string" ? p.type.enum : p.type.kind === "array" && p.type.items.kind === "string" ? p.type.items.enum : undefined;
  if (!values || values.length === 0 || values.every((v) => p.description.includes(v))) return p.description;
  return `${p.description}${p.description ? " " : ""}One of ${values.join(", ")}.`;
}

function singular(name: string): string {
  return name.endsWith("s") && !name.endsWith("ss") ? name.slice(0, -1) : name;
}

function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function withoutEmpty<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== "")) as T;
}
