import { LangdockClient } from "../client";
import { resolveSettings, settingEnv, type SettingWords } from "../config";
import { redact, registerSecret } from "../base/redact";
import { EXPORT_HELP, UsageError, parseExportArgs } from "./args";
import * as fs from "fs";
import { planExport, type ExportPlan } from "./plan";
import { assertWritable, projectFiles, projectName, writeFiles } from "./project";
import { readWorkspace } from "./read";
import { packageSpec } from "./packageSpec";
import { renderProgram } from "./render";

export interface ExportIo {
  /** Results and next steps. */
  out(line: string): void;
  /** Progress, notes and errors. */
  err(line: string): void;
  env: NodeJS.ProcessEnv;
}

/** The export's settings are its flags and the environment, never stack config. */
const FLAGS: Partial<Record<Parameters<SettingWords["name"]>[0], string>> = { apiKey: "--api-key", baseUrl: "--base-url" };
const EXPORT_WORDS: SettingWords = {
  name: (setting) => (FLAGS[setting] ? `${FLAGS[setting]} (or ${settingEnv(setting)})` : settingEnv(setting)),
  howToSet: (setting, placeholder) => `set ${settingEnv(setting)} to ${placeholder}`,
};

const defaultIo: ExportIo = { out: (l) => console.log(l), err: (l) => console.error(l), env: process.env };

/**
 * `pulumi-langdock export`: reads the requested objects, then writes the whole project at once (nothing
 * is written when a read fails). Returns the exit code: 0 done, 1 failed, 2 bad command line.
 */
export async function runExport(argv: readonly string[], io: ExportIo = defaultIo): Promise<number> {
  try {
    const args = parseExportArgs(argv);
    if (args.help) {
      io.out(EXPORT_HELP);
      return 0;
    }
    const out = args.out as string;
    const settings = resolveSettings(
      { get: (key) => (key === "langdock:apiKey" ? args.apiKey : key === "langdock:baseUrl" ? args.baseUrl : undefined) },
      io.env,
      EXPORT_WORDS,
    );
    if (!settings.apiKey) throw new UsageError("No Langdock API key: set LANGDOCK_API_KEY (or pass --api-key).");
    registerSecret(settings.apiKey);
    assertWritable(out);

    const workspace = await readWorkspace(new LangdockClient(settings), args, io.err);
    const plan = planExport(workspace);
    const project = projectName(out);
    const dependency = packageSpec(args.packageSpec);
    writeFiles(out, [...projectFiles(project, dependency.spec), { path: "index.ts", content: renderProgram(plan) }, ...plan.files]);

    if (args.importFile) writeImportFile(args.importFile, plan);
    for (const note of plan.notes) io.err(`note: ${note}`);
    if (dependency.from === "install")
      io.err(
        `note: package.json depends on pulumi-langdock ${dependency.spec}, as this copy was installed; pass --package <spec> to change it.`,
      );
    io.out(`Exported ${plan.summary} to ${out} (${plan.files.length + 5} files).`);
    io.out("Next steps:");
    io.out(`  cd ${out} && npm install`);
    io.out("  pulumi stack init <stack>");
    io.out("  pulumi config set --secret langdock:apiKey <your Langdock API key>");
    if (args.baseUrl ?? io.env.LANGDOCK_BASE_URL) io.out(`  pulumi config set langdock:baseUrl ${settings.baseUrl}`);
    for (const secret of plan.secrets) io.out(`  pulumi config set --secret ${secret.key} <${secret.what}>`);
    io.out("  pulumi preview   # every object is adopted: nothing is created or changed in Langdock");
    io.out("  pulumi up");
    if (args.importFile) io.out(`Or, with the native plugin (any language): pulumi import --file ${args.importFile} --out <program file>`);
    return 0;
  } catch (err) {
    const message = redact(err instanceof Error ? err.message : String(err));
    io.err(`pulumi-langdock export: ${message}`);
    return err instanceof UsageError ? 2 : 1;
  }
}

/** The objects as `pulumi import --file` reads them: the native plugin's type tokens, the project's names, import ids. */
function writeImportFile(file: string, plan: ExportPlan): void {
  const resources = plan.declarations.map((d) => ({ type: `langdock:index:${d.kind}`, name: d.resource, id: d.importId }));
  fs.writeFileSync(file, `${JSON.stringify({ resources }, null, 2)}\n`);
}
