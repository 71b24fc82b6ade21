import * as fs from "fs";
import * as path from "path";
import type { EngineError, RunResult, OperationResult, Step } from "../../provider/testing";
import { REPO_ROOT } from "../helpers/installPackage";
import { startHarness, type Harness } from "../helpers/engineHarness";

/**
 * Shared pieces of the fault-injection suite: the whole-stack program (all four resource types, 22
 * resources, one OAuth client secret), a tracked engine that counts operations and failures and scans
 * everything the user can see for secrets, and the invariant audit (no duplicate, no orphan, state
 * ids = Langdock ids, exactly the declared objects).
 */

/** The OAuth client secret of the run; it must never be printed anywhere. */
export const SECRET = "oauth-client-secret-7Qx2-reliability-4d1f9c";
/** The wrong key of scenario 5 (looks like a real one, so only redaction keeps it out of messages). */
export const WRONG_KEY = "sk-ld-wrong-0123456789abcdef0123456789abcdef";

export const TYPE = (kind: Kind) => `pulumi-nodejs:dynamic/langdock:${kind}`;
export type Kind = "Integration" | "Action" | "Trigger" | "Agent";

// ---------------------------------------------------------------------------------------------------------------
// The program

export interface StackOptions {
  /** Adds integration "extra" (name EXTRA_INTEGRATION) with one action, and agent "extraAgent" using nothing. */
  extra?: boolean;
  /** adoptId of the extra integration / extra agent (what the user sets after an unconfirmed create). */
  adoptIntegration?: string;
  adoptAgent?: string;
  /** Changes descriptions/instructions everywhere (an update of every resource). */
  revision?: number;
  /** OAuth scopes of the mail integration (default "mail.read mail.send"). */
  mailScopes?: string;
}

export const EXTRA_INTEGRATION = "Ledger Reliability";
export const EXTRA_AGENT = "Ledger clerk";

const CRM_ACTIONS = [
  "Find contact",
  "Create contact",
  "Update contact",
  "Delete contact",
  "List deals",
  "Create deal",
  "Close deal",
  "Add note",
];
const MAIL_ACTIONS = ["Send mail", "Draft mail", "Search mail", "Archive mail", "Label mail", "Forward mail"];
const CRM_TRIGGERS = ["New contact", "Deal won"];
const MAIL_TRIGGERS = ["New mail"];

/** Resource names (URN names) the program declares, per kind. */
export function declaredUrnNames(options: StackOptions = {}): Record<Kind, string[]> {
  return {
    Integration: ["crm", "mail", ...(options.extra ? ["extra"] : [])],
    Action: [
      ...CRM_ACTIONS.map((_, i) => `crm-act-${i}`),
      ...MAIL_ACTIONS.map((_, i) => `mail-act-${i}`),
      ...(options.extra ? ["extra-act"] : []),
    ],
    Trigger: [...CRM_TRIGGERS.map((_, i) => `crm-trg-${i}`), ...MAIL_TRIGGERS.map((_, i) => `mail-trg-${i}`)],
    Agent: ["sales", "inbox", "assistant", ...(options.extra ? ["extraAgent"] : [])],
  };
}

/** What Langdock must hold: integration names, `integration/name` of actions and triggers, agent names. */
export function declaredObjects(options: StackOptions = {}): Record<Kind, string[]> {
  return {
    Integration: ["CRM Reliability", "Mail Reliability", ...(options.extra ? [EXTRA_INTEGRATION] : [])].sort(),
    Action: [
      ...CRM_ACTIONS.map((n) => `CRM Reliability/${n}`),
      ...MAIL_ACTIONS.map((n) => `Mail Reliability/${n}`),
      ...(options.extra ? [`${EXTRA_INTEGRATION}/Post entry`] : []),
    ].sort(),
    Trigger: [...CRM_TRIGGERS.map((n) => `CRM Reliability/${n}`), ...MAIL_TRIGGERS.map((n) => `Mail Reliability/${n}`)].sort(),
    Agent: ["Sales desk", "Inbox helper", "Assistant", ...(options.extra ? [EXTRA_AGENT] : [])].sort(),
  };
}

/** Stack outputs of stackProgram that are secret (they hold the OAuth client); Pulumi prints them masked. */
export const SECRET_STACK_OUTPUTS = ["mailOauth"];

export function stackProgram(h: Harness, options: StackOptions = {}) {
  return () => {
    const { Integration, Action, Trigger, Agent } = h.langdock;
    const rev = options.revision ? ` (rev ${options.revision})` : "";
    const crm = new Integration("crm", {
      name: "CRM Reliability",
      description: `Customer records${rev}`,
      authType: "API_KEY",
      authFields: [{ slug: "apiKey", label: "API key", type: "PASSWORD", required: true }],
      authTestCode: "return { ok: true };",
    });
    const mail = new Integration("mail", {
      name: "Mail Reliability",
      description: `Mailbox${rev}`,
      authType: "OAUTH",
      oauthClient: {
        clientId: "mail-client-id",
        clientSecret: h.pulumi.secret(SECRET),
        authUrl: "https://auth.example.com/authorize",
        tokenUrl: "https://auth.example.com/token",
        scopes: options.mailScopes ?? "mail.read mail.send",
      },
    });
    const field = (i: number) =>
      i % 3 === 0
        ? [
            { label: "Query", required: true, description: `What to look for${rev}` },
            { label: "Limit", type: "NUMBER" },
          ]
        : i % 3 === 1
          ? [
              {
                label: "Mode",
                type: "SELECT",
                options: [
                  { label: "Fast", value: "fast" },
                  { label: "Full", value: "full" },
                ],
              },
            ]
          : [
              { label: "Payload", type: "OBJECT" },
              { label: "Dry run", type: "BOOLEAN" },
            ];
    const actions = [
      ...CRM_ACTIONS.map(
        (name, i) =>
          new Action(`crm-act-${i}`, {
            integrationId: crm.id,
            name,
            description: `${name}${rev}`,
            code: `return { action: ${i} };`,
            inputFields: field(i),
          }),
      ),
      ...MAIL_ACTIONS.map(
        (name, i) =>
          new Action(`mail-act-${i}`, {
            integrationId: mail.id,
            name,
            description: `${name}${rev}`,
            code: `return { mail: ${i} };`,
            inputFields: field(i + 1),
          }),
      ),
    ];
    const triggers = [
      ...CRM_TRIGGERS.map(
        (name, i) =>
          new Trigger(`crm-trg-${i}`, {
            integrationId: crm.id,
            name,
            description: `${name}${rev}`,
            pollingCode: "return [];",
            inputFields: [{ label: "Since", type: "TEXT" }],
          }),
      ),
      ...MAIL_TRIGGERS.map(
        (name, i) =>
          new Trigger(`mail-trg-${i}`, {
            integrationId: mail.id,
            name,
            description: `${name}${rev}`,
            pollingCode: "return [];",
            inputFields: [{ label: "Folder", required: true }],
          }),
      ),
    ];
    const agents = [
      new Agent("sales", {
        name: "Sales desk",
        instruction: `Sell.${rev}`,
        actions: actions.slice(0, 4).map((a) => ({ actionId: a.id, requiresConfirmation: false })),
      }),
      new Agent("inbox", {
        name: "Inbox helper",
        emoji: "📬",
        instruction: `Answer mail.${rev}`,
        actions: actions.slice(8, 12).map((a) => ({ actionId: a.id })),
      }),
      new Agent("assistant", {
        name: "Assistant",
        instruction: `Help.${rev}`,
        creativity: 0.5,
        actions: [actions[5], actions[13]].map((a) => ({ actionId: a.id })),
      }),
    ];
    let extra: { integration: unknown; action: unknown; agent: unknown } | undefined;
    if (options.extra) {
      const integration = new Integration("extra", { name: EXTRA_INTEGRATION, description: "Books", adoptId: options.adoptIntegration });
      const action = new Action("extra-act", {
        integrationId: integration.id,
        name: "Post entry",
        code: "return 1;",
        inputFields: [{ label: "Amount", type: "NUMBER" }],
      });
      const agent = new Agent("extraAgent", { name: EXTRA_AGENT, instruction: "Keep the books.", adoptId: options.adoptAgent });
      extra = { integration: integration.id, action: action.id, agent: agent.id };
    }
    return {
      integrations: [crm.id, mail.id],
      actions: actions.map((a) => a.id),
      triggers: triggers.map((t) => t.id),
      agents: agents.map((a) => a.id),
      // Secret: the whole oauthClient (additionalSecretOutputs); Pulumi prints it as [secret].
      // (`oauthClient` is an output of every Integration, though the class does not declare it for TypeScript.)
      mailOauth: (mail as unknown as { oauthClient: unknown }).oauthClient,
      extra,
    };
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Figures

export interface Figures {
  faults: number;
  operations: number;
  failures: number;
  duplicates: number;
  orphans: number;
  /** Objects not in the state that an error message reported (named by id, or by name for agents). */
  reported: number;
  leaks: number;
}

export function addFigures(a: Figures, b: Figures): Figures {
  return Object.fromEntries((Object.keys(a) as (keyof Figures)[]).map((k) => [k, a[k] + b[k]])) as unknown as Figures;
}

export const emptyFigures = (): Figures => ({ faults: 0, operations: 0, failures: 0, duplicates: 0, orphans: 0, reported: 0, leaks: 0 });

const FIGURES_DIR = path.join(REPO_ROOT, ".tmp", "reliability-figures");
export const FIGURES_FILE = path.join(REPO_ROOT, ".tmp", "reliability-figures.json");

/**
 * Records one test file's figures (and prints the running total). Jest runs the files of one run in
 * workers of one parent process, so they share `process.ppid`; the file that completes the set prints
 * the suite's summary line (`reliability: faults=… operations=… …`) and writes FIGURES_FILE.
 */
export function recordFigures(file: string, figures: Figures, allFiles: readonly string[]): void {
  const run = process.env.JEST_WORKER_ID ? process.ppid : process.pid;
  const dir = path.join(FIGURES_DIR, String(run));
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${file}.json`), JSON.stringify(figures));
  const present = allFiles.filter((f) => fs.existsSync(path.join(dir, `${f}.json`)));
  const total = emptyFigures();
  for (const f of present) {
    const one = JSON.parse(fs.readFileSync(path.join(dir, `${f}.json`), "utf8")) as Figures;
    for (const key of Object.keys(total) as (keyof Figures)[]) total[key] += one[key];
  }
  const line = `reliability${present.length < allFiles.length ? ` (${present.length}/${allFiles.length} files)` : ""}: faults=${total.faults} operations=${total.operations} failures=${total.failures} duplicates=${total.duplicates} orphans=${total.orphans} reported=${total.reported} leaks=${total.leaks}`;
  if (present.length === allFiles.length) {
    fs.writeFileSync(
      FIGURES_FILE,
      JSON.stringify(
        { ...total, files: Object.fromEntries(present.map((f) => [f, JSON.parse(fs.readFileSync(path.join(dir, `${f}.json`), "utf8"))])) },
        null,
        2,
      ),
    );
    fs.rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(`${line}\n`);
}

// ---------------------------------------------------------------------------------------------------------------
// A tracked stack

export interface Leak {
  where: string;
  what: string;
}

export interface AuditResult {
  duplicates: string[];
  /** Emulator objects whose id is not in the state and that no error reported. */
  orphans: string[];
  /** Emulator objects not in the state that an error reported. */
  reported: string[];
  /** State ids that Langdock does not hold. */
  dangling: string[];
  /** Names Langdock holds per kind (sorted; actions/triggers as `integration/name`). */
  held: Record<Kind, string[]>;
}

/**
 * One harness plus bookkeeping. Every preview/up/refresh goes through here: steps and failures are
 * counted, every stack output (as Pulumi prints it), printableState() and every EngineError message and
 * failure are scanned for the secrets; `finish()` scans the host's stderr and Langdock's GET responses.
 */
export class TrackedStack {
  readonly figures = emptyFigures();
  readonly leaks: Leak[] = [];
  /** Texts of every error seen (messages and failure messages), for "reported" orphans. */
  readonly errorTexts: string[] = [];
  private readonly needles: Array<[string, string]>;
  /** Stack outputs known to be secret: the program's, and any that successful runs reported secret. */
  private readonly secretOutputs = new Set<string>(SECRET_STACK_OUTPUTS);

  private constructor(
    readonly h: Harness,
    extraNeedles: Array<[string, string]>,
  ) {
    this.needles = [["API key", h.emulator.apiKey], ["OAuth client secret", SECRET], ...extraNeedles];
  }

  static async start(options: Parameters<typeof startHarness>[0] & { needles?: Array<[string, string]> } = {}): Promise<TrackedStack> {
    const { needles, ...rest } = options;
    return new TrackedStack(await startHarness(rest), needles ?? []);
  }

  get emulator() {
    return this.h.emulator;
  }
  get engine() {
    return this.h.engine;
  }

  /** Scans a text the user can see; records a leak for each secret found in it. */
  scan(where: string, text: string): void {
    for (const [what, needle] of this.needles) if (needle && text.includes(needle)) this.leaks.push({ where, what });
  }

  preview(program: () => unknown): Promise<RunResult> {
    return this.track("preview", () => this.h.engine.preview(program));
  }
  up(program: () => unknown): Promise<RunResult> {
    return this.track("up", () => this.h.engine.up(program));
  }
  refresh(): Promise<OperationResult> {
    return this.track("refresh", () => this.h.engine.refresh());
  }

  private async track<T extends { steps: Step[] } & Partial<RunResult>>(op: string, run: () => Promise<T>): Promise<T> {
    try {
      const result = await run();
      this.figures.operations += result.steps.length;
      if (result.outputs) {
        const run = result as unknown as RunResult;
        for (const k of run.secretOutputs) this.secretOutputs.add(k);
        this.scan(`${op} outputs`, JSON.stringify(printableOutputs(run)));
      }
      this.scan(`${op} printableState`, JSON.stringify(this.h.engine.printableState()));
      return result;
    } catch (e) {
      if ((e as Error).name !== "EngineError") throw e;
      const err = e as EngineError;
      this.figures.operations += err.steps.length;
      this.figures.failures += err.failures.length;
      this.errorTexts.push(err.message, ...err.failures.map((f) => f.message));
      this.scan(`${op} EngineError message`, err.message);
      // A failure's partial properties are state (Pulumi stores them, encrypting secrets; it never prints
      // them), like the raw `state`: scanned through printableState() below instead. Everything else is printed.
      this.scan(
        `${op} EngineError failures`,
        JSON.stringify(err.failures.map((f) => ({ ...f, partial: f.partial && { ...f.partial, properties: undefined } }))),
      );
      // EngineError does not say which outputs are secret (RunResult does): mask those the program
      // declares secret (successful runs check that the engine says so), as Pulumi would print them.
      this.scan(
        `${op} EngineError outputs`,
        JSON.stringify(printableOutputs({ outputs: err.outputs, secretOutputs: [...this.secretOutputs] })),
      );
      this.scan(`${op} printableState`, JSON.stringify(this.h.engine.printableState()));
      throw err;
    }
  }

  /** Runs `up` until it succeeds, at most `max` times; returns the errors of the failed runs. */
  async upUntilConverged(
    program: () => unknown,
    max: number,
    onFailure?: (err: EngineError, attempt: number) => void,
  ): Promise<{ runs: number; errors: EngineError[]; result: RunResult }> {
    const errors: EngineError[] = [];
    for (let attempt = 1; attempt <= max; attempt++) {
      try {
        return { runs: attempt, errors, result: await this.up(program) };
      } catch (e) {
        if ((e as Error).name !== "EngineError") throw e;
        errors.push(e as EngineError);
        onFailure?.(e as EngineError, attempt);
      }
    }
    throw new Error(`up did not converge in ${max} runs; last failures:\n${errors[errors.length - 1]?.message}`);
  }

  /** The invariants: duplicates, orphans (minus reported ones), dangling state ids, what Langdock holds. */
  audit(): AuditResult {
    const snap = this.h.emulator.snapshot();
    const state = Object.values(this.h.engine.state);
    const stateIds = (kind: Kind) => new Set(state.filter((r) => r.type === TYPE(kind)).map((r) => r.id));
    const integrationName = new Map<string, string>(snap.integrations.map((i) => [i.id, i.name]));
    // A disabled agent is one the provider deleted (Langdock cannot delete agents): not live.
    const liveAgents = snap.agents.filter((a) => !a.disabled);
    const objects: Record<Kind, Array<{ id: string; key: string; name: string }>> = {
      Integration: snap.integrations.map((i) => ({ id: i.id, key: i.name, name: i.name })),
      Action: snap.actions.map((a) => ({ id: a.id, key: `${integrationName.get(a.integrationId)}/${a.name}`, name: a.name })),
      Trigger: snap.triggers.map((t) => ({ id: t.id, key: `${integrationName.get(t.integrationId)}/${t.name}`, name: t.name })),
      Agent: liveAgents.map((a) => ({ id: a.id, key: a.name, name: a.name })),
    };
    const result: AuditResult = {
      duplicates: [],
      orphans: [],
      reported: [],
      dangling: [],
      held: { Integration: [], Action: [], Trigger: [], Agent: [] },
    };
    const errors = this.errorTexts.join("\n");
    for (const kind of Object.keys(objects) as Kind[]) {
      const seen = new Map<string, number>();
      for (const o of objects[kind]) seen.set(o.key, (seen.get(o.key) ?? 0) + 1);
      for (const [key, n] of seen) if (n > 1) result.duplicates.push(`${kind} "${key}" ×${n}`);
      result.held[kind] = objects[kind].map((o) => o.key).sort();
      const ids = stateIds(kind);
      for (const o of objects[kind]) {
        if (ids.has(o.id)) continue;
        // Reported: the error named its id, or (agents, which cannot be listed) said its create was unconfirmed.
        const named = errors.includes(o.id) || (kind === "Agent" && errors.includes(`did not confirm the create of agent "${o.name}"`));
        (named ? result.reported : result.orphans).push(`${kind} "${o.key}" ${o.id}`);
      }
      const held = new Set(objects[kind].map((o) => o.id));
      for (const id of ids) if (!held.has(id)) result.dangling.push(`${kind} ${id}`);
    }
    return result;
  }

  /**
   * Audits and asserts the invariants of a stack that converged on `options`: no duplicate, no orphan,
   * state ids = Langdock ids, Langdock holds exactly the declared objects and the state exactly the
   * declared resources. Counts duplicates/orphans into the figures before asserting.
   */
  expectConverged(options: StackOptions = {}): AuditResult {
    const audit = this.audit();
    this.figures.duplicates += audit.duplicates.length;
    this.figures.orphans += audit.orphans.length;
    expect(audit.duplicates).toEqual([]);
    expect(audit.orphans).toEqual([]);
    expect(audit.reported).toEqual([]);
    expect(audit.dangling).toEqual([]);
    expect(audit.held).toEqual(declaredObjects(options));
    const names = declaredUrnNames(options);
    const state = Object.values(this.h.engine.state);
    // Each action/trigger sits in the integration its state says; each agent uses the actions its state says.
    const snap = this.h.emulator.snapshot();
    const held = new Map<string, { integrationId?: string; actions?: unknown }>(
      [...snap.actions, ...snap.triggers, ...snap.agents].map((o) => [o.id, o]),
    );
    for (const res of state.filter((r) => r.type !== TYPE("Integration"))) {
      const langdock = held.get(res.id);
      if (res.type === TYPE("Agent")) expect({ [res.name]: langdock?.actions ?? [] }).toEqual({ [res.name]: res.outputs.actions ?? [] });
      else expect({ [res.name]: langdock?.integrationId }).toEqual({ [res.name]: res.outputs.integrationId });
    }
    for (const kind of Object.keys(names) as Kind[]) {
      expect(
        state
          .filter((r) => r.type === TYPE(kind))
          .map((r) => r.name)
          .sort(),
      ).toEqual([...names[kind]].sort());
    }
    return audit;
  }

  /** Clears every fault; what was injected so far is counted first (clear() zeroes the counts). */
  clearFaults(): void {
    this.figures.faults += this.injectedSoFar();
    this.h.emulator.faults.clear();
  }

  injectedSoFar(): number {
    return Object.values(this.h.emulator.faults.injected).reduce((a, b) => a + b, 0);
  }

  /** Counts an audit taken mid-scenario (after an expected failure) into the figures. */
  count(audit: AuditResult): void {
    this.figures.duplicates += audit.duplicates.length;
    this.figures.orphans += audit.orphans.length;
    this.figures.reported += audit.reported.length;
  }

  /**
   * Final scans (every host stderr line; Langdock's GET responses for every object it holds), then
   * stop(). Callers assert `leaks` is empty afterwards.
   */
  async finish(): Promise<Figures> {
    if (this.stopped) return this.figures;
    try {
      for (const [i, line] of this.h.engine.host.stderr.entries()) this.scan(`host stderr line ${i + 1}`, line);
      await this.scanGetResponses();
      return this.figures;
    } finally {
      await this.stop();
    }
  }

  private stopped = false;
  /** Counts the faults and leaks, and stops the harness (idempotent; afterAll calls it in case a test failed before finish()). */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.figures.faults += this.injectedSoFar();
    this.figures.leaks += this.leaks.length;
    await this.h.stop();
  }

  private async scanGetResponses(): Promise<void> {
    const snap = this.h.emulator.snapshot();
    const get = async (p: string) => {
      const res = await fetch(`${this.h.emulator.url}${p}`, { headers: { Authorization: `Bearer ${this.h.emulator.apiKey}` } });
      this.scan(`GET ${p}`, `${JSON.stringify([...res.headers])}\n${await res.text()}`);
    };
    await get("/integrations/v1/get");
    for (const i of snap.integrations) await get(`/integrations/v1/${i.id}`);
    for (const a of snap.agents) await get(`/agent/v1/get?agentId=${a.id}`);
    await get("/agent/v1/models");
  }
}

/** Stack outputs as Pulumi prints them: secret outputs masked. */
export function printableOutputs(result: Pick<RunResult, "outputs" | "secretOutputs">): Record<string, unknown> {
  return Object.fromEntries(Object.entries(result.outputs).map(([k, v]) => [k, result.secretOutputs.includes(k) ? "[secret]" : v]));
}

/** `op name` of every step, sorted. */
export function ops(steps: ReadonlyArray<Step>): string[] {
  return steps.map((s) => `${s.op} ${s.urn.split("::").pop()}`).sort();
}
