import { describe, expect, it } from "@jest/globals";
import { useEmulator, withEmulator } from "./helpers";

/** The faults the reliability tests need (tests/reliability): garbage 2xx after commit, trickled answers, HTML 404s. */
describe("emulator faults: a garbled answer after commit, a trickled answer", () => {
  const t = useEmulator();

  it("garbleAfterCommit: the create is committed, the answer replaced (fixed text or built from the real answer)", async () => {
    t.emu.faults.garbleAfterCommit({
      body: "<html>OK</html>",
      status: 200,
      contentType: "text/html",
      match: { path: "/integrations/v1/create" },
    });
    t.emu.faults.garbleAfterCommit({ body: (real) => JSON.stringify({ id: (real as { integration: { id: string } }).integration.id }) });
    const html = await t.api.post("/integrations/v1/create", { name: "A" });
    expect([html.status, html.headers.get("content-type"), html.text]).toEqual([200, "text/html", "<html>OK</html>"]);
    const bare = await t.api.post("/integrations/v1/create", { name: "B" });
    expect(bare.status).toBe(201);
    expect(t.emu.snapshot().integrations.map((i) => [i.name, i.id])).toEqual([
      ["A", expect.any(String)],
      ["B", bare.body.id],
    ]);
    expect(t.emu.faults.injected.garbleAfterCommit).toBe(2);
    expect(t.emu.log.map((e) => e.fault)).toEqual(["garbleAfterCommit", "garbleAfterCommit"]);
  });

  it("trickle: the answer is computed when handled and sent a few bytes at a time", async () => {
    const id = await t.api.createIntegration("Slow");
    t.emu.faults.trickle({ intervalMs: 20, bytesPerChunk: 10, match: { method: "GET" } });
    const started = Date.now();
    const pending = t.api.get(`/integrations/v1/${id}`);
    await new Promise((r) => setTimeout(r, 30));
    // A change after the answer was computed is not in it: a trickled answer can be stale.
    await t.api.post(`/integrations/v1/${id}/actions/create`, { name: "Later" });
    const res = await pending;
    expect(res.body.integration.actions).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(20 * Math.floor(res.text.length / 10) - 40);
    expect(t.emu.faults.injected.trickle).toBe(1);
  });
});

describe("requests outside the base path", () => {
  it("get the web app's HTML 404 page, as a deployment answers a base URL with the wrong path", async () => {
    await withEmulator({ basePath: "/api/public" }, async (api) => {
      const res = await fetch(api.emulator.url.replace(/\/public$/, "") + "/integrations/v1/get");
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toMatch(/^text\/html/);
      expect(await res.text()).toContain("This page could not be found");
    });
  });
});
