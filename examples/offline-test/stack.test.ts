import * as path from "path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { LangdockEmulator, LocalEngine, openState, sealState, type Step } from "pulumi-langdock/testing";
import { supportStack } from "./program";

/**
 * An offline stack test: the real program, the real provider host, and the Langdock emulator, with
 * no Pulumi CLI, no network and no Langdock account. Runs with `npx jest`.
 */
describe("support stack, offline", () => {
  let emulator: LangdockEmulator;
  let engine: LocalEngine;
  const completed: Array<Step & { objectsInLangdock: number }> = [];

  beforeAll(async () => {
    emulator = await LangdockEmulator.start({ models: ["gpt-4o", "claude-sonnet"] });
    engine = await LocalEngine.start({
      cwd: path.join(__dirname), // the program's folder: pulumi-langdock must resolve from here
      project: "support",
      stack: "test",
      config: {
        "langdock:apiKey": emulator.apiKey,
        "langdock:baseUrl": emulator.url,
        "support:team": "Support",
        "support:crmClientId": "client-1",
        "support:crmClientSecret": "crm-client-secret-value",
      },
      secretConfigKeys: ["langdock:apiKey", "support:crmClientSecret"],
      // Called when a step completes: what it did is already in Langdock.
      onStep: (step) => {
        const snap = emulator.snapshot();
        completed.push({ ...step, objectsInLangdock: snap.integrations.length + snap.actions.length + snap.agents.length });
      },
    });
  }, 60_000);
  afterAll(async () => {
    await engine?.stop();
    await emulator?.close();
  });

  it("preview plans every create, makes no Langdock call, and shows unknowns as unknown", async () => {
    const preview = await engine.preview(supportStack);
    expect(preview.steps.map((s) => s.op)).toEqual(["create", "create", "create"]);
    expect(preview.outputs.agentId).toBe("[unknown]");
    expect(preview.outputs.model).toBe("gpt-4o"); // the lookup ran against the emulator
    expect(emulator.log.filter((e) => e.path !== "/agent/v1/models")).toEqual([]);
  });

  it("up creates the stack; each step is reported when it completes", async () => {
    completed.length = 0;
    const up = await engine.up(supportStack);
    expect(completed.map((s) => [s.op, s.urn.split("::").pop(), s.objectsInLangdock])).toEqual([
      ["create", "crm", 1],
      ["create", "lookup", 2],
      ["create", "helper", 3],
    ]);
    expect(emulator.snapshot().agents).toEqual([expect.objectContaining({ name: "Support helper", model: "gpt-4o" })]);
    expect(up.outputs.agentId).toBe(emulator.snapshot().agents[0].id);
    // Secret config stays secret in step records.
    const crm = up.steps.find((s) => s.urn.endsWith("::crm"))!;
    expect(crm.changes).toContainEqual({ property: "oauthClient", new: "[secret]" });
  });

  it("a change previews with old → new values; refresh notices a change made in Langdock", async () => {
    engine.setConfig({ "support:model": "claude-sonnet" }); // like `pulumi config set model claude-sonnet`
    const preview = await engine.preview(supportStack);
    const agent = preview.steps.find((s) => s.urn.endsWith("::helper"))!;
    expect(agent).toMatchObject({ op: "update", changes: [{ property: "model", old: "gpt-4o", new: "claude-sonnet" }] });
    engine.setConfig({ "support:model": undefined });

    // Someone edits the agent in Langdock's UI.
    const id = emulator.snapshot().agents[0].id;
    await fetch(`${emulator.url}/agent/v1/update`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${emulator.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ agentId: id, instruction: "Changed by hand." }),
    });
    await fetch(`${emulator.url}/agent/v1/publish`, {
      method: "POST",
      headers: { authorization: `Bearer ${emulator.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ agentId: id }),
    });
    const refresh = await engine.refresh();
    expect(refresh.steps.find((s) => s.urn.endsWith("::helper"))).toMatchObject({
      op: "update",
      changes: expect.arrayContaining([{ property: "instruction", old: "Look customers up before answering.", new: "Changed by hand." }]),
    });
    // The next up puts the program's value back.
    expect((await engine.preview(supportStack)).steps.filter((s) => s.op !== "same")).toMatchObject([
      { op: "update", diffs: ["instruction"] },
    ]);
    await engine.up(supportStack);
  });

  it("the state can be saved without secrets in clear and resumed", async () => {
    const saved = JSON.stringify(sealState(engine.state, "test passphrase"));
    expect(saved).not.toContain("crm-client-secret-value");
    expect(saved).not.toContain(emulator.apiKey);
    const resumed = await LocalEngine.start({
      cwd: path.join(__dirname),
      project: "support",
      stack: "test",
      config: {
        "langdock:apiKey": emulator.apiKey,
        "langdock:baseUrl": emulator.url,
        "support:team": "Support",
        "support:crmClientId": "client-1",
        "support:crmClientSecret": "crm-client-secret-value",
      },
      state: openState(JSON.parse(saved), "test passphrase"),
    });
    try {
      expect((await resumed.preview(supportStack)).steps.every((s) => s.op === "same")).toBe(true);
    } finally {
      await resumed.stop();
    }
  });

  it("destroy removes the stack; the warnings arrive with the result, per step", async () => {
    const destroy = await engine.destroy();
    expect(destroy.steps.map((s) => s.op)).toEqual(["delete", "delete", "delete"]);
    expect(destroy.warnings).toEqual([
      expect.stringContaining('agent "Support helper"'),
      expect.stringContaining('integration "Support CRM"'),
    ]);
    expect(destroy.steps.find((s) => s.urn.endsWith("::helper"))!.warnings).toEqual([expect.stringContaining("was disabled")]);
    expect(engine.state).toEqual({});
  });
});
