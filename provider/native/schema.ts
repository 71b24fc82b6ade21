/**
 * The package schema the plugin serves (GetSchema) and SDK generators read: `schema.json` at the package
 * root, generated from the kinds' declarations by `npm run native-schema` (tests/native/schema.test.ts fails
 * when it is stale). Read once, on first use.
 */
import * as fs from "fs";
import * as path from "path";
import type { Props } from "../common/crud";
import { UNKNOWN } from "../common/unknown";
import type { ResourceKind } from "../kinds";

export const SCHEMA_FILE = path.join(__dirname, "..", "..", "schema.json");

interface PackageSchema {
  resources: Record<string, { properties?: Record<string, unknown> }>;
  functions: Record<string, { inputs?: { required?: string[] } }>;
}

let text: string | undefined;
let parsed: PackageSchema | undefined;

export function packageSchema(): string {
  return (text ??= fs.readFileSync(SCHEMA_FILE, "utf8"));
}

/**
 * What a preview shows for a resource about to be created: its checked inputs, and every other output the
 * schema declares as unknown (Langdock assigns it), so programs see "known after apply", not "absent".
 */
export function previewOutputs(kind: ResourceKind, inputs: Props): Props {
  const outputs = Object.keys(schema().resources[`langdock:index:${kind}`]?.properties ?? {});
  return { ...Object.fromEntries(outputs.filter((name) => inputs[name] === undefined).map((name) => [name, UNKNOWN])), ...inputs };
}

/** The arguments a function's schema requires. */
export function functionArgs(token: string): string[] {
  return schema().functions[token]?.inputs?.required ?? [];
}

function schema(): PackageSchema {
  return (parsed ??= JSON.parse(packageSchema()) as PackageSchema);
}
