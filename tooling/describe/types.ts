/**
 * What `describeKinds()` says about the package: every resource, component and lookup with every input
 * and output. Plain JSON data, so the reference pages (`npm run docs`) and a Pulumi package schema can
 * both be generated from it.
 */

/** The shape of a value, close to JSON Schema (and to a Pulumi schema's types). */
export type TypeDescription =
  | { kind: "string"; enum?: readonly string[]; format?: string; pattern?: string }
  | { kind: "number" }
  | { kind: "integer" }
  | { kind: "boolean" }
  | { kind: "array"; items: TypeDescription }
  /** An object with named properties (an `…Args` interface, an item of a list). */
  | { kind: "object"; properties: PropertyDescription[] }
  /** A dictionary: string keys, values of one type. */
  | { kind: "map"; values: TypeDescription }
  /** An instance of one of the package's resource classes. */
  | { kind: "resource"; name: string }
  /** A value the type system does not narrow further (e.g. a `pulumi.asset.FileAsset` or a path). */
  | { kind: "any"; note?: string };

/** Bounds Langdock (or the provider) enforces; lengths in UTF-16 units, as Langdock counts. */
export interface Limits {
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
}

export interface PropertyDescription {
  name: string;
  /** From the property's TSDoc (`…Args` for inputs, the class for outputs); "" where there is none. */
  description: string;
  type: TypeDescription;
  /** Inputs: the program must set it. Outputs: always present. */
  required: boolean;
  /** The value check fills in when the program leaves it out. */
  default?: unknown;
  limits: Limits;
  /** A change replaces the object (a new one is created, the old one deleted). */
  replaceOnChange: boolean;
  /** Kept encrypted in the state and masked in every message. */
  secret: boolean;
}

export interface ResourceDescription {
  /** The class name, e.g. `Agent`; for kinds also the key of `provider/kinds.ts`. */
  name: string;
  /** `custom`: a resource the provider manages (one of the registry's kinds); `component`: made of such resources. */
  type: "custom" | "component";
  /** The dynamic resource's type token (`pulumi-nodejs:dynamic/langdock:<Kind>`) or the component's. */
  token: string;
  /** From the class's TSDoc. */
  description: string;
  /** The name of the class's arguments interface, e.g. `AgentArgs`. */
  argsType: string;
  inputs: PropertyDescription[];
  /** Every output a program can read, `id` first for custom resources. */
  outputs: PropertyDescription[];
}

export interface LookupDescription {
  /** The function's name, e.g. `getIntegration`. */
  name: string;
  description: string;
  /** Properties of the first argument (e.g. `{ id }`); empty when the lookup takes only options. */
  args: PropertyDescription[];
  /** The options argument's properties (the connection settings), shared by every lookup. */
  options: PropertyDescription[];
  /** What the returned promise resolves to. */
  returns: TypeDescription;
  /** The returned type's name where it has one (e.g. `LangdockIntegration[]`). */
  returnsName: string;
}

export interface PackageDescription {
  packageName: string;
  version: string;
  resources: ResourceDescription[];
  lookups: LookupDescription[];
}
