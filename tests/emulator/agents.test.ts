import { describe, expect, it } from "@jest/globals";
import { UNKNOWN_UUID, useEmulator, withEmulator } from "./helpers";

const AGENT_KEYS = [
  "actions",
  "attachments",
  "canvasEnabled",
  "codeInterpreterEnabled",
  "conversationStarters",
  "createdAt",
  "description",
  "emojiIcon",
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
      codeInterpreterEnabled: false,
      canvasEnabled: false,
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
      codeInterpreterEnabled: true,
      canvasEnabled: true,
      attachments: [UNKNOWN_UUID],
      actions: [
        { actionId: action.id, requiresConfirmation: true },
        { actionId: action.id, requiresConfirmation: false },
      ],
    });
    expect(agent.inputFields).toEqual([
      { slug: "doc", type: "FILE", label: "Document", description: "", required: false, order: 0, options: [], fileTypes: ["pdf"] },
      {
        slug: "mode",
        type: "SELECT",
        label: "Mode",
        description: "How",
        required: true,
        order: 1,
        options: ["short", "long"],
        fileTypes: null,
      },
    ]);
    expect(agent).not.toHaveProperty("emoji");
    expect(agent).not.toHaveProperty("creativity");
  });

  it("validates every documented limit", async () => {
    const res = await t.api.post("/agent/v1/create", {
      name: "n".repeat(81),
      description: "d".repeat(501),
      emoji: "e".repeat(17),
      instruction: "i".repeat(40_001),
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
      name: "n".repeat(80),
      description: "d".repeat(500),
      emoji: "e".repeat(16),
      instruction: "i".repeat(40_000),
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
    expect(after.actions).toEqual([{ actionId: keep.id, requiresConfirmation: true }]);
  });
});

describe("models", () => {
  it("lists the configured models; the first is the default for new agents", async () => {
    await withEmulator({ models: ["mistral-large", "gpt-4o"] }, async (api) => {
      const res = await api.get("/agent/v1/models");
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ data: [{ id: "mistral-large" }, { id: "gpt-4o" }] });
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
