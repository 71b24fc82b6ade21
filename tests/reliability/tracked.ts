import type { EngineError, RunResult, OperationResult, Step } from "../../provider/testing";
import { startHarness, type Harness } from "../helpers/engineHarness";
import { ALL_FILES } from "./files";
import { addFigures, emptyFigures, recordFigures, type Figures } from "./figures";
import { SECRET, SECRET_STACK_OUTPUTS, TYPE, declaredObjects, declaredUrnNames, type Kind, type StackOptions } from "./program";

/**
 * A tracked engine that counts operations and failures and scans everything the user can see for
 * secrets, and the invariant audit (no duplicate, no orphan, no overwrite, no lost state, state ids =
 * Langdock ids, exactly the declared objects).
 */

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
  /** Ids two or more resources of the state hold. */
  shared: string[];
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
    // The seed pages' GET (triggers with their polling code) unless a suite asks otherwise: these scenarios
    // adopt interrupted creates, which needs every property visible (today's GET hides a trigger's code).
    const emulator = { integrationDetail: "full" as const, ...rest.emulator };
    return new TrackedStack(await startHarness({ ...rest, emulator }), needles ?? []);
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

  /** Objects built outside the program (by hand in Langdock): any write to one is an overwrite, unless adopted by adoptId. */
  readonly foreign = new Set<string>();
  readonly adoptedOnPurpose = new Set<string>();

  /** Creates an object as a user would in Langdock's UI (through the API, outside the program); returns its id. */
  async handBuilt(path: string, body: Record<string, unknown>, envelope: string): Promise<string> {
    const res = await fetch(`${this.h.emulator.url}${path}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${this.h.emulator.apiKey}`, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    const id = ((await res.json()) as Record<string, { id: string }>)[envelope].id;
    this.foreign.add(id);
    return id;
  }

  /** Successful writes to foreign objects (not adopted on purpose) in Langdock's request log. */
  overwrites(): string[] {
    return this.h.emulator.log
      .filter((e) => ["PUT", "PATCH", "DELETE"].includes(e.method) && e.status >= 200 && e.status < 300)
      .map((e) => ({ e, target: (e.body as { agentId?: string } | undefined)?.agentId ?? e.path.match(/[0-9a-f-]{36}(?=\/auth$|$)/)?.[0] }))
      .filter(({ target }) => target !== undefined && this.foreign.has(target) && !this.adoptedOnPurpose.has(target))
      .map(({ e, target }) => `${e.method} ${e.path} (${target})`);
  }

  /** State entries an operation dropped (not by a delete step) whose object Langdock still holds. */
  private countLostState(before: Record<string, string>, steps: Step[]): void {
    const snap = this.h.emulator.snapshot();
    const live = new Set<string>([
      ...snap.integrations.map((i) => i.id),
      ...snap.actions.map((a) => a.id),
      ...snap.triggers.map((t) => t.id),
      ...snap.agents.filter((a) => !a.disabled).map((a) => a.id),
    ]);
    const deleted = new Set(steps.filter((st) => st.op === "delete" || st.op === "replace").map((st) => st.urn));
    for (const [urn, id] of Object.entries(before)) {
      const now = this.h.engine.state[urn]?.id;
      if (now !== id && live.has(id) && !deleted.has(urn)) this.lost.push(`${urn} ${id}`);
    }
  }
  readonly lost: string[] = [];

  preview(program: () => unknown): Promise<RunResult> {
    return this.track("preview", () => this.h.engine.preview(program));
  }
  up(program: () => unknown): Promise<RunResult> {
    return this.track("up", () => this.h.engine.up(program));
  }
  refresh(): Promise<OperationResult> {
    return this.track("refresh", () => this.h.engine.refresh());
  }
  destroy(): Promise<OperationResult> {
    return this.track("destroy", () => this.h.engine.destroy());
  }
  /** The EngineError an operation must fail with. */
  async failing(operation: Promise<unknown>): Promise<EngineError> {
    try {
      await operation;
    } catch (e) {
      if ((e as Error).name === "EngineError") return e as EngineError;
      throw e;
    }
    throw new Error("expected the operation to fail, but it succeeded");
  }

  private async track<T extends { steps: Step[] } & Partial<RunResult>>(op: string, run: () => Promise<T>): Promise<T> {
    const before = Object.fromEntries(Object.entries(this.h.engine.state).map(([urn, r]) => [urn, r.id]));
    try {
      const result = await run();
      this.countLostState(before, result.steps);
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
      this.countLostState(before, err.steps);
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
      shared: [],
      held: { Integration: [], Action: [], Trigger: [], Agent: [] },
    };
    const holders = new Map<string, string[]>();
    for (const r of state) holders.set(`${r.type} ${r.id}`, [...(holders.get(`${r.type} ${r.id}`) ?? []), r.name]);
    for (const [id, names] of holders) if (names.length > 1) result.shared.push(`${id} held by ${names.join(", ")}`);
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
    this.figures.shared += audit.shared.length;
    expect(audit.duplicates).toEqual([]);
    expect(audit.shared).toEqual([]);
    expect(audit.orphans).toEqual([]);
    expect(this.overwrites()).toEqual([]);
    expect(this.lost).toEqual([]);
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
    this.figures.shared += audit.shared.length;
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
    this.figures.overwrites += this.overwrites().length;
    this.figures.lostState += this.lost.length;
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

/** A test file's figures, recorded (for the suite's summary) after all of its stacks have stopped. */
export interface Tally {
  add(figures: Figures): void;
}

/** Call at a test file's top level: sums the figures of the file's stacks and records them at its end. */
export function tally(file: (typeof ALL_FILES)[number]): Tally {
  let total = emptyFigures();
  afterAll(() => recordFigures(file, total, ALL_FILES));
  return { add: (figures) => (total = addFigures(total, figures)) };
}

/**
 * Call inside a `describe`: a TrackedStack started before its tests and stopped after them, its
 * figures added to `into`. Returns a stand-in that forwards to the running stack.
 */
export function useStack(into: Tally, options: Parameters<typeof TrackedStack.start>[0] = {}): TrackedStack {
  let current: TrackedStack | undefined;
  beforeAll(async () => {
    current = await TrackedStack.start(options);
  });
  afterAll(async () => {
    await current?.stop();
    if (current) into.add(current.figures);
  });
  return new Proxy({} as TrackedStack, {
    get(_, property) {
      if (!current) throw new Error("useStack: the stack is used before beforeAll started it");
      const value = (current as unknown as Record<PropertyKey, unknown>)[property];
      return typeof value === "function" ? value.bind(current) : value;
    },
  });
}
