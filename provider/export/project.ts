import * as fs from "node:fs";
import * as path from "node:path";
import { OutputFolderError } from "../errors";

/** The settings of Pulumi's `pulumi new typescript` template. */
export const TEMPLATE_TSCONFIG = {
  compilerOptions: {
    strict: true,
    outDir: "bin",
    target: "es2020",
    module: "commonjs",
    moduleResolution: "node",
    sourceMap: true,
    experimentalDecorators: true,
    pretty: true,
    noFallthroughCasesInSwitch: true,
    noImplicitReturns: true,
    forceConsistentCasingInFileNames: true,
  },
  files: ["index.ts"],
};

/** A Pulumi project name from the folder's name (letters, digits, `-`, `_`, `.`). */
export function projectName(dir: string): string {
  const name = path
    .basename(path.resolve(dir))
    .replace(/[^A-Za-z0-9_.-]+/g, "-")
    .replace(/^[-.]+|-+$/g, "");
  return name || "langdock-workspace";
}

/**
 * Pulumi.yaml, package.json, tsconfig.json and .gitignore of the written project. `packageSpec`: how
 * package.json depends on pulumi-langdock (see packageSpec.ts).
 */
export function projectFiles(project: string, packageSpec: string): { path: string; content: string }[] {
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  return [
    {
      path: "Pulumi.yaml",
      content: [
        `name: ${project}`,
        "description: Langdock workspace (integrations, actions, triggers, agents, skills) exported by pulumi-langdock export",
        "runtime:",
        "  name: nodejs",
        "  options:",
        "    packagemanager: npm",
        "",
      ].join("\n"),
    },
    {
      path: "package.json",
      content: json({
        name: project,
        private: true,
        main: "index.ts",
        dependencies: { "@pulumi/pulumi": "~3.248.0", "pulumi-langdock": packageSpec },
        devDependencies: { "@types/node": "^20.17.0", typescript: "~5.9.3" },
      }),
    },
    { path: "tsconfig.json", content: json(TEMPLATE_TSCONFIG) },
    { path: ".gitignore", content: "/bin/\n/node_modules/\n" },
  ];
}

/** Fails unless `dir` is new or an empty folder: export never overwrites anything. */
export function assertWritable(dir: string): void {
  let entries: string[];
  try {
    entries = fs.readdirSync(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return;
    if (code === "ENOTDIR") throw OutputFolderError.isFile(dir);
    throw OutputFolderError.unreadable(dir, err as Error);
  }
  if (entries.length > 0) throw OutputFolderError.notEmpty(dir, entries.length);
}

export function writeFiles(dir: string, files: { path: string; content: string }[]): void {
  for (const file of files) {
    const target = path.join(dir, file.path);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, file.content, { flag: "wx" });
  }
}
