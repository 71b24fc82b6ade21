import type * as LangdockModule from "../provider";

/** Actions per integration: 10 and 100 actions live on one integration, 500 on five. */
export const ACTIONS_PER_INTEGRATION = 100;
export const AGENTS = 50;
/** Actions each agent uses. */
export const ACTIONS_PER_AGENT = 3;

export interface Workload {
  actions: number;
  agents: number;
  integrations: number;
}

export function workload(actions: number, agents = AGENTS): Workload {
  return { actions, agents, integrations: Math.max(1, Math.ceil(actions / ACTIONS_PER_INTEGRATION)) };
}

export function resourceCount(w: Workload): number {
  return w.actions + w.agents + w.integrations;
}

/**
 * The benchmark program: `integrations` integrations, `actions` actions spread over them round-robin,
 * `agents` agents each using ACTIONS_PER_AGENT of the actions. `version` goes into every action's
 * description only, so moving from version 1 to 2 updates every action and nothing else.
 */
export function program(langdock: typeof LangdockModule, w: Workload, version: number): () => Record<string, unknown> {
  return () => {
    const { Integration, Action, Agent } = langdock;
    const integrations = Array.from(
      { length: w.integrations },
      (_, i) => new Integration(`int-${i}`, { name: `Bench ${i}`, description: "Benchmark integration" }),
    );
    const actions = Array.from(
      { length: w.actions },
      (_, i) =>
        new Action(`act-${i}`, {
          integrationId: integrations[i % w.integrations].id,
          name: `Action ${i}`,
          description: `Benchmark action ${i}, version ${version}`,
          code: `return { ok: true, action: ${i} };`,
          inputFields: [{ label: "Query", required: true }],
        }),
    );
    Array.from(
      { length: w.agents },
      (_, j) =>
        new Agent(`agent-${j}`, {
          name: `Bench agent ${j}`,
          instruction: "Answer with the benchmark actions.",
          actions: Array.from({ length: ACTIONS_PER_AGENT }, (_, m) => ({
            actionId: actions[(j * ACTIONS_PER_AGENT + m) % w.actions].id,
            requiresConfirmation: false,
          })),
        }),
    );
    return {};
  };
}
