import { engineError, opsOf, startHarness, urnOf, type Harness } from "../helpers/engineHarness";

/**
 * Issue 22: adoptId acts at the first up only, and moving an action to another integration (a
 * replacement: create there, delete here) carries what the program leaves to Langdock from the live
 * object, or refuses before any write when Langdock's answer does not show it.
 */
jest.setTimeout(120_000);

const CODE = "// hand-written\nreturn { ok: true };";

async function call(h: Harness, method: string, path: string, body: unknown): Promise<Record<string, { id: string }>> {
  const res = await fetch(h.emulator.url + path, {
    method,
    headers: { Authorization: `Bearer ${h.emulator.apiKey}`, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return (await res.json()) as Record<string, { id: string }>;
}

describe.each(["full", "summary"] as const)("moving an exported action to another integration (GET detail: %s)", (detail) => {
  let h: Harness;
  let from: string;
  let to: string;
  let handBuilt: string;
  // What `pulumi-langdock export` writes: adoptId, and the code left as it is in Langdock.
  const program = (integrationId: () => string) => () => ({
    id: new h.langdock.Action("mover", {
      integrationId: integrationId(),
      name: "Mover",
      description: "Moves",
      adoptId: handBuilt,
      unmanaged: ["code", "inputFields", "requiresConfirmation"],
    }).id,
  });

  beforeAll(async () => {
    h = await startHarness({ emulator: { integrationDetail: detail } });
    from = (await call(h, "POST", "/integrations/v1/create", { name: "From" })).integration!.id;
    to = (await call(h, "POST", "/integrations/v1/create", { name: "To" })).integration!.id;
    handBuilt = (await call(h, "POST", `/integrations/v1/${from}/actions/create`, { name: "Mover", description: "Moves", code: CODE }))
      .action!.id;
    await h.engine.up(program(() => from));
    expect(h.engine.state[urnOf("Action", "mover")]!.id).toBe(handBuilt);
  });
  afterAll(() => h?.stop());

  const actions = () => h.emulator.snapshot().actions as Array<{ id: string; integrationId: string; name: string; code: string | null }>;

  it("the preview warns exactly what moves and what is lost; adoptId, still in the program, does not get in the way", async () => {
    h.emulator.resetLog();
    const preview = await h.engine.preview(program(() => to));
    expect(opsOf(preview.steps)).toEqual(["replace mover"]);
    expect(h.engine.host.stderr).toContain(
      `warning: action "Mover": moving it to another integration replaces it: a new action is created in integration ${to} with the program's properties and the old one's code and inputFields and requiresConfirmation, read from Langdock (the up refuses the move before any write if Langdock's answer does not show them), then the action in integration ${from} is deleted; lost with it: its id and its slug mover and its place in agents that list the old id, unless the program passes them the new id.`,
    );
    expect(h.emulator.log.filter((e) => e.method !== "GET")).toEqual([]);
  });

  if (detail === "full") {
    it("the up carries the code over from the live object, then deletes the old one", async () => {
      await h.engine.up(program(() => to));
      const moved = h.engine.state[urnOf("Action", "mover")]!.id;
      expect(moved).not.toBe(handBuilt);
      expect(actions()).toEqual([expect.objectContaining({ id: moved, integrationId: to, name: "Mover", code: CODE })]);
      expect(h.engine.host.stderr).toContain(
        `warning: action "Mover": moving it to integration ${to}, its code and inputFields and requiresConfirmation are carried over from action ${handBuilt} in integration ${from}, which is deleted next.`,
      );
    });
  } else {
    it("the up refuses before any write: the summary does not show the code it would have to carry", async () => {
      h.emulator.resetLog();
      const err = await engineError(h.engine.up(program(() => to)));
      expect(err.failures[0]!.partial).toBeUndefined();
      expect(err.failures.map((f) => f.message)).toEqual([
        `integrationId: moving action "Mover" (${handBuilt}) out of integration ${from} creates a new action and deletes this one, but Langdock's answer does not include its code and inputFields and requiresConfirmation, which the program leaves as they are in Langdock, so the new action would lose them; declare code and inputFields and requiresConfirmation in the program (and remove them from unmanaged), then run pulumi up again. Nothing was changed.`,
      ]);
      expect(h.emulator.log.filter((e) => e.method !== "GET")).toEqual([]);
      expect(actions()).toEqual([expect.objectContaining({ id: handBuilt, integrationId: from, code: CODE })]);
      expect(h.engine.state[urnOf("Action", "mover")]!.id).toBe(handBuilt);
    });
  }
});
