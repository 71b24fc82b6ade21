import { engineError, startHarness, urnOf, type Harness } from "../helpers/engineHarness";

/**
 * Langdock's API as it stands in late 2026 (the emulator's default), through the real provider host:
 * the live integration GET (actions' input fields in no particular order with extra fields, triggers
 * without polling code and fields), agent answers without input-field slugs/options/fileTypes and with
 * `connectionId`, `extendedThinking`, the ignored `dataAnalyst`, the actions-update warning and the
 * explained errors.
 */
describe("late-2026 API through the provider host: actions and triggers", () => {
  let h: Harness;
  const SCHEMA = JSON.stringify({ type: "object", properties: { id: { type: "string" } } });
  const program =
    (opts: { requiresConfirmation?: boolean; jsonSchema?: string } = {}) =>
    () => {
      const { Integration, Action, Trigger } = h.langdock;
      const integration = new Integration("int", { name: "Tickets" });
      const action = new Action("act", {
        integrationId: integration.id,
        name: "Open ticket",
        code: "return 1;",
        requiresConfirmation: opts.requiresConfirmation,
        inputFields: [
          { label: "Title", required: true },
          { label: "Priority", type: "SELECT", options: [{ label: "High", value: "high" }] },
          { label: "Payload", type: "OBJECT", jsonSchema: opts.jsonSchema ?? SCHEMA },
        ],
      });
      const trigger = new Trigger("trg", {
        integrationId: integration.id,
        name: "New ticket",
        pollingCode: "return [];",
        inputFields: [{ label: "Queue" }],
      });
      return { act: action.id, trg: trigger.id };
    };

  beforeAll(async () => {
    h = await startHarness();
    await h.engine.up(program({ requiresConfirmation: true }));
  });
  afterAll(() => h?.stop());

  it("an action with three input fields, returned shuffled with extra fields, refreshes clean; so does a trigger the GET shows without code", async () => {
    const integration = h.emulator.snapshot().integrations[0];
    const live = await fetch(`${h.emulator.url}/integrations/v1/${integration.id}`, {
      headers: { authorization: `Bearer ${h.emulator.apiKey}` },
    }).then((r) => r.json() as Promise<{ integration: { actions: any[]; triggers: any[] } }>);
    // The premise: Langdock's answer is not in the program's order and carries fields the provider does not know.
    expect(live.integration.actions[0].inputFields.map((f: any) => f.label)).toEqual(["Payload", "Priority", "Title"]);
    expect(live.integration.actions[0]).toHaveProperty("nativeActionType");
    expect(live.integration.triggers[0]).not.toHaveProperty("pollingCode");

    const refresh = await h.engine.refresh();
    expect(refresh.steps.map((s) => [s.urn.split("::").pop(), s.op])).toEqual(
      expect.arrayContaining([
        ["act", "same"],
        ["trg", "same"],
        ["int", "same"],
      ]),
    );
    const trigger = h.engine.state[urnOf("Trigger", "trg")].outputs;
    expect(trigger.pollingCode).toBe("return [];");
    expect((trigger.inputFields as any[]).map((f) => f.label)).toEqual(["Queue"]);
    const action = h.engine.state[urnOf("Action", "act")].outputs;
    expect((action.inputFields as any[]).map((f) => f.label)).toEqual(["Title", "Priority", "Payload"]);
    h.emulator.resetLog();
    const preview = await h.engine.preview(program({ requiresConfirmation: true }));
    expect(preview.steps.every((s) => s.op === "same")).toBe(true);
  });

  it("jsonSchema is sent as a string, compared with the state only, and as JSON (whitespace is no change)", async () => {
    const stored = h.emulator.snapshot().actions[0];
    expect(stored.inputFields[2]).not.toHaveProperty("jsonSchema"); // never returned
    const spaced = JSON.stringify(JSON.parse(SCHEMA), null, 2);
    expect((await h.engine.preview(program({ requiresConfirmation: true, jsonSchema: spaced }))).steps.every((s) => s.op === "same")).toBe(
      true,
    );
    const changed = JSON.stringify({ type: "object", properties: { id: { type: "number" } } });
    h.emulator.resetLog();
    const up = await h.engine.up(program({ requiresConfirmation: true, jsonSchema: changed }));
    expect(up.steps.find((s) => s.urn === urnOf("Action", "act"))).toMatchObject({ op: "update", diffs: ["inputFields"] });
    const put = h.emulator.log.find((e) => e.method === "PUT");
    expect((put?.body as { inputFields: Array<{ jsonSchema?: unknown }> }).inputFields[2].jsonSchema).toBe(changed);
    expect((await h.engine.preview(program({ requiresConfirmation: true, jsonSchema: changed }))).steps.every((s) => s.op === "same")).toBe(
      true,
    );
  });

  it("requiresConfirmation is always sent; removing it from the program sends false", async () => {
    h.emulator.resetLog();
    await h.engine.up(program({ jsonSchema: JSON.stringify({ type: "object", properties: { id: { type: "number" } } }) }));
    const put = h.emulator.log.find((e) => e.method === "PUT");
    expect(put?.body).toMatchObject({ requiresConfirmation: false });
    expect(h.emulator.snapshot().actions[0].requiresConfirmation).toBe(false);
  });
});

describe("late-2026 API through the provider host: agents", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.stop());
  beforeEach(async () => {
    await h.engine.destroy();
    h.emulator.resetLog();
  });

  it("extendedThinking round-trips: created on a model that supports it, refreshed clean, switched off in place", async () => {
    const program = (extendedThinking: boolean) => () => {
      const agent = new h.langdock.Agent("thinker", { name: "Thinker", model: "claude-sonnet-4", extendedThinking });
      return { id: agent.id };
    };
    await h.engine.up(program(true));
    const id = h.engine.state[urnOf("Agent", "thinker")].id;
    const stored = () => h.emulator.snapshot().agents.find((a) => a.id === id);
    expect(stored().extendedThinking).toBe(true);
    expect(h.engine.state[urnOf("Agent", "thinker")].outputs.extendedThinking).toBe(true);
    expect((await h.engine.refresh()).steps.map((s) => s.op)).toEqual(["same"]);
    expect((await h.engine.preview(program(true))).steps.map((s) => s.op)).toEqual(["same"]);
    const off = await h.engine.up(program(false));
    expect(off.steps[0]).toMatchObject({ op: "update", diffs: ["extendedThinking"] });
    expect(stored().extendedThinking).toBe(false);
  });

  it("extendedThinking on a model without it fails at up, naming the models that have it", async () => {
    const err = await engineError(
      h.engine.up(() => {
        new h.langdock.Agent("plain", { name: "Plain", model: "gpt-4o", extendedThinking: true });
      }),
    );
    expect(err.failures[0].message).toBe(
      'extendedThinking: model "gpt-4o" does not support extended thinking (HTTP 400); use a model that supports it (claude-sonnet-4) or remove extendedThinking.',
    );
  });

  it("dataAnalyst: warned at check, never sent, never compared (no perpetual diff)", async () => {
    const program = () => {
      new h.langdock.Agent("legacy", { name: "Legacy", dataAnalyst: true });
    };
    const up = await h.engine.up(program);
    expect(up.warnings).toContain(
      'agent "Legacy": Langdock now ignores dataAnalyst (it is accepted only for compatibility and no longer switches the data analyst on or off), so remove it from the program.',
    );
    const create = h.emulator.log.find((e) => e.path === "/agent/v1/create");
    expect(create?.body).not.toHaveProperty("dataAnalyst");
    expect((await h.engine.refresh()).steps.map((s) => s.op)).toEqual(["same"]);
    expect((await h.engine.preview(program)).steps.map((s) => s.op)).toEqual(["same"]);
    expect(h.engine.state[urnOf("Agent", "legacy")].outputs.dataAnalyst).toBe(true);
  });

  it("structured fields (newer types too) refresh clean although the GET omits slugs, options and fileTypes", async () => {
    const program = () => {
      new h.langdock.Agent("form", {
        name: "Form",
        inputType: "STRUCTURED",
        inputFields: [
          { slug: "tags", type: "MULTI_SELECT", label: "Tags", options: ["a", "b"] },
          { slug: "mail", type: "EMAIL", label: "Mail", emailDomain: "example.com" },
          { slug: "doc", type: "FILE", label: "Doc", fileTypes: ["pdf"] },
        ],
      });
      new h.langdock.Agent("hook", { name: "Hook", inputType: "WEBHOOK" });
    };
    await h.engine.up(program);
    const got = await fetch(`${h.emulator.url}/agent/v1/get?agentId=${h.engine.state[urnOf("Agent", "form")].id}`, {
      headers: { authorization: `Bearer ${h.emulator.apiKey}` },
    }).then((r) => r.json() as Promise<{ agent: { inputFields: object[] } }>);
    expect(got.agent.inputFields[0]).not.toHaveProperty("slug");
    expect((await h.engine.refresh()).steps.map((s) => s.op)).toEqual(["same", "same"]);
    expect((await h.engine.preview(program)).steps.map((s) => s.op)).toEqual(["same", "same"]);
  });

  it("an update that sends actions warns that Langdock removes workflows attached in its web app; other updates do not", async () => {
    const { Integration, Action, Agent } = h.langdock;
    const program = (withAction: boolean, description: string) => () => {
      const integration = new Integration("int", { name: "Tools" });
      const action = new Action("act", { integrationId: integration.id, name: "Ping", code: "return 1;" });
      new Agent("helper", { name: "Helper", description, actions: withAction ? [{ actionId: action.id }] : [] });
    };
    await h.engine.up(program(false, "v1"));
    const id = h.engine.state[urnOf("Agent", "helper")].id;
    const workflows = () => h.emulator.snapshot().agents.find((a) => a.id === id)?.workflows;
    h.emulator.attachWorkflow(id, "wf-1");
    const quiet = await h.engine.up(program(false, "v2"));
    expect(quiet.warnings.filter((w) => w.includes("workflow"))).toEqual([]);
    expect(workflows()).toEqual(["wf-1"]);

    const preview = await h.engine.preview(program(true, "v2"));
    expect(preview.warnings).toContain(
      'agent "Helper": this update sends its actions, and Langdock then also removes every workflow attached to the agent in its web app (the API cannot show them), so re-attach those workflows in Langdock after pulumi up.',
    );
    await h.engine.up(program(true, "v2"));
    expect(workflows()).toEqual([]);
  });
});

describe("late-2026 API through the provider host: errors", () => {
  it("a workspace without a default model: the create fails pointing at model and getModels()", async () => {
    const h = await startHarness({ emulator: { defaultModel: null } });
    try {
      const err = await engineError(
        h.engine.up(() => {
          new h.langdock.Agent("nomodel", { name: "No model" });
        }),
      );
      expect(err.failures[0].message).toBe(
        "model: this Langdock workspace has no default model (HTTP 500: Workspace default model not configured); set the agent's model to one of the names getModels() returns, or configure a default model in Langdock's workspace settings.",
      );
      expect(h.emulator.snapshot().agents).toEqual([]);
    } finally {
      await h.stop();
    }
  });

  it("a 200-character agent name passes check; a deployment with a stricter limit refuses it at up, naming the property", async () => {
    const h = await startHarness();
    try {
      const program = () => {
        new h.langdock.Agent("long", { name: "n".repeat(200) });
      };
      expect((await h.engine.preview(program)).steps.map((s) => s.op)).toEqual(["create"]);
      const refusal = { message: [{ path: ["name"], message: "Too big: expected string to have <=80 characters" }] };
      h.emulator.faults.failNext({ status: 400, body: JSON.stringify(refusal), match: { path: "/agent/v1/create" } });
      const err = await engineError(h.engine.up(program));
      expect(err.failures[0].message).toBe(
        "Langdock rejected POST /agent/v1/create with HTTP 400: name: Too big: expected string to have <=80 characters — fix the values named above in your program.",
      );
    } finally {
      await h.stop();
    }
  });

  it("a key without a scope: the error names the missing scope and where to add it", async () => {
    const h = await startHarness({ emulator: { scopes: ["INTEGRATION_API"] } });
    try {
      const err = await engineError(
        h.engine.up(() => {
          new h.langdock.Agent("scoped", { name: "Scoped" });
        }),
      );
      expect(err.failures[0].message).toBe(
        "Langdock rejected POST /agent/v1/create with HTTP 403: the API key lacks the scope AGENT_API — add AGENT_API to the API key's scopes in its settings in Langdock (or use a key that has it).",
      );
    } finally {
      await h.stop();
    }
  });
});
