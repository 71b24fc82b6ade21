import * as path from "path";
import * as ts from "typescript";
import type { PropertyDescription, TypeDescription } from "./types";

/**
 * The package's public declarations as the TypeScript compiler sees them (provider/index.ts and what it
 * exports): the TSDoc of classes, `…Args` properties, outputs and lookups, and the types of what has
 * no zod schema (outputs, lookups, components). Read from source, so the TSDoc a user sees in the
 * editor is the description in the docs.
 */
export class SourceDocs {
  readonly checker: ts.TypeChecker;
  private readonly exports: Map<string, ts.Symbol>;

  constructor(providerDir: string) {
    const entry = path.join(providerDir, "index.ts");
    const program = ts.createProgram([entry], {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.CommonJS,
      moduleResolution: ts.ModuleResolutionKind.Node10,
      strict: true,
      esModuleInterop: true,
      skipLibCheck: true,
      noEmit: true,
      types: ["node"],
    });
    this.checker = program.getTypeChecker();
    const source = program.getSourceFile(entry);
    const moduleSymbol = source && this.checker.getSymbolAtLocation(source);
    if (!moduleSymbol) throw new Error(`describe: cannot read ${entry}`);
    this.exports = new Map(this.checker.getExportsOfModule(moduleSymbol).map((s) => [s.getName(), this.resolve(s)]));
  }

  /** The exported symbol of this name (aliases followed). */
  exported(name: string): ts.Symbol | undefined {
    return this.exports.get(name);
  }

  /** Names of the exported functions whose name starts with `get` (the lookups). */
  lookupNames(): string[] {
    return [...this.exports.entries()].filter(([name, s]) => /^get[A-Z]/.test(name) && s.flags & ts.SymbolFlags.Function).map(([n]) => n);
  }

  /** Exported classes that extend `pulumi.ComponentResource`. */
  componentNames(): string[] {
    return [...this.exports.entries()]
      .filter(([, s]) => s.flags & ts.SymbolFlags.Class && this.baseNames(s).includes("ComponentResource"))
      .map(([n]) => n);
  }

  doc(symbol: ts.Symbol): string {
    // `{@link X}` reads as code in Markdown.
    return ts
      .displayPartsToString(symbol.getDocumentationComment(this.checker))
      .replace(/\{@link\s+([^}|\s]+)[^}]*\}/g, "`$1`")
      .trim();
  }

  /** The class's constructor `args` parameter type (its `…Args`). */
  argsOf(className: string): { name: string; type: ts.Type } {
    const cls = this.mustExport(className);
    const ctor = this.checker.getTypeOfSymbol(cls).getConstructSignatures()[0];
    const param = ctor?.getParameters()[1];
    if (!param) throw new Error(`describe: ${className} has no (name, args) constructor`);
    const type = this.checker.getTypeOfSymbol(param);
    return { name: this.checker.typeToString(type), type };
  }

  /**
   * The class's public properties (what a program reads), its own and those of the package's classes it
   * extends (an Action's `slug` is declared by ChildResource), with their TSDoc and the type they resolve
   * to (`Out<T>`/`pulumi.Output<T>` unwrapped to `T`).
   */
  classOutputs(className: string): { name: string; description: string; type: ts.Type }[] {
    const chain: ts.ClassDeclaration[] = [];
    for (let cls: ts.Symbol | undefined = this.mustExport(className); cls; cls = this.baseClass(cls)) {
      const declaration = cls.valueDeclaration;
      if (!declaration || !ts.isClassDeclaration(declaration) || declaration.getSourceFile().isDeclarationFile) break;
      chain.unshift(declaration);
    }
    const outputs: { name: string; description: string; type: ts.Type }[] = [];
    for (const declaration of chain) {
      for (const member of declaration.members.filter(ts.isPropertyDeclaration)) {
        const symbol = member.name && this.checker.getSymbolAtLocation(member.name);
        if (!symbol || member.modifiers?.some((m) => m.kind === ts.SyntaxKind.PrivateKeyword || m.kind === ts.SyntaxKind.ProtectedKeyword))
          continue;
        if (outputs.some((o) => o.name === symbol.getName())) continue;
        outputs.push({
          name: symbol.getName(),
          description: this.doc(symbol),
          type: this.resolvedOutput(this.checker.getTypeOfSymbol(symbol)),
        });
      }
    }
    return outputs;
  }

  private baseClass(symbol: ts.Symbol): ts.Symbol | undefined {
    const type = this.checker.getDeclaredTypeOfSymbol(symbol) as ts.InterfaceType;
    return (this.checker.getBaseTypes(type) ?? [])[0]?.getSymbol();
  }

  /** A lookup's signature: its documented function, parameters and resolved return type. */
  lookup(name: string): { description: string; params: { name: string; type: ts.Type; optional: boolean }[]; returns: ts.Type } {
    const fn = this.mustExport(name);
    const signature = this.checker.getTypeOfSymbol(fn).getCallSignatures()[0];
    const params = signature.getParameters().map((p) => {
      const decl = p.valueDeclaration as ts.ParameterDeclaration | undefined;
      return { name: p.getName(), type: this.checker.getTypeOfSymbol(p), optional: Boolean(decl?.initializer || decl?.questionToken) };
    });
    const returned = signature.getReturnType();
    const awaited = this.checker.getAwaitedType(returned) ?? returned;
    return { description: this.doc(fn), params, returns: awaited };
  }

  /** The properties of an object type with their TSDoc, in declaration order. */
  propertiesOf(type: ts.Type): { name: string; description: string; type: ts.Type; optional: boolean }[] {
    return this.checker.getPropertiesOfType(this.nonNullable(type)).map((p) => ({
      name: p.getName(),
      description: this.doc(p),
      type: this.checker.getTypeOfSymbol(p),
      optional: Boolean(p.flags & ts.SymbolFlags.Optional),
    }));
  }

  /**
   * The plain object type inside a `pulumi.Input<…>` (or a list of them): `Input<Input<AuthFieldArgs>[]>`
   * → `AuthFieldArgs`. Undefined when the value is not an object.
   */
  objectInside(type: ts.Type): ts.Type | undefined {
    for (const part of this.plainParts(type)) {
      if (this.checker.isArrayType(part)) {
        const inner = this.objectInside(this.checker.getTypeArguments(part as ts.TypeReference)[0]);
        if (inner) return inner;
      } else if (part.flags & ts.TypeFlags.Object && !this.isClassInstance(part) && this.checker.getPropertiesOfType(part).length > 0) {
        return part;
      }
    }
    return undefined;
  }

  /** The shape of a (resolved) TypeScript type; object properties carry their TSDoc. */
  describeType(type: ts.Type, depth = 0): TypeDescription {
    const parts = this.plainParts(type);
    const literals = parts.filter((p) => p.isStringLiteral()) as ts.StringLiteralType[];
    if (literals.length > 0 && literals.length === parts.length) return { kind: "string", enum: literals.map((l) => l.value) };
    if (parts.every((p) => p.flags & ts.TypeFlags.BooleanLike)) return { kind: "boolean" };
    if (parts.length !== 1) return { kind: "any", note: this.checker.typeToString(type) };
    const [part] = parts;
    if (part.flags & ts.TypeFlags.StringLike) return { kind: "string" };
    if (part.flags & ts.TypeFlags.NumberLike) return { kind: "number" };
    if (this.checker.isArrayType(part))
      return { kind: "array", items: this.describeType(this.checker.getTypeArguments(part as ts.TypeReference)[0], depth + 1) };
    if (this.isClassInstance(part)) return { kind: "resource", name: part.getSymbol()?.getName() ?? "?" };
    const index = part.getStringIndexType();
    if (index) return { kind: "map", values: this.describeType(index, depth + 1) };
    if (part.flags & ts.TypeFlags.Object && depth < 5) {
      return {
        kind: "object",
        properties: this.propertiesOf(part).map((p) =>
          this.plainProperty(p.name, p.description, p.type, !p.optional && !this.mayBeUndefined(p.type), depth),
        ),
      };
    }
    return { kind: "any", note: this.checker.typeToString(type) };
  }

  /** A property described from its TypeScript type alone (outputs, lookups, components). */
  plainProperty(name: string, description: string, type: ts.Type, required: boolean, depth = 0): PropertyDescription {
    return { name, description, type: this.describeType(type, depth + 1), required, limits: {}, replaceOnChange: false, secret: false };
  }

  mayBeUndefined(type: ts.Type): boolean {
    return type.isUnion() ? type.types.some((t) => t.flags & ts.TypeFlags.Undefined) : Boolean(type.flags & ts.TypeFlags.Undefined);
  }

  /** `T` of `pulumi.Output<T>` (what `Out<…>` declares); other types as they are. */
  private resolvedOutput(type: ts.Type): ts.Type {
    const symbol = type.getSymbol() ?? type.aliasSymbol;
    if (symbol && ["Output", "OutputInstance"].includes(symbol.getName())) {
      const get = this.checker.getPropertyOfType(type, "get");
      const signature = get && this.checker.getTypeOfSymbol(get).getCallSignatures()[0];
      if (signature) return signature.getReturnType();
    }
    return type;
  }

  /** The union's members without undefined/null, `Promise<T>` and `Output<T>` (the `pulumi.Input` wrappers). */
  private plainParts(type: ts.Type): ts.Type[] {
    const parts = type.isUnion() ? type.types : [type];
    return parts.filter((t) => {
      if (t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)) return false;
      const name = t.getSymbol()?.getName();
      return name !== "Promise" && name !== "OutputInstance" && name !== "Output";
    });
  }

  private nonNullable(type: ts.Type): ts.Type {
    return this.checker.getNonNullableType(type);
  }

  private isClassInstance(type: ts.Type): boolean {
    const symbol = type.getSymbol();
    return Boolean(symbol && symbol.flags & ts.SymbolFlags.Class);
  }

  private baseNames(symbol: ts.Symbol): string[] {
    const declaration = symbol.valueDeclaration;
    if (!declaration || !ts.isClassDeclaration(declaration)) return [];
    const type = this.checker.getDeclaredTypeOfSymbol(symbol) as ts.InterfaceType;
    return (this.checker.getBaseTypes(type) ?? []).map((base) => base.getSymbol()?.getName() ?? "");
  }

  private resolve(symbol: ts.Symbol): ts.Symbol {
    return symbol.flags & ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(symbol) : symbol;
  }

  private mustExport(name: string): ts.Symbol {
    const symbol = this.exports.get(name);
    if (!symbol) throw new Error(`describe: provider/index.ts does not export ${name}`);
    return symbol;
  }
}
