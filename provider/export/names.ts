import { RESOURCE_KINDS } from "../kinds";

/** Readable, stable, unique names: Pulumi resource names (kebab-case) and TypeScript variables (camelCase). */

/** What the written program itself declares or imports at module scope (render.ts writes them). */
export const PROGRAM_IDENTIFIERS = ["pulumi", "config", "codeFromFile", "ids"] as const;

/**
 * Names a variable of the written program may not have: JavaScript/TypeScript reserved words, what
 * CommonJS puts in every module's scope (a `const require` is TS2441 under Pulumi's ts-node, a `const
 * module` or `exports` breaks the compiled module), globals the compiled code uses, the program's own
 * identifiers and every kind's class (imported by name).
 */
const RESERVED = new Set([
  ..."break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await async arguments eval undefined NaN Infinity of".split(
    " ",
  ),
  ..."exports require module __filename __dirname global globalThis process console Object Symbol Promise".split(" "),
  ...PROGRAM_IDENTIFIERS,
  ...RESOURCE_KINDS,
]);

function words(name: string): string[] {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

export class Names {
  private readonly resources = new Set<string>();
  private readonly variables = new Set<string>();

  /** A resource name and a variable name for an object called `name` (`fallback` when it has no letters). */
  take(name: string, fallback: string): { resource: string; variable: string } {
    const parts = words(name).map((w) => w.toLowerCase());
    const base = parts.length > 0 ? parts : [fallback];
    const resource = unique(base.join("-"), this.resources, (n) => `-${n}`);
    let camel = base.map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1))).join("");
    if (/^[0-9]/.test(camel)) camel = fallback + camel;
    // A reserved name, or one that a suffix could make reserved again, takes the kind ("idsIntegration").
    if (RESERVED.has(camel)) camel = camel + fallback.charAt(0).toUpperCase() + fallback.slice(1);
    const variable = unique(
      camel,
      this.variables,
      (n) => String(n),
      (n) => RESERVED.has(n),
    );
    return { resource, variable };
  }
}

function unique(
  base: string,
  taken: Set<string>,
  suffix: (n: number) => string,
  reserved: (name: string) => boolean = () => false,
): string {
  let candidate = base;
  for (let n = 2; taken.has(candidate) || reserved(candidate); n++) candidate = base + suffix(n);
  taken.add(candidate);
  return candidate;
}
