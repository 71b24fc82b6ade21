import { describe, expect, it } from "@jest/globals";
import { LangdockEmulator } from "../../provider/emulator";
import type { RequestLogEntry } from "../../provider/emulator";
import { Api, useEmulator, withEmulator } from "./helpers";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("waitFor: timed out");
    await sleep(10);
  }
}

describe("latency", () => {
  it("delays every response by latencyMs and can be changed at runtime", async () => {
    await withEmulator({ latencyMs: 120 }, async (api, emu) => {
      let started = Date.now();
      expect((await api.get("/agent/v1/models")).status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(110);
      expect(emu.log[0].durationMs).toBeGreaterThanOrEqual(110);

      emu.faults.setLatency(0);
      started = Date.now();
      await api.get("/agent/v1/models");
      expect(Date.now() - started).toBeLessThan(110);
    });
  });
});

describe("faults", () => {
  const t = useEmulator();

  it("rate limit: 429 with an integer Retry-After once the window is full; slots free up", async () => {
    t.emu.faults.setRateLimit({ requests: 2, perMs: 400 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await t.api.get("/agent/v1/models")).status);
    expect(statuses).toEqual([200, 200, 429]);
    const limited = await t.api.get("/agent/v1/models");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("1"); // < 1 s to wait, rounded up to the minimum of 1
    expect(typeof limited.body.message).toBe("string");
    expect(t.emu.faults.injected.rateLimit).toBe(2);
    expect(t.emu.log.at(-1)).toMatchObject({ status: 429, fault: "rateLimit" });

    await sleep(450);
    expect((await t.api.get("/agent/v1/models")).status).toBe(200);
    t.emu.faults.setRateLimit(null);
    for (let i = 0; i < 5; i++) expect((await t.api.get("/agent/v1/models")).status).toBe(200);
  });

  it("rate limit: Retry-After counts whole seconds until the oldest slot frees", async () => {
    t.emu.faults.setRateLimit({ requests: 1, perMs: 2500 });
    await t.api.get("/agent/v1/models");
    const limited = await t.api.get("/agent/v1/models");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("3");
  });

  it("failNext: the next N matching requests fail before any state change", async () => {
    t.emu.faults.failNext({ status: 503, count: 2, match: { method: "POST", path: "/integrations/v1/create" } });
    expect((await t.api.get("/integrations/v1/get")).status).toBe(200); // does not match
    const first = await t.api.post("/integrations/v1/create", { name: "A" });
    const second = await t.api.post("/integrations/v1/create", { name: "A" });
    const third = await t.api.post("/integrations/v1/create", { name: "A" });
    expect([first.status, second.status, third.status]).toEqual([503, 503, 201]);
    expect(typeof first.body.message).toBe("string");
    expect(t.emu.snapshot().integrations).toHaveLength(1);
    expect(t.emu.faults.injected.failNext).toBe(2);
    expect(t.emu.count({ method: "POST" })).toBe(3);
    expect(t.emu.log.filter((e) => e.fault === "failNext").map((e) => e.status)).toEqual([503, 503]);
  });

  it("failNext: raw body, content type and Retry-After (seconds or HTTP date) are sent as given", async () => {
    const date = new Date(Date.now() + 5000).toUTCString();
    t.emu.faults.failNext({ status: 502, body: "<html>Bad Gateway</html>", contentType: "text/html" });
    t.emu.faults.failNext({ status: 429, retryAfter: date });
    t.emu.faults.failNext({ status: 500, body: "" });
    const html = await t.api.get("/agent/v1/models");
    expect(html.status).toBe(502);
    expect(html.headers.get("content-type")).toBe("text/html");
    expect(html.text).toBe("<html>Bad Gateway</html>");
    const limited = await t.api.get("/agent/v1/models");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe(date);
    const empty = await t.api.get("/agent/v1/models");
    expect([empty.status, empty.text]).toEqual([500, ""]);
    // A 429 without retryAfter has no Retry-After header.
    t.emu.faults.failNext({ status: 429 });
    expect((await t.api.get("/agent/v1/models")).headers.get("retry-after")).toBeNull();
  });

  it("failNext: RegExp path match", async () => {
    t.emu.faults.failNext({ status: 500, match: { path: /\/actions\// } });
    const id = await t.api.createIntegration();
    expect((await t.api.post(`/integrations/v1/${id}/actions/create`, { name: "x" })).status).toBe(500);
    expect((await t.api.post(`/integrations/v1/${id}/actions/create`, { name: "x" })).status).toBe(201);
  });

  it("dropAfterCommit: the change is committed but the client gets no response", async () => {
    t.emu.faults.dropAfterCommit({ match: { method: "POST" } });
    await expect(t.api.post("/integrations/v1/create", { name: "Lost reply" })).rejects.toThrow();
    expect(t.emu.snapshot().integrations.map((i) => i.name)).toEqual(["Lost reply"]);
    expect(t.emu.log.at(-1)).toMatchObject({ method: "POST", status: 0, fault: "dropAfterCommit" });
    expect(t.emu.faults.injected.dropAfterCommit).toBe(1);
    // Only `count` (default 1) requests are dropped.
    expect((await t.api.post("/integrations/v1/create", { name: "Second" })).status).toBe(201);
  });

  it("stall: hangs the request; a client that times out leaves state untouched", async () => {
    t.emu.faults.stall({ ms: 2000, match: { method: "POST" } });
    const started = Date.now();
    await expect(t.api.post("/integrations/v1/create", { name: "Slow" }, { timeoutMs: 150 })).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(1500);
    await waitFor(() => t.emu.log.length === 1);
    expect(t.emu.log[0]).toMatchObject({ status: 0, fault: "stall" });
    expect(t.emu.snapshot().integrations).toEqual([]);
    expect(t.emu.faults.injected.stall).toBe(1);

    t.emu.faults.stall({ ms: 150 });
    const res = await t.api.post("/integrations/v1/create", { name: "Patient" });
    expect(res.status).toBe(201);
    expect(t.emu.log.at(-1)!.durationMs).toBeGreaterThanOrEqual(140);
  });

  it("storm: fails a seeded share of matching requests, Retry-After on 429; null stops it", async () => {
    t.emu.faults.storm({ rate: 0.5, statuses: [429, 503], seed: 42, retryAfterSeconds: 2, match: { path: "/agent" } });
    const replies = [];
    for (let i = 0; i < 40; i++) replies.push(await t.api.get("/agent/v1/models"));
    const statuses = replies.map((r) => r.status);
    expect(new Set(statuses)).toEqual(new Set([200, 429, 503]));
    for (const r of replies.filter((x) => x.status === 429)) expect(r.headers.get("retry-after")).toBe("2");
    expect(t.emu.faults.injected.storm).toBe(statuses.filter((s) => s !== 200).length);
    expect((await t.api.get("/integrations/v1/get")).status).toBe(200); // outside the match

    t.emu.faults.storm(null);
    for (let i = 0; i < 10; i++) expect((await t.api.get("/agent/v1/models")).status).toBe(200);
  });

  it("clear() removes every fault and zeroes the counters", async () => {
    t.emu.faults.failNext({ status: 500, count: 10 });
    await t.api.get("/agent/v1/models");
    const injected = t.emu.faults.injected;
    expect(injected).toEqual({ failNext: 1 });
    t.emu.faults.setLatency(500);
    t.emu.faults.setRateLimit({ requests: 1, perMs: 60_000 });
    t.emu.faults.storm({ rate: 1, statuses: [503], seed: 1 });
    t.emu.faults.dropAfterCommit({ count: 10 });
    t.emu.faults.stall({ ms: 5000, count: 10 });
    t.emu.faults.clear();
    expect(injected).toEqual({});
    const started = Date.now();
    for (let i = 0; i < 3; i++) expect((await t.api.get("/agent/v1/models")).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(400);
  });
});

describe("storm determinism", () => {
  it("the same seed gives the same sequence; another seed a different one", async () => {
    const run = (seed: number) =>
      withEmulator({}, async (api, emu) => {
        emu.faults.storm({ rate: 0.3, statuses: [500, 502, 503, 429], seed });
        const statuses: number[] = [];
        for (let i = 0; i < 30; i++) statuses.push((await api.get("/agent/v1/models")).status);
        return statuses;
      });
    const a = await run(7);
    expect(await run(7)).toEqual(a);
    expect(await run(8)).not.toEqual(a);
    expect(a.some((s) => s !== 200)).toBe(true);
  });
});

describe("request log", () => {
  const t = useEmulator();

  it("records method, path without query, query, parsed body, status and timing", async () => {
    const before = Date.now();
    await t.api.post("/integrations/v1/create", { name: "Logged" });
    await t.api.get("/agent/v1/get?agentId=nope&x=1");
    await t.api.call("POST", "/integrations/v1/create", { rawBody: "not json" });
    const [create, get, bad] = t.emu.log;
    expect(create).toMatchObject({ method: "POST", path: "/integrations/v1/create", query: {}, status: 201, body: { name: "Logged" } });
    expect(create.startedAt).toBeGreaterThanOrEqual(before);
    expect(create.durationMs).toBeGreaterThanOrEqual(0);
    expect(create.fault).toBeUndefined();
    expect(get).toMatchObject({ method: "GET", path: "/agent/v1/get", query: { agentId: "nope", x: "1" }, status: 400 });
    expect(get.body).toBeUndefined();
    expect(bad.status).toBe(400);
    expect(bad.body).toBeUndefined();
  });

  it("count() matches by method and path prefix or RegExp; resetLog() empties the same array", async () => {
    const id = await t.api.createIntegration();
    await t.api.createAction(id, { name: "A" });
    await t.api.createAction(id, { name: "B" });
    await t.api.get(`/integrations/v1/${id}`);
    expect(t.emu.count()).toBe(4);
    expect(t.emu.count({ method: "post" })).toBe(3);
    expect(t.emu.count({ path: "/integrations/v1/" })).toBe(4);
    expect(t.emu.count({ method: "POST", path: /\/actions\/create$/ })).toBe(2);
    expect(t.emu.count({ method: "GET", path: `/integrations/v1/${id}` })).toBe(1);
    const log = t.emu.log;
    t.emu.resetLog();
    expect(log).toHaveLength(0);
    expect(t.emu.count()).toBe(0);
  });

  it("calls onRequest for every logged request", async () => {
    const seen: RequestLogEntry[] = [];
    await withEmulator({ onRequest: (e) => seen.push(e) }, async (api) => {
      await api.get("/agent/v1/models");
      await api.get("/nope");
    });
    expect(seen.map((e) => [e.path, e.status])).toEqual([
      ["/agent/v1/models", 200],
      ["/nope", 404],
    ]);
  });
});

describe("close()", () => {
  it("returns promptly with a stalled request and keep-alive connections open", async () => {
    const emu = await LangdockEmulator.start();
    const api = new Api(emu);
    await api.get("/agent/v1/models"); // leaves a keep-alive connection
    emu.faults.stall({ ms: 10_000 });
    const pending = api.get("/agent/v1/models").then(
      () => "answered",
      () => "failed",
    );
    await waitFor(() => emu.faults.injected.stall === 1);
    const started = Date.now();
    await emu.close();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await pending).toBe("failed");
    await expect(api.get("/agent/v1/models", { timeoutMs: 1000 })).rejects.toThrow();
    await emu.close(); // idempotent
  });
});
