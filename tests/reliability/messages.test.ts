import * as fs from "fs";
import * as path from "path";
import { urnOf } from "../helpers/engineHarness";

import { tally, useStack } from "./kit";

/**
 * Issue 10 cases 9–12 through the host: limits counted in UTF-16 units as Langdock counts them,
 * failure reasons that quote only a few dozen characters, cross-field rules reported with field
 * errors in one pass, and the messages that used to send users the wrong way (each by its exact text).
 */
jest.setTimeout(60_000);

const figures = tally("messages");

const EMOJI = "😀"; // one code point, two UTF-16 units

describe("issue 10 cases 9–11: check", () => {
  const s = useStack(figures);

  const checkFailures = async (program: () => unknown) => {
    const err = await s.failing(s.preview(program));
    return Object.fromEntries(err.failures.map((f) => [f.urn.split("::").pop(), f.failures]));
  };

  it("case 9: limits are UTF-16 units (21 emoji are 42 > 40; 9 emoji are 18 > 16; 149,990 code points are 150,010 units)", async () => {
    const code = `${EMOJI.repeat(20)}${"x".repeat(149_970)}`;
    expect([...code].length).toBe(149_990);
    const failures = await checkFailures(() => {
      const { Integration, Action, Agent } = s.h.langdock;
      new Integration("emoji", { name: EMOJI.repeat(21) });
      new Action("long", { integrationId: "11111111-1111-4111-8111-111111111111", name: "Long", code });
      new Agent("icon", { name: "Icon", emoji: EMOJI.repeat(9) });
    });
    expect(failures).toEqual({
      emoji: [{ property: "name", reason: "must be at most 40 characters (got 42)" }],
      long: [{ property: "code", reason: "must be at most 150000 characters (got 150010)" }],
      icon: [{ property: "emoji", reason: "must be at most 16 characters (got 18)" }],
    });
    // The emulator counts as Langdock does too.
    const res = await fetch(`${s.emulator.url}/integrations/v1/create`, {
      method: "POST",
      headers: { Authorization: `Bearer ${s.emulator.apiKey}`, "Content-Type": "application/json" },
      body: JSON.stringify({ name: EMOJI.repeat(21) }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ message: [{ path: ["name"], message: "Too big: expected string to have <=40 characters" }] });
  });

  it("case 9: codeFromFile counts UTF-16 units", async () => {
    const file = path.join(s.h.dir, "long-action.js");
    fs.writeFileSync(file, `// ${EMOJI.repeat(20)}\n${"x;".repeat(74_990)}`);
    const { codeFromFile } = s.h.langdock;
    expect(() => codeFromFile(file, { checkSyntax: false })).toThrow(
      `codeFromFile: ${file} is 150,024 characters; Langdock accepts at most 150,000 for action code: shorten it or move logic into the API it calls.`,
    );
  });

  it("case 10: a 3 MB authType gives a failure reason of a few dozen characters", async () => {
    const failures = await checkFailures(
      () => new s.h.langdock.Integration("huge", { name: "Huge", authType: "A".repeat(3_000_000) as never }),
    );
    expect(failures).toEqual({
      huge: [
        {
          property: "authType",
          reason: `must be one of NONE, API_KEY, OAUTH, OAUTH_DCR, SERVICE_ACCOUNT (got "${"A".repeat(40)}"… (3,000,000 characters))`,
        },
      ],
    });
  });

  it("case 11: cross-field rules are reported together with field errors, in one pass", async () => {
    const failures = await checkFailures(() => {
      const { Integration, Agent } = s.h.langdock;
      new Integration("auth", {
        name: "x".repeat(41),
        authFields: [
          { slug: "key", label: "Key", type: "PASSWORD" },
          { slug: "key", label: "Key again", type: "TEXT" },
        ],
      });
      new Agent("form", { name: "", inputFields: [{ slug: "q", type: "TEXT", label: "Q" }] });
    });
    expect(failures).toEqual({
      auth: [
        { property: "name", reason: "must be at most 40 characters (got 41)" },
        { property: "authFields[1].slug", reason: '"key" is used by an earlier auth field; slugs must be unique' },
        { property: "authType", reason: 'is required when authFields, authTestCode or oauthClient is set (e.g. "API_KEY" or "OAUTH")' },
      ],
      form: [
        { property: "name", reason: "must not be empty" },
        { property: "inputFields", reason: 'are only used when inputType is "STRUCTURED"; set inputType or remove inputFields' },
      ],
    });
  });

  it('case 12: null is "got null", not "got object"', async () => {
    const failures = await checkFailures(
      () => new s.h.langdock.Agent("nul", { name: "N", conversationStarters: [null as unknown as string] }),
    );
    expect(failures).toEqual({ nul: [{ property: "conversationStarters[0]", reason: "must be a string (got null)" }] });
  });
});

describe("issue 10 case 12: messages that point the right way", () => {
  const s = useStack(figures, { config: { "langdock:maxRetries": "0" } });

  const createFailure = async (program: () => unknown) =>
    (await s.failing(s.up(program))).failures.filter((f) => f.op !== "skip").map((f) => f.message);
  const MISSING = "99999999-9999-4999-8999-999999999999";

  it("a 404 at create says to check the id, not to run `pulumi refresh` (nothing is in state)", async () => {
    expect(await createFailure(() => new s.h.langdock.Action("orphan", { integrationId: MISSING, name: "Orphan" }))).toEqual([
      `Langdock rejected POST /integrations/v1/${MISSING}/actions/create with HTTP 404: Integration not found — check the id (and that the object is shared with this API key).`,
    ]);
  });

  it("a 404 in a lookup says to check the id", async () => {
    await expect(s.h.langdock.getIntegration({ id: MISSING }, { apiKey: s.emulator.apiKey, baseUrl: s.emulator.url })).rejects.toThrow(
      `Langdock rejected GET /integrations/v1/${MISSING} with HTTP 404: Integration not found — check the id (and that the object is shared with this API key).`,
    );
  });

  it("a 400 without a reason does not refer to values 'named above'", async () => {
    s.emulator.faults.failNext({ status: 400, body: "", match: { method: "POST", path: "/integrations/v1/create" } });
    expect(await createFailure(() => new s.h.langdock.Integration("bare", { name: "Bare" }))).toEqual([
      "Langdock rejected POST /integrations/v1/create with HTTP 400 — Langdock gave no reason; check this resource's inputs against Langdock's limits.",
    ]);
  });

  it("one 429 with no retry allowed does not claim 'after every retry'", async () => {
    s.emulator.faults.failNext({ status: 429, match: { method: "POST", path: "/integrations/v1/create" } });
    expect(await createFailure(() => new s.h.langdock.Integration("busy", { name: "Busy" }))).toEqual([
      "Langdock rejected POST /integrations/v1/create with HTTP 429: Rate limit exceeded — Langdock is rate limiting and langdock:maxRetries allows no retry; run again later or raise langdock:maxRetries.",
    ]);
  });

  it("an action's inputFields output is accepted as another action's inputFields", async () => {
    s.clearFaults();
    const result = await s.up(() => {
      const { Integration, Action } = s.h.langdock;
      const tools = new Integration("tools", { name: "Tools" });
      const first = new Action("first", { integrationId: tools.id, name: "First", inputFields: [{ label: "Query", required: true }] });
      const copy = new Action("copy", { integrationId: tools.id, name: "Copy", inputFields: first.inputFields });
      return { copy: copy.id };
    });
    expect(result.steps.map((st) => st.op)).toEqual(["create", "create", "create"]);
    const copy = s.emulator.snapshot().actions.find((a) => a.name === "Copy");
    expect(copy.inputFields).toMatchObject([{ label: "Query", required: true }]);
  });

  it("a null agent description read back clears the state's value on refresh", async () => {
    await s.up(() => ({ id: new s.h.langdock.Agent("desc", { name: "Described", description: "Old words" }).id }));
    const id = s.engine.state[urnOf("Agent", "desc")].id;
    const res = await fetch(`${s.emulator.url}/agent/v1/get?agentId=${id}`, { headers: { Authorization: `Bearer ${s.emulator.apiKey}` } });
    const body = (await res.json()) as { agent: Record<string, unknown> };
    s.emulator.faults.failNext({
      status: 200,
      body: JSON.stringify({ agent: { ...body.agent, description: null } }),
      match: { method: "GET", path: "/agent/v1/get" },
    });
    await s.refresh();
    expect(s.engine.state[urnOf("Agent", "desc")].outputs.description).toBeUndefined();
    s.clearFaults();
    await s.finish();
    expect(s.leaks).toEqual([]);
  });
});
