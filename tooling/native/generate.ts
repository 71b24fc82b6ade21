import * as path from "path";
import { describeKinds } from "../describe";
import { packageSchemaOf } from "./schema";

/** Where the plugin reads its schema (provider/native/schema.ts resolves the same file). */
export const SCHEMA_PATH = path.resolve(__dirname, "..", "..", "schema.json");

/** schema.json's exact text: the schema generated from the declarations, two-space JSON and a final newline. */
export function schemaText(): string {
  return `${JSON.stringify(packageSchemaOf(describeKinds()), null, 2)}\n`;
}
