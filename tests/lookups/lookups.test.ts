import * as pulumi from "@pulumi/pulumi";
import { LangdockClient } from "../../provider/client";
import { Cooldown } from "../../provider/client/retry";
import { MISSING_API_KEY } from "../../provider/config";
import { DEFAULT_MODELS, LangdockEmulator } from "../../provider/emulator";
import { getAgent, getIntegration, getIntegrations, getModels } from "../../provider/lookups";
import { DEFAULT_SETTINGS } from "../../provider/config";

const ENV_KEYS = ["LANGDOCK_API_KEY", "LANGDOCK_BASE_URL"] as const;
const savedEnv = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

let emulator: LangdockEmulator;
/** Options that reach the emulator without any stack config or environment. */
let direct: { apiKey: string; baseUrl: string };

beforeAll(async () => {
  emulator = await LangdockEmulator.start();
  direct = { apiKey: emulator.apiKey, baseUrl: emulator.url };
});
afterAll(() => emulator.close());

beforeEach(() => {
  emulator.resetLog();
  for (const key of ENV_KEYS) delete process.env[key];
  pulumi.runtime.setAllConfig({});
});
afterEach(() => {
  pulumi.runtime.setAllConfig({});
  for (const key of ENV_KEYS) {
    if (savedEnv[key] === undefined) delete process.env[key];
    else process.env[key] = savedEnv[key];
  }
});

/** Seeds the emulator through the provider's own client, as a Pulumi program would have. */
function seeder(): LangdockClient {
  return new LangdockClient({ ...DEFAULT_SETTINGS, ...direct, cooldown: new Cooldown() });
}

describe("configuration", () => {
  it("reads langdock:apiKey and langdock:baseUrl from the stack config, like the provider", async () => {
    pulumi.runtime.setConfig("langdock:apiKey", emulator.apiKey);
    pulumi.runtime.setConfig("langdock:baseUrl", emulator.url);
    await expect(getModels()).resolves.toEqual([...DEFAULT_MODELS]);
    expect(emulator.count({ method: "GET", path: "/agent/v1/models" })).toBe(1);
  });

  it("falls back to LANGDOCK_API_KEY and LANGDOCK_BASE_URL", async () => {
    process.env.LANGDOCK_API_KEY = emulator.apiKey;
    process.env.LANGDOCK_BASE_URL = emulator.url;
    await expect(getModels()).resolves.toEqual([...DEFAULT_MODELS]);
  });

  it("prefers the stack config over the environment", async () => {
    process.env.LANGDOCK_API_KEY = "sk-ld-from-env-wrong";
    process.env.LANGDOCK_BASE_URL = "http://127.0.0.1:9"; // nothing listens here
    pulumi.runtime.setConfig("langdock:apiKey", emulator.apiKey);
    pulumi.runtime.setConfig("langdock:baseUrl", emulator.url);
    await expect(getModels()).resolves.toEqual([...DEFAULT_MODELS]);
  });

  it("prefers explicit options over the stack config", async () => {
    pulumi.runtime.setConfig("langdock:apiKey", "sk-ld-from-config-wrong");
    pulumi.runtime.setConfig("langdock:baseUrl", "http://127.0.0.1:9");
    await expect(getModels(direct)).resolves.toEqual([...DEFAULT_MODELS]);
  });

  it("fails without an API key, saying how to set one, before sending anything", async () => {
    await expect(getModels({ baseUrl: emulator.url })).rejects.toThrow(MISSING_API_KEY);
    expect(emulator.count()).toBe(0);
  });

  it("passes on the client's error for a rejected key, without the key", async () => {
    const err: Error = await getModels({ ...direct, apiKey: "sk-ld-not-the-right-key" }).catch((e) => e);
    expect(err.message).toMatch(/^Langdock rejected GET \/agent\/v1\/models with HTTP 401/);
    expect(err.message).not.toContain("sk-ld-not-the-right-key");
  });

  it("does not load the HTTP client until a lookup runs, so importing the package stays cheap", async () => {
    let loaded = false;
    await jest.isolateModulesAsync(async () => {
      jest.doMock("../../provider/client", () => {
        loaded = true;
        return jest.requireActual("../../provider/client");
      });
      const lookups = (await import("../../provider/lookups")) as typeof import("../../provider/lookups");
      expect(loaded).toBe(false);
      await lookups.getModels(direct);
      expect(loaded).toBe(true);
    });
  });
});

describe("getIntegrations / getIntegration", () => {
  let crmId: string;
  let actionId: string;
  let triggerId: string;

  beforeAll(async () => {
    const client = seeder();
    crmId = (await client.createIntegration({ name: "CRM", description: "Customer records" })).id;
    await client.createIntegration({ name: "Wiki" });
    await client.updateIntegrationAuth(crmId, {
      authType: "API_KEY",
      authFields: [{ slug: "apiKey", label: "API key", type: "PASSWORD", required: true }],
    });
    actionId = (
      await client.createAction(crmId, {
        name: "Get user",
        code: "return 1;",
        inputFields: [{ label: "User ID", type: "TEXT", required: false }],
      })
    ).id;
    triggerId = (await client.createTrigger(crmId, { name: "New tickets", pollingCode: "return [];" })).id;
  });

  it("lists the workspace's integrations as plain { id, name, description? } data", async () => {
    const integrations = await getIntegrations(direct);
    expect(integrations).toEqual(
      expect.arrayContaining([
        { id: crmId, name: "CRM", description: "Customer records" },
        { id: expect.any(String), name: "Wiki" },
      ]),
    );
    // Langdock's nulls (Wiki has no description) and extra fields (authType, createdAt…) stay out.
    expect(integrations.find((i) => i.name === "Wiki")).toEqual({ id: expect.any(String), name: "Wiki" });
  });

  it("returns one integration with its auth type and the ids, names and slugs of its actions and triggers", async () => {
    const crm = await getIntegration({ id: crmId }, direct);
    expect(crm).toEqual({
      id: crmId,
      name: "CRM",
      description: "Customer records",
      authType: "API_KEY",
      actions: [{ id: actionId, name: "Get user", slug: expect.any(String) }],
      triggers: [{ id: triggerId, name: "New tickets", slug: expect.any(String) }],
    });
    expect(emulator.count({ method: "GET", path: `/integrations/v1/${crmId}` })).toBe(1);
  });

  it("passes on Langdock's 404 for an unknown integration", async () => {
    await expect(getIntegration({ id: UNKNOWN_ID }, direct)).rejects.toThrow(
      new RegExp(`^Langdock rejected GET /integrations/v1/${UNKNOWN_ID} with HTTP 404`),
    );
  });

  it("asks for an id instead of sending a request without one", async () => {
    await expect(getIntegration({ id: "" }, direct)).rejects.toThrow(
      'getIntegration: pass { id: "<uuid>" } with the object\'s id, got {"id":""}.',
    );
    await expect(getIntegration(undefined as never, direct)).rejects.toThrow(/^getIntegration: pass \{ id: "<uuid>" \}/);
    expect(emulator.count()).toBe(0);
  });
});

describe("getAgent", () => {
  it("returns the published agent with the Agent resource's names, not Langdock's response names", async () => {
    const client = seeder();
    const integrationId = (await client.createIntegration({ name: "Tickets" })).id;
    const actionId = (await client.createAction(integrationId, { name: "Create ticket" })).id;
    const created = await client.createAgent({
      name: "Helpdesk",
      description: "Answers IT questions",
      emoji: "🛟",
      instruction: "Be brief.",
      model: DEFAULT_MODELS[1],
      creativity: 0.2,
      conversationStarters: ["My printer is on fire"],
      actions: [{ actionId, requiresConfirmation: false }],
      webSearch: true,
    });

    const agent = await getAgent({ id: created.id }, direct);
    expect(agent).toMatchObject({
      id: created.id,
      name: "Helpdesk",
      description: "Answers IT questions",
      emoji: "🛟",
      instruction: "Be brief.",
      model: DEFAULT_MODELS[1],
      creativity: 0.2,
      conversationStarters: ["My printer is on fire"],
      actions: [{ actionId, requiresConfirmation: false }],
      inputFields: [],
      attachments: [],
      webSearch: true,
      imageGeneration: false,
      // Langdock ignores it and no longer reports it (late 2026).
      dataAnalyst: false,
      canvas: false,
      extendedThinking: false,
    });
    for (const responseName of [
      "emojiIcon",
      "temperature",
      "webSearchEnabled",
      "imageGenerationEnabled",
      "codeInterpreterEnabled",
      "canvasEnabled",
    ]) {
      expect(agent).not.toHaveProperty(responseName);
    }
    expect(emulator.count({ method: "GET", path: "/agent/v1/get" })).toBe(1);
  });

  it("passes on the client's error for an unknown agent", async () => {
    await expect(getAgent({ id: UNKNOWN_ID }, direct)).rejects.toThrow(/^Langdock rejected GET \/agent\/v1\/get with HTTP 404/);
  });
});
