import { describe, expect, it } from "@jest/globals";
import { formatEntry, parseArgs, runCli } from "../../provider/emulator/cli";
import { UNKNOWN_UUID, useEmulator } from "./helpers";

describe("out-of-band edits and deletes (the Langdock UI)", () => {
  const t = useEmulator();

  it("editIntegration / deleteIntegration (which takes actions and triggers along)", async () => {
    const id = await t.api.createIntegration("Before");
    const action = await t.api.createAction(id, { name: "Act" });
    await t.api.post(`/integrations/v1/${id}/triggers/create`, { name: "Trig" });
    const agent = await t.api.createAgent({ name: "Uses it", actions: [{ actionId: action.id }] });

    t.emu.editIntegration(id, { name: "After", color: "#000000", authType: "API_KEY" });
    expect((await t.api.get(`/integrations/v1/${id}`)).body.integration).toMatchObject({
      name: "After",
      color: "#000000",
      authType: "API_KEY",
    });
    expect(() => t.emu.editIntegration(id, { name: "x".repeat(41) })).toThrow();

    t.emu.deleteIntegration(id);
    expect((await t.api.get(`/integrations/v1/${id}`)).status).toBe(404);
    const snap = t.emu.snapshot();
    expect([snap.integrations, snap.actions, snap.triggers]).toEqual([[], [], []]);
    expect(snap.agents[0].actions).toEqual([]);
    expect((await t.api.get(`/agent/v1/get?agentId=${agent.id}`)).status).toBe(200);
  });

  it("editAction merges wire fields and regenerates field slugs; deleteAction removes it", async () => {
    const id = await t.api.createIntegration();
    const action = await t.api.createAction(id, { name: "Act", description: "keep", code: "old" });
    t.emu.editAction(action.id, { code: "new", inputFields: [{ label: "Drifted Field" }], requiresConfirmation: true });
    const edited = (await t.api.get(`/integrations/v1/${id}`)).body.integration.actions[0];
    expect(edited).toMatchObject({ description: "keep", code: "new", requiresConfirmation: true, slug: "act" });
    expect(edited.inputFields[0]).toMatchObject({ slug: "driftedField", type: "TEXT" });
    expect(edited.updatedAt >= action.updatedAt).toBe(true);

    t.emu.deleteAction(action.id);
    expect((await t.api.put(`/integrations/v1/${id}/actions/${action.id}`, { name: "Act" })).status).toBe(404);
    expect(() => t.emu.deleteAction(action.id)).toThrow("Action not found");
  });

  it("editTrigger / deleteTrigger", async () => {
    const id = await t.api.createIntegration();
    const trigger = (await t.api.post(`/integrations/v1/${id}/triggers/create`, { name: "Trig", pollingCode: "a" })).body.trigger;
    t.emu.editTrigger(trigger.id, { pollingCode: "b", description: "UI" });
    expect(t.emu.snapshot().triggers[0]).toMatchObject({ pollingCode: "b", description: "UI", integrationId: id });
    t.emu.deleteTrigger(trigger.id);
    expect(t.emu.snapshot().triggers).toEqual([]);
  });

  it("editAgent changes the published version with request names; deleteAgent removes it", async () => {
    const agent = await t.api.createAgent({ name: "Bot" });
    t.emu.editAgent(agent.id, { emoji: "🦊", creativity: 0.8, webSearch: true });
    const live = (await t.api.get(`/agent/v1/get?agentId=${agent.id}`)).body.agent;
    expect(live).toMatchObject({ emojiIcon: "🦊", temperature: 0.8, webSearchEnabled: true });
    expect(() => t.emu.editAgent(agent.id, { model: "nope" })).toThrow("not available");

    t.emu.deleteAgent(agent.id);
    expect((await t.api.get(`/agent/v1/get?agentId=${agent.id}`)).status).toBe(404);
  });

  it("every out-of-band method throws for unknown ids", () => {
    const e = t.emu;
    for (const call of [
      () => e.editIntegration(UNKNOWN_UUID, { name: "x" }),
      () => e.deleteIntegration(UNKNOWN_UUID),
      () => e.editAction(UNKNOWN_UUID, {}),
      () => e.deleteAction(UNKNOWN_UUID),
      () => e.editTrigger(UNKNOWN_UUID, {}),
      () => e.deleteTrigger(UNKNOWN_UUID),
      () => e.editAgent(UNKNOWN_UUID, {}),
      () => e.deleteAgent(UNKNOWN_UUID),
    ]) {
      expect(call).toThrow(/not found/);
    }
  });

  it("snapshot() is a deep copy with integrationId, disabled, hasDraft and draft", async () => {
    const id = await t.api.createIntegration();
    const action = await t.api.createAction(id, { name: "Act", inputFields: [{ label: "F" }] });
    const agent = await t.api.createAgent({ name: "Bot" });
    await t.api.patch("/agent/v1/update", { agentId: agent.id, name: "Bot 2" });
    await t.api.patch("/agent/v1/disable", { agentId: agent.id, disabled: true });

    const snap = t.emu.snapshot();
    expect(snap.actions[0]).toMatchObject({ id: action.id, integrationId: id, order: 0 });
    expect(snap.agents[0]).toMatchObject({ id: agent.id, name: "Bot", disabled: true, hasDraft: true });
    expect(snap.agents[0].draft.name).toBe("Bot 2");

    snap.actions[0].inputFields[0].label = "mutated";
    snap.agents[0].actions.push({ actionId: action.id, requiresConfirmation: true });
    const again = t.emu.snapshot();
    expect(again.actions[0].inputFields[0].label).toBe("F");
    expect(again.agents[0].actions).toEqual([]);
  });
});

describe("cli", () => {
  it("parses flags and rejects unknown or malformed ones", () => {
    expect(parseArgs(["--port", "8080", "--latency", "25", "--base-path", "/api/public", "--key", "sk-ld-x", "--quiet"])).toEqual({
      options: { port: 8080, latencyMs: 25, basePath: "/api/public", apiKey: "sk-ld-x" },
      quiet: true,
      knowledgeBases: [],
    });
    expect(parseArgs(["--knowledge-base", "Docs", "--knowledge-base", "Wiki"]).knowledgeBases).toEqual(["Docs", "Wiki"]);
    expect(parseArgs(["--models", "a, b", "--integration-detail", "summary"]).options).toEqual({
      models: ["a", "b"],
      integrationDetail: "summary",
    });
    expect(() => parseArgs(["--bogus", "1"])).toThrow("Unknown argument");
    expect(() => parseArgs(["--port", "-1"])).toThrow("non-negative integer");
    expect(() => parseArgs(["--port"])).toThrow("Missing value");
  });

  it("prints LANGDOCK_BASE_URL and LANGDOCK_API_KEY first, then logs requests", async () => {
    const out: string[] = [];
    const err: string[] = [];
    const emu = await runCli(
      ["--base-path", "/api/public", "--key", "sk-ld-cli"],
      (l) => out.push(l),
      (l) => err.push(l),
    );
    try {
      expect(out[0]).toBe(`LANGDOCK_BASE_URL=${emu.url}`);
      expect(out[0]).toMatch(/^LANGDOCK_BASE_URL=http:\/\/127\.0\.0\.1:\d+\/api\/public$/);
      expect(out[1]).toBe("LANGDOCK_API_KEY=sk-ld-cli");
      expect(out.length).toBeGreaterThan(2);
      const res = await fetch(`${emu.url}/agent/v1/models?x=1`, { headers: { authorization: "Bearer sk-ld-cli" } });
      expect(res.status).toBe(200);
      expect(err).toEqual([expect.stringMatching(/^GET \/agent\/v1\/models\?x=1 -> 200 \(\d+ ms\)$/)]);
    } finally {
      await emu.close();
    }
  });

  it("formats dropped and faulted requests", () => {
    expect(formatEntry({ method: "POST", path: "/a", query: {}, status: 0, fault: "dropAfterCommit", startedAt: 0, durationMs: 3 })).toBe(
      "POST /a -> dropped (3 ms) [dropAfterCommit]",
    );
  });
});

describe("emulator CLI knowledge bases", () => {
  it("creates each --knowledge-base at start and prints its id", async () => {
    const out: string[] = [];
    const emu = await runCli(["--knowledge-base", "Docs", "--quiet"], (l) => out.push(l));
    try {
      const line = out.find((l) => l.startsWith("# knowledge base"))!;
      const id = /^# knowledge base "Docs": (\S+)$/.exec(line)![1];
      expect(emu.snapshot().knowledgeBases).toEqual([expect.objectContaining({ id, name: "Docs", role: "EDITOR" })]);
    } finally {
      await emu.close();
    }
  });
});
