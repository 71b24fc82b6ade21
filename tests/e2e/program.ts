import * as fs from "fs";
import * as path from "path";
import { installPackage } from "../../tooling/installPackage";

/** What the e2e test program declares; each test edits it as a user edits their program. */
export interface ProgramParams {
  /** Prefix of every Langdock name, so programs sharing one emulator never meet. */
  prefix: string;
  findDescription: string;
  notesName: string;
  notesDescription: string;
  /** Whether the `keep` action (retainOnDelete) is declared. */
  keep: boolean;
  keepDescription: string;
  protectAgent: boolean;
  /** Extra actions, to give an interrupted `up` something to interrupt. */
  extraActions: number;
  /** The agent's `adoptId`, when set. */
  agentAdoptId?: string;
}

export const DEFAULT_PARAMS: ProgramParams = {
  prefix: "E2E",
  findDescription: "Finds a customer",
  notesName: "notes",
  notesDescription: "Writes a note",
  keep: true,
  keepDescription: "Kept when removed",
  protectAgent: false,
  extraActions: 0,
};

/**
 * A plain-JavaScript Pulumi project in a folder of the installed package's consumer directory (the
 * layout `npm install pulumi-langdock` gives): an integration, actions with resource options, and an
 * agent using one of them.
 */
export class TestProgram {
  readonly dir: string;
  params: ProgramParams;

  constructor(name: string, params: Partial<ProgramParams> = {}) {
    this.dir = path.join(installPackage(), `e2e-${name}`);
    fs.rmSync(this.dir, { recursive: true, force: true });
    fs.mkdirSync(this.dir, { recursive: true });
    fs.writeFileSync(
      path.join(this.dir, "Pulumi.yaml"),
      `name: e2e-${name}\nruntime:\n  name: nodejs\n  options:\n    typescript: false\nmain: index.js\n`,
    );
    this.params = { ...DEFAULT_PARAMS, ...params };
    this.write();
  }

  /** Changes the program (and writes it), like an edit before the next `pulumi up`. */
  edit(change: Partial<ProgramParams>): void {
    this.params = { ...this.params, ...change };
    this.write();
  }

  urn(stack: string, kind: string, name: string): string {
    return `urn:pulumi:${stack}::${path.basename(this.dir)}::pulumi-nodejs:dynamic/langdock:${kind}::${name}`;
  }

  private write(): void {
    const p = this.params;
    const source = `const { Action, Agent, Integration } = require("pulumi-langdock");
const p = ${JSON.stringify(p)};
const crm = new Integration("crm", { name: p.prefix + " CRM", description: "Customer data" });
const action = (name, title, description, opts) =>
  new Action(name, { integrationId: crm.id, name: p.prefix + " " + title, description, code: "return { ok: true };" }, opts);
const find = action("find", "Find customer", p.findDescription);
const notes = action(p.notesName, "Write note", p.notesDescription, {
  ignoreChanges: ["description"],
  aliases: p.notesName === "notes" ? [] : [{ name: "notes" }],
});
const keep = p.keep ? action("keep", "Keep", p.keepDescription, { retainOnDelete: true }) : undefined;
const extras = Array.from({ length: p.extraActions }, (_, i) => action("extra-" + i, "Extra " + i, "Extra action " + i));
const helper = new Agent(
  "helper",
  { name: p.prefix + " helper", instruction: "Help.", actions: [{ actionId: find.id }], ...(p.agentAdoptId ? { adoptId: p.agentAdoptId } : {}) },
  { protect: p.protectAgent },
);
exports.ids = { crm: crm.id, find: find.id, notes: notes.id, keep: keep && keep.id, helper: helper.id, extras: extras.map((e) => e.id) };
`;
    fs.writeFileSync(path.join(this.dir, "index.js"), source);
  }
}
