import { describe, expect, it } from "@jest/globals";
import { UNKNOWN_UUID, useEmulator, withEmulator } from "./helpers";
import type { LangdockEmulator } from "../../provider/emulator";

describe("transport: routing, auth, scopes, bodies", () => {
  const t = useEmulator();

  it("answers 404 {message} for unknown routes, including agent delete/list", async () => {
    for (const [method, path] of [
      ["GET", "/nope"],
      ["DELETE", "/agent/v1/delete"],
      ["GET", "/agent/v1/list"],
      ["DELETE", `/integrations/v1/${UNKNOWN_UUID}`],
    ]) {
      const res = await t.api.call(method, path);
      expect(res.status).toBe(404);
      expect(typeof res.body.message).toBe("string");
    }
  });

  it("answers 401 for a missing or wrong key", async () => {
    const missing = await t.api.get("/integrations/v1/get", { key: null });
    const wrong = await t.api.get("/integrations/v1/get", { key: "sk-ld-wrong" });
    expect([missing.status, wrong.status]).toEqual([401, 401]);
    expect(missing.body).toEqual({ message: "Invalid or missing API key" });
    expect(t.emu.apiKey).toMatch(/^sk-ld-emulator-[0-9a-f]+$/);
  });

  it("answers 400 for malformed JSON bodies", async () => {
    const res = await t.api.call("POST", "/integrations/v1/create", { rawBody: "{nope" });
    expect(res.status).toBe(400);
    expect(typeof res.body.message).toBe("string");
  });

  it("serves on 127.0.0.1 with a random port by default", () => {
    expect(t.emu.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});

describe("scopes", () => {
  it("gives 403 INSUFFICIENT_SCOPES naming the missing scope; the list also accepts ASSISTANT_API", async () => {
    await withEmulator({ scopes: ["ASSISTANT_API"] }, async (api) => {
      expect((await api.get("/integrations/v1/get")).status).toBe(200);
      const create = await api.post("/integrations/v1/create", { name: "x" });
      expect(create.status).toBe(403);
      expect(create.body).toEqual({ error: "INSUFFICIENT_SCOPES", details: { missing: ["INTEGRATION_API"] } });
      const agent = await api.get("/agent/v1/models");
      expect(agent.status).toBe(403);
      expect(agent.body).toEqual({ error: "INSUFFICIENT_SCOPES", details: { missing: ["AGENT_API"] } });
    });
  });

  it("an AGENT_API-only key cannot touch integrations", async () => {
    await withEmulator({ scopes: ["AGENT_API"], apiKey: "sk-ld-agents" }, async (api, emu) => {
      expect(emu.apiKey).toBe("sk-ld-agents");
      expect((await api.get("/integrations/v1/get")).status).toBe(403);
      expect((await api.get("/agent/v1/models")).status).toBe(200);
    });
  });
});

describe("basePath", () => {
  it("joins routes under the base path and 404s outside it", async () => {
    await withEmulator({ basePath: "/api/public/" }, async (api, emu) => {
      expect(emu.url).toMatch(/:\d+\/api\/public$/);
      const id = await api.createIntegration();
      expect(emu.log.at(-1)?.path).toBe("/integrations/v1/create");
      const root = emu.url.replace(/\/api\/public$/, "");
      const outside = await fetch(`${root}/integrations/v1/${id}`, {
        headers: { authorization: `Bearer ${emu.apiKey}` },
      });
      expect(outside.status).toBe(404);
    });
  });
});

describe("integrations", () => {
  const t = useEmulator();

  it("creates (201) with description null when absent, and lists", async () => {
    const res = await t.api.post("/integrations/v1/create", { name: "CRM" });
    expect(res.status).toBe(201);
    expect(Object.keys(res.body.integration).sort()).toEqual(["createdAt", "description", "id", "name"]);
    expect(res.body.integration).toMatchObject({ name: "CRM", description: null });
    expect(new Date(res.body.integration.createdAt).toISOString()).toBe(res.body.integration.createdAt);

    await t.api.post("/integrations/v1/create", { name: "Wiki", description: "Docs" });
    const list = await t.api.get("/integrations/v1/get");
    expect(list.status).toBe(200);
    expect(list.body.integrations.map((i: any) => [i.name, i.description])).toEqual([
      ["CRM", null],
      ["Wiki", "Docs"],
    ]);
  });

  it("validates name 1-40 and description <= 90, listing all issues", async () => {
    const res = await t.api.post("/integrations/v1/create", { name: "x".repeat(41), description: "d".repeat(91) });
    expect(res.status).toBe(400);
    expect(res.body.message.map((i: any) => i.path)).toEqual([["name"], ["description"]]);
    for (const issue of res.body.message) expect(typeof issue.message).toBe("string");

    const empty = await t.api.post("/integrations/v1/create", { name: "" });
    expect(empty.status).toBe(400);
    const missing = await t.api.post("/integrations/v1/create", {});
    expect(missing.body.message[0].path).toEqual(["name"]);
    expect((await t.api.post("/integrations/v1/create", { name: "x".repeat(40) })).status).toBe(201);
  });

  it("GET returns details with defaults; 400 for a malformed id, 404 for an unknown one", async () => {
    const id = await t.api.createIntegration("CRM", "Customer data");
    const res = await t.api.get(`/integrations/v1/${id}`);
    expect(res.status).toBe(200);
    expect(res.body.integration).toMatchObject({
      id,
      name: "CRM",
      description: "Customer data",
      iconUrl: null,
      color: null,
      authType: "NONE",
      authTestCode: null,
      authFields: [],
      oauthClient: null,
      actions: [],
      triggers: [],
    });
    expect(typeof res.body.integration.updatedAt).toBe("string");
    expect((await t.api.get("/integrations/v1/not-a-uuid")).status).toBe(400);
    const unknown = await t.api.get(`/integrations/v1/${UNKNOWN_UUID}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toBe("Integration not found");
  });

  it("PATCH requires name or description and validates name, description, iconUrl and color", async () => {
    const id = await t.api.createIntegration();
    const none = await t.api.patch(`/integrations/v1/${id}`, { color: "#112233" });
    expect(none.status).toBe(400);

    const bad = await t.api.patch(`/integrations/v1/${id}`, {
      name: "",
      description: "d".repeat(91),
      iconUrl: "not a url",
      color: "blue",
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message.map((i: any) => i.path[0])).toEqual(["name", "description", "iconUrl", "color"]);

    const ok = await t.api.patch(`/integrations/v1/${id}`, {
      name: "Renamed",
      iconUrl: "https://example.com/icon.png",
      color: "#1A2B3C",
    });
    expect(ok.status).toBe(200);
    expect(ok.body.integration).toMatchObject({
      name: "Renamed",
      description: null,
      iconUrl: "https://example.com/icon.png",
      color: "#1A2B3C",
    });
    expect((await t.api.patch(`/integrations/v1/${UNKNOWN_UUID}`, { name: "x" })).status).toBe(404);
  });

  it("PATCH /auth validates, replaces authFields whole and never returns clientSecret", async () => {
    const id = await t.api.createIntegration();
    const path = `/integrations/v1/${id}/auth`;

    expect((await t.api.patch(path, {})).body.message[0].path).toEqual(["authType"]);
    expect((await t.api.patch(path, { authType: "BASIC" })).status).toBe(400);
    const dup = await t.api.patch(path, {
      authType: "API_KEY",
      authFields: [
        { slug: "key", label: "Key", type: "PASSWORD" },
        { slug: "key", label: "Key 2", type: "TEXT" },
      ],
    });
    expect(dup.status).toBe(400);
    expect(dup.body.message[0].path).toEqual(["authFields", 1, "slug"]);
    const limits = await t.api.patch(path, {
      authType: "API_KEY",
      authTestCode: "x".repeat(1001),
      authFields: [
        { slug: "s".repeat(101), label: "l".repeat(101), type: "SECRET", description: "d".repeat(501), placeholder: "p".repeat(201) },
      ],
    });
    expect(limits.body.message.map((i: any) => i.path.join("."))).toEqual([
      "authFields.0.slug",
      "authFields.0.label",
      "authFields.0.type",
      "authFields.0.description",
      "authFields.0.placeholder",
      "authTestCode",
    ]);

    const first = await t.api.patch(path, {
      authType: "API_KEY",
      authTestCode: "return true;",
      authFields: [
        { slug: "apiKey", label: "API key", type: "PASSWORD", required: true },
        { slug: "region", label: "Region", type: "TEXT" },
      ],
    });
    expect(first.status).toBe(200);
    expect(first.body.integration.authFields).toHaveLength(2);
    expect(first.body.integration.authTestCode).toBe("return true;");

    const second = await t.api.patch(path, {
      authType: "OAUTH",
      authFields: [{ slug: "tenant", label: "Tenant", type: "TEXT" }],
      oauthClient: { clientId: "cid", clientSecret: "top-secret", authUrl: "https://a", tokenUrl: "https://t", scopes: "read" },
    });
    expect(second.body.integration.authType).toBe("OAUTH");
    expect(second.body.integration.authFields.map((f: any) => f.slug)).toEqual(["tenant"]);
    expect(second.body.integration.oauthClient).toEqual({ clientId: "cid", authUrl: "https://a", tokenUrl: "https://t", scopes: "read" });
    expect((await t.api.get(`/integrations/v1/${id}`)).text).not.toContain("top-secret");
    expect(t.emu.snapshot().integrations[0].oauthClient.clientSecret).toBe("top-secret");

    // Clients cannot echo a write-only secret back, so omitting it keeps the stored one.
    await t.api.patch(path, { authType: "OAUTH", oauthClient: { clientId: "cid2" } });
    expect(t.emu.snapshot().integrations[0].oauthClient).toEqual({ clientId: "cid2", clientSecret: "top-secret" });
  });

  it("accepts SERVICE_ACCOUNT and OAUTH_DCR auth types", async () => {
    const id = await t.api.createIntegration();
    for (const authType of ["SERVICE_ACCOUNT", "OAUTH_DCR", "NONE"]) {
      const res = await t.api.patch(`/integrations/v1/${id}/auth`, { authType });
      expect(res.body.integration.authType).toBe(authType);
    }
  });
});

describe("integration icons", () => {
  const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

  async function putIcon(emu: LangdockEmulator, id: string, bytes: Buffer, type: string, field = "icon") {
    const form = new FormData();
    form.append(field, new Blob([bytes], { type }), "icon");
    const res = await fetch(`${emu.url}/integrations/v1/${id}/icon`, {
      method: "PUT",
      headers: { authorization: `Bearer ${emu.apiKey}` },
      body: form,
    });
    return { status: res.status, body: (await res.json()) as any };
  }

  it("PUT takes a PNG, JPEG or WebP in the multipart field icon; GET shows its URL", async () => {
    await withEmulator({}, async (api, emu) => {
      const id = await api.createIntegration();
      expect((await api.get(`/integrations/v1/${id}/icon`)).body).toEqual({ iconUrl: null });
      const put = await putIcon(emu, id, PNG, "image/png");
      expect(put.status).toBe(200);
      expect(put.body.iconUrl).toMatch(/\.png$/);
      expect((await api.get(`/integrations/v1/${id}/icon`)).body).toEqual({ iconUrl: put.body.iconUrl });
      expect(emu.snapshot().integrations[0].icon).toMatchObject({ type: "image/png", size: PNG.length });
    });
  });

  it("refuses another type or field with Langdock's typed error shape", async () => {
    await withEmulator({}, async (api, emu) => {
      const id = await api.createIntegration();
      const gif = await putIcon(emu, id, PNG, "image/gif");
      expect(gif).toEqual({
        status: 400,
        body: {
          type: "error",
          error: { type: "invalid_request_error", message: "Unsupported icon type image/gif: use PNG, JPEG or WebP" },
        },
      });
      expect((await putIcon(emu, id, PNG, "image/png", "file")).status).toBe(400);
    });
  });
});
