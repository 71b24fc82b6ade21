import { describe, expect, it } from "@jest/globals";
import { UNKNOWN_UUID, useEmulator, withEmulator } from "./helpers";

const AGENT_KEYS = [
  "actions",
  "attachments",
  "canvasEnabled",
  "conversationStarters",
  "createdAt",
  "description",
  "emojiIcon",
  "extendedThinking",
  "id",
  "imageGenerationEnabled",
  "inputFields",
  "inputType",
  "instruction",
  "model",
  "name",
  "temperature",
  "updatedAt",
  "webSearchEnabled",
];

describe("agents", () => {
  const t = useEmulator();

  it("creates (201) with response names and documented defaults", async () => {
    const res = await t.api.post("/agent/v1/create", { name: "Helper" });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe("success");
    expect(res.body.message).toBe("Agent created successfully");
    const agent = res.body.agent;
    expect(Object.keys(agent).sort()).toEqual(AGENT_KEYS);
    expect(agent).toMatchObject({
      name: "Helper",
      description: "",
      instruction: "",
      emojiIcon: null,
      model: "gpt-4o",
      temperature: 0.3,
      conversationStarters: [],
      inputType: "PROMPT",
      webSearchEnabled: false,
      imageGenerationEnabled: false,
      canvasEnabled: false,
      extendedThinking: false,
      actions: [],
      inputFields: [],
      attachments: [],
    });
    expect(agent.createdAt).toBe(agent.updatedAt);
  });

  it("maps request names to response names and fills action/input field defaults", async () => {
    const integration = await t.api.createIntegration();
    const action = await t.api.createAction(integration, { name: "Act" });
    const agent = await t.api.createAgent({
      name: "Analyzer",
      description: "Analyzes",
      emoji: "📄",
      instruction: "Be helpful",
      inputType: "STRUCTURED",
      model: "claude-sonnet-4",
      creativity: 0.5,
      conversationStarters: ["Summarize"],
      actions: [{ actionId: action.id }, { actionId: action.id, requiresConfirmation: false }],
      inputFields: [
        { slug: "doc", type: "FILE", label: "Document", order: 0, fileTypes: ["pdf"] },
        { slug: "mode", type: "SELECT", label: "Mode", order: 1, options: ["short", "long"], required: true, description: "How" },
      ],
      attachments: [UNKNOWN_UUID],
      webSearch: true,
      imageGeneration: true,
      dataAnalyst: true,
      canvas: true,
    });
    expect(agent).toMatchObject({
      emojiIcon: "📄",
      temperature: 0.5,
      model: "claude-sonnet-4",
      inputType: "STRUCTURED",
      webSearchEnabled: true,
      imageGenerationEnabled: true,
      canvasEnabled: true,
      attachments: [UNKNOWN_UUID],
      actions: [
        { actionId: action.id, requiresConfirmation: true, connectionId: null },
        { actionId: action.id, requiresConfirmation: false, connectionId: null },
      ],
    });
    // Late 2026: answers omit input fields' slug, options and fileTypes, and dataAnalyst is ignored.
    expect(agent.inputFields).toEqual([
      { type: "FILE", label: "Document", description: "", required: false, order: 0 },
      { type: "SELECT", label: "Mode", description: "How", required: true, order: 1 },
    ]);
    expect(agent).not.toHaveProperty("codeInterpreterEnabled");
    const stored = t.emu.snapshot().agents.find((a: any) => a.id === agent.id);
    expect(stored.inputFields.map((f: any) => [f.slug, f.options, f.fileTypes])).toEqual([
      ["doc", [], ["pdf"]],
      ["mode", ["short", "long"], null],
    ]);
    expect(agent).not.toHaveProperty("emoji");
    expect(agent).not.toHaveProperty("creativity");
  });

  it("validates every documented limit", async () => {
    const res = await t.api.post("/agent/v1/create", {
      name: "n".repeat(256),
      description: "d".repeat(801),
      emoji: "e".repeat(17),
      instruction: "i".repeat(50_001),
      inputType: "FORM",
      creativity: 1.5,
      conversationStarters: ["", "s".repeat(256)],
      actions: [{ actionId: "nope" }],
      inputFields: [{ slug: "x", type: "COLOR", label: "X" }],
      attachments: ["nope"],
      webSearch: "yes",
    });
    expect(res.status).toBe(400);
    expect(res.body.message.map((i: any) => i.path.join("."))).toEqual([
      "name",
      "description",
      "emoji",
      "instruction",
      "inputType",
      "creativity",
      "conversationStarters.0",
      "conversationStarters.1",
      "actions.0.actionId",
      "inputFields.0.type",
      "inputFields.0.order",
      "attachments.0",
      "webSearch",
    ]);
    const tooMany = await t.api.post("/agent/v1/create", { name: "x", conversationStarters: Array(21).fill("hi") });
    expect(tooMany.body.message[0].path).toEqual(["conversationStarters"]);
    expect((await t.api.post("/agent/v1/create", {})).body.message[0].path).toEqual(["name"]);
    expect((await t.api.post("/agent/v1/create", { name: "" })).status).toBe(400);
    expect((await t.api.post("/agent/v1/create", { name: "x", creativity: -0.1 })).status).toBe(400);
    const atLimits = await t.api.post("/agent/v1/create", {
      name: "n".repeat(255),
      description: "d".repeat(800),
      emoji: "e".repeat(16),
      instruction: "i".repeat(50_000),
      creativity: 1,
      conversationStarters: Array(20).fill("s".repeat(255)),
    });
    expect(atLimits.status).toBe(201);
  });

  it("rejects unknown models and actions with 400 {message}", async () => {
    const model = await t.api.post("/agent/v1/create", { name: "x", model: "gpt-5-ultra" });
    expect(model.status).toBe(400);
    expect(model.body).toEqual({ message: "Model 'gpt-5-ultra' is not available in this workspace" });
    const action = await t.api.post("/agent/v1/create", { name: "x", actions: [{ actionId: UNKNOWN_UUID }] });
    expect(action.status).toBe(400);
    expect(action.body).toEqual({ message: `Action ${UNKNOWN_UUID} not found` });
    expect(t.emu.snapshot().agents).toEqual([]);
  });

  it("GET returns the published version with disabled; 404 unknown, 400 malformed or missing id", async () => {
    const agent = await t.api.createAgent({ name: "Reader" });
    const res = await t.api.get(`/agent/v1/get?agentId=${agent.id}`);
    expect(res.status).toBe(200);
    expect(res.body.agent).toEqual({ ...agent, disabled: false });
    const unknown = await t.api.get(`/agent/v1/get?agentId=${UNKNOWN_UUID}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ message: "Agent not found" });
    expect((await t.api.get("/agent/v1/get?agentId=123")).status).toBe(400);
    expect((await t.api.get("/agent/v1/get")).body.message[0].path).toEqual(["agentId"]);
  });

  it("updates land in a draft; publish makes them live; 409 without draft changes", async () => {
    const agent = await t.api.createAgent({ name: "Drafty", description: "v1", emoji: "🤖", conversationStarters: ["a", "b"] });

    const noDraft = await t.api.post("/agent/v1/publish", { agentId: agent.id });
    expect(noDraft.status).toBe(409);
    expect(noDraft.body).toEqual({ message: "No draft changes to publish" });

    const update = await t.api.patch("/agent/v1/update", {
      agentId: agent.id,
      description: "",
      emoji: null,
      conversationStarters: ["c"],
      creativity: 0.9,
    });
    expect(update.status).toBe(200);
    expect(update.body.status).toBe("success");
    expect(update.body.agent).toMatchObject({
      id: agent.id,
      name: "Drafty",
      description: "",
      emojiIcon: null,
      conversationStarters: ["c"],
      temperature: 0.9,
    });

    // GET still shows the published version.
    const before = (await t.api.get(`/agent/v1/get?agentId=${agent.id}`)).body.agent;
    expect(before).toMatchObject({ description: "v1", emojiIcon: "🤖", conversationStarters: ["a", "b"], temperature: 0.3 });
    expect(t.emu.snapshot().agents[0].hasDraft).toBe(true);

    // A second update builds on the draft, not on the published version.
    await t.api.patch("/agent/v1/update", { agentId: agent.id, instruction: "new" });

    const publish = await t.api.post("/agent/v1/publish", { agentId: agent.id });
    expect(publish.status).toBe(200);
    const after = (await t.api.get(`/agent/v1/get?agentId=${agent.id}`)).body.agent;
    expect(after).toMatchObject({ description: "", emojiIcon: null, conversationStarters: ["c"], temperature: 0.9, instruction: "new" });
    expect(after.createdAt).toBe(agent.createdAt);
    expect(t.emu.snapshot().agents[0].hasDraft).toBe(false);
    expect((await t.api.post("/agent/v1/publish", { agentId: agent.id })).status).toBe(409);
  });

  it("an update that restores the published values leaves nothing to publish", async () => {
    const agent = await t.api.createAgent({ name: "Same", description: "x" });
    await t.api.patch("/agent/v1/update", { agentId: agent.id, description: "y" });
    await t.api.patch("/agent/v1/update", { agentId: agent.id, description: "x" });
    expect((await t.api.post("/agent/v1/publish", { agentId: agent.id })).status).toBe(409);
    const noop = await t.api.patch("/agent/v1/update", { agentId: agent.id, name: "Same" });
    expect(noop.status).toBe(200);
    expect((await t.api.post("/agent/v1/publish", { agentId: agent.id })).status).toBe(409);
  });

  it("update validates fields, model, actions and the agent id", async () => {
    const agent = await t.api.createAgent({ name: "V" });
    expect((await t.api.patch("/agent/v1/update", { agentId: agent.id, name: "" })).status).toBe(400);
    expect((await t.api.patch("/agent/v1/update", { agentId: agent.id, model: "nope" })).body.message).toBe(
      "Model 'nope' is not available in this workspace",
    );
    expect((await t.api.patch("/agent/v1/update", { agentId: agent.id, actions: [{ actionId: UNKNOWN_UUID }] })).status).toBe(400);
    expect((await t.api.patch("/agent/v1/update", { agentId: UNKNOWN_UUID, name: "x" })).status).toBe(404);
    expect((await t.api.patch("/agent/v1/update", { name: "x" })).body.message[0].path).toEqual(["agentId"]);
    expect(t.emu.snapshot().agents[0].hasDraft).toBe(false);
    expect((await t.api.post("/agent/v1/publish", { agentId: UNKNOWN_UUID })).status).toBe(404);
  });

  it("disable toggles the flag shown by GET", async () => {
    const agent = await t.api.createAgent({ name: "Off" });
    const off = await t.api.patch("/agent/v1/disable", { agentId: agent.id, disabled: true });
    expect(off.status).toBe(200);
    expect(off.body.status).toBe("success");
    expect(typeof off.body.message).toBe("string");
    expect((await t.api.get(`/agent/v1/get?agentId=${agent.id}`)).body.agent.disabled).toBe(true);
    await t.api.patch("/agent/v1/disable", { agentId: agent.id, disabled: false });
    expect((await t.api.get(`/agent/v1/get?agentId=${agent.id}`)).body.agent.disabled).toBe(false);
    expect((await t.api.patch("/agent/v1/disable", { agentId: agent.id })).status).toBe(400);
    expect((await t.api.patch("/agent/v1/disable", { agentId: UNKNOWN_UUID, disabled: true })).status).toBe(404);
  });

  it("deleting an action removes it from agents that used it", async () => {
    const integration = await t.api.createIntegration();
    const keep = await t.api.createAction(integration, { name: "Keep" });
    const drop = await t.api.createAction(integration, { name: "Drop" });
    const agent = await t.api.createAgent({ name: "User", actions: [{ actionId: keep.id }, { actionId: drop.id }] });
    await t.api.delete(`/integrations/v1/${integration}/actions/${drop.id}`);
    const after = (await t.api.get(`/agent/v1/get?agentId=${agent.id}`)).body.agent;
    expect(after.actions).toEqual([{ actionId: keep.id, requiresConfirmation: true, connectionId: null }]);
  });
});

describe("models", () => {
  it("lists the configured models; the first is the default for new agents", async () => {
    await withEmulator({ models: ["mistral-large", "gpt-4o"] }, async (api) => {
      const res = await api.get("/agent/v1/models");
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        object: "list",
        data: ["mistral-large", "gpt-4o"].map((id) => ({
          id,
          object: "model",
          created: 1_735_689_600,
          owned_by: "langdock",
          supportsExtendedThinking: false,
        })),
      });
      expect((await api.createAgent({ name: "M" })).model).toBe("mistral-large");
      expect((await api.post("/agent/v1/create", { name: "N", model: "claude-sonnet-4" })).status).toBe(400);
    });
  });

  it("defaults to gpt-4o, gpt-4o-mini, claude-sonnet-4", async () => {
    await withEmulator({}, async (api) => {
      expect((await api.get("/agent/v1/models")).body.data.map((m: any) => m.id)).toEqual(["gpt-4o", "gpt-4o-mini", "claude-sonnet-4"]);
    });
  });
});

describe("agents as Langdock answers in late 2026", () => {
  const t = useEmulator();

  it("GET answers { status, agent }; publish answers { status, message, version }", async () => {
    const agent = await t.api.createAgent({ name: "V" });
    const got = await t.api.get(`/agent/v1/get?agentId=${agent.id}`);
    expect(got.body.status).toBe("success");
    expect(got.body.agent.id).toBe(agent.id);
    await t.api.patch("/agent/v1/update", { agentId: agent.id, description: "new" });
    const published = await t.api.post("/agent/v1/publish", { agentId: agent.id });
    expect(published.body).toEqual({
      status: "success",
      message: "Agent published successfully",
      version: { id: expect.any(String), version: 2, createdAt: expect.any(String) },
    });
    expect((await t.api.post("/agent/v1/publish", { agentId: agent.id, description: "d".repeat(101) })).status).toBe(400);
  });

  it("extendedThinking: stored and answered on a model that supports it, 400 on one that does not", async () => {
    const thinking = await t.api.createAgent({ name: "T", model: "claude-sonnet-4", extendedThinking: true });
    expect(thinking.extendedThinking).toBe(true);
    const refused = await t.api.post("/agent/v1/create", { name: "U", model: "gpt-4o", extendedThinking: true });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toBe("Model 'gpt-4o' does not support extended thinking");
    // Moving a thinking agent to a model without it is refused too.
    expect((await t.api.patch("/agent/v1/update", { agentId: thinking.id, model: "gpt-4o" })).status).toBe(400);
  });

  it("dataAnalyst is accepted and ignored", async () => {
    const agent = await t.api.createAgent({ name: "D", dataAnalyst: true });
    expect(agent).not.toHaveProperty("codeInterpreterEnabled");
    expect(t.emu.snapshot().agents[0]).not.toHaveProperty("codeInterpreterEnabled");
  });

  it("an update that sends actions removes the workflows attached in the UI; other updates keep them", async () => {
    const agent = await t.api.createAgent({ name: "W" });
    t.emu.attachWorkflow(agent.id, "wf-1");
    await t.api.patch("/agent/v1/update", { agentId: agent.id, description: "kept" });
    expect(t.emu.snapshot().agents[0].workflows).toEqual(["wf-1"]);
    await t.api.patch("/agent/v1/update", { agentId: agent.id, actions: [] });
    expect(t.emu.snapshot().agents[0].workflows).toEqual([]);
  });

  it("accepts the newer input types and field types", async () => {
    for (const inputType of ["INTEGRATION", "SCHEDULED", "WEBHOOK"])
      expect((await t.api.createAgent({ name: inputType, inputType })).inputType).toBe(inputType);
    const form = await t.api.post("/agent/v1/create", {
      name: "F",
      inputType: "STRUCTURED",
      inputFields: [
        { slug: "tags", type: "MULTI_SELECT", label: "Tags", order: 0, options: ["a", "b"] },
        { slug: "mail", type: "EMAIL", label: "Mail", order: 1, emailDomain: "example.com" },
      ],
    });
    expect(form.status).toBe(201);
  });
});

describe("a workspace without a default model", () => {
  it("answers 500 to a create without model, and creates one with a model", async () => {
    await withEmulator({ defaultModel: null }, async (api) => {
      const res = await api.post("/agent/v1/create", { name: "NoModel" });
      expect(res.status).toBe(500);
      expect(res.body).toEqual({ message: "Workspace default model not configured" });
      expect((await api.post("/agent/v1/create", { name: "WithModel", model: "gpt-4o" })).status).toBe(201);
    });
  });
});
