import { Expr, type ExportPlan } from "./plan";
import { PROGRAM_IDENTIFIERS } from "./names";

// The identifiers this file writes at module scope; names.ts keeps variables away from them.
const [PULUMI, CONFIG, CODE_FROM_FILE, IDS] = PROGRAM_IDENTIFIERS;

const INDENT = "  ";
const INLINE_WIDTH = 100;

/** The program's index.ts: one declaration per object, in the plan's order. */
export function renderProgram(plan: ExportPlan): string {
  const kinds = [...new Set(plan.declarations.map((d) => d.kind))].sort();
  const usesCode = plan.files.length > 0;
  const imports = [...kinds, ...(usesCode ? [CODE_FROM_FILE] : [])];
  const lines = [
    "// Written by `pulumi-langdock export`: every object is taken over with adoptId, with the values it has",
    "// in Langdock, so the first `pulumi up` creates nothing and changes nothing there.",
  ];
  if (plan.secrets.length > 0) lines.push(`import * as ${PULUMI} from "@pulumi/pulumi";`);
  // An export of nothing (an empty workspace) imports nothing: no `import {  } from`.
  if (imports.length > 0) lines.push(`import { ${imports.join(", ")} } from "pulumi-langdock";`);
  lines.push("");
  if (plan.secrets.length > 0) lines.push(`const ${CONFIG} = new ${PULUMI}.Config();`, "");
  for (const d of plan.declarations) {
    for (const comment of d.comments) lines.push(`// ${comment}`);
    lines.push(`const ${d.variable} = new ${d.kind}(${JSON.stringify(d.resource)}, ${printValue(d.args, "", false)});`, "");
  }
  const ids = plan.declarations.map((d) => `${INDENT}${d.variable}: ${d.variable}.id,`);
  lines.push("// The ids of the objects this program manages.", `export const ${IDS} = {`, ...ids, "};", "");
  return lines.join("\n");
}

/** A value as TypeScript source. */
export function printValue(value: unknown, indent: string, inline = true): string {
  if (value instanceof Expr) return value.code;
  if (typeof value === "string") return printString(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value === null || value === undefined) return "undefined";
  const inner = indent + INDENT;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const flat = value.every((v) => typeof v !== "object" || v === null) ? `[${value.map((v) => printValue(v, inner)).join(", ")}]` : "";
    if (flat && !flat.includes("\n") && flat.length + indent.length <= INLINE_WIDTH) return flat;
    return `[\n${value.map((v) => `${commentLines(v, inner)}${inner}${printValue(v, inner)},\n`).join("")}${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return "{}";
  // Small objects of plain values (select options) stay on one line.
  const plain = (v: unknown) => ["string", "number", "boolean"].includes(typeof v) || (v instanceof Expr && !v.comment);
  if (inline && entries.every(([, v]) => plain(v))) {
    const flat = `{ ${entries.map(([k, v]) => `${printKey(k)}: ${printValue(v, inner)}`).join(", ")} }`;
    if (!flat.includes("\n") && flat.length + indent.length <= INLINE_WIDTH - 20) return flat;
  }
  const body = entries.map(([k, v]) => `${commentLines(v, inner)}${inner}${printKey(k)}: ${printValue(v, inner)},\n`).join("");
  return `{\n${body}${indent}}`;
}

function commentLines(value: unknown, indent: string): string {
  return value instanceof Expr && value.comment ? `${indent}// ${value.comment}\n` : "";
}

function printKey(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : JSON.stringify(key);
}

/** Multi-line text as a template literal (readable); a `\r` would be normalized away there, so JSON then. */
function printString(text: string): string {
  if (!text.includes("\n") || text.includes("\r")) return JSON.stringify(text);
  return "`" + text.replace(/\\/g, "\\\\").replace(/`/g, "\\`").replace(/\$\{/g, "\\${") + "`";
}
