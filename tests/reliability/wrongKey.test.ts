import { urnOf } from "../helpers/engineHarness";
import { ALL_FILES } from "./files";
import {
  SECRET,
  TrackedStack,
  WRONG_KEY,
  addFigures,
  declaredUrnNames,
  emptyFigures,
  ops,
  recordFigures,
  stackProgram,
  type Kind,
} from "./kit";

/**
 * Scenario 5: langdock:apiKey holds another (well-formed) key. Every resource fails: those that call
 * Langdock with the 401 message that says to check langdock:apiKey, the others because what they
 * depend on failed. Nothing is created, nothing is retried, and neither key is printed.
 */
jest.setTimeout(60_000);

const UNAUTHORIZED = (request: string) =>
  `Langdock rejected ${request} with HTTP 401: Invalid or missing API key — check that langdock:apiKey (or LANGDOCK_API_KEY) holds a valid, unexpired Langdock API key.`;

let figures = emptyFigures();
afterAll(() => recordFigures("wrongKey", figures, ALL_FILES));

describe("scenario 5: a wrong API key", () => {
  let s: TrackedStack;

  beforeAll(async () => {
    s = await TrackedStack.start({ config: { "langdock:apiKey": WRONG_KEY }, needles: [["wrong API key", WRONG_KEY]] });
  });
  afterAll(async () => {
    await s?.stop();
    if (s) figures = addFigures(figures, s.figures);
  });

  it("up fails for every resource with the 401 message, and nothing is created", async () => {
    const err = await s.up(stackProgram(s.h, { extra: true })).then(
      () => {
        throw new Error("expected the up to fail");
      },
      (e) => e,
    );
    expect(err.name).toBe("EngineError");
    const names = declaredUrnNames({ extra: true });
    const all = (Object.keys(names) as Kind[]).flatMap((kind) => names[kind].map((n) => urnOf(kind, n)));
    // Every declared resource failed.
    expect(err.failures.map((f: { urn: string }) => f.urn).sort()).toEqual(all.sort());
    const failedWith401 = new Set<string>();
    for (const f of err.failures) {
      if (f.op === "create") {
        const kind = f.urn.split("::")[2].split(":").pop();
        expect(f.message).toBe(UNAUTHORIZED(kind === "Agent" ? "POST /agent/v1/create" : "GET /integrations/v1/get"));
        failedWith401.add(f.urn);
      }
    }
    // Those that called Langdock: the three integrations and the one agent that uses no action.
    expect([...failedWith401].sort()).toEqual(
      [urnOf("Integration", "crm"), urnOf("Integration", "mail"), urnOf("Integration", "extra"), urnOf("Agent", "extraAgent")].sort(),
    );
    // The others were not attempted because something they depend on failed.
    for (const f of err.failures.filter((x: { op: string }) => x.op !== "create")) {
      expect(f.op).toBe("skip");
      expect(f.message).toMatch(/^not attempted: it depends on urn:\S+, which failed$/);
    }
    expect(err.message).toContain("check that langdock:apiKey");

    // Nothing created, nothing in state, no request repeated (401 is not retried).
    const snap = s.emulator.snapshot();
    expect([snap.integrations, snap.actions, snap.triggers, snap.agents]).toEqual([[], [], [], []]);
    expect(s.engine.state).toEqual({});
    expect(s.emulator.log.map((e) => `${e.method} ${e.path} ${e.status}`).sort()).toEqual(
      // Each integration create first lists integrations (to reuse a removed one): that first call gets the 401.
      ["POST /agent/v1/create 401", ...Array(3).fill("GET /integrations/v1/get 401")].sort(),
    );
    const audit = s.audit();
    s.count(audit);
    expect(audit).toMatchObject({ duplicates: [], orphans: [], reported: [], dangling: [] });
  });

  it("printed neither key nor the client secret anywhere", async () => {
    // The wrong key did reach Langdock (and was refused): the scan is meaningful.
    expect(s.engine.host.stderr.length + s.errorTexts.length).toBeGreaterThan(0);
    await s.finish();
    expect(s.leaks).toEqual([]);
  });
});

/**
 * Redaction under test: Langdock (or a gateway in front of it) echoing the key and the client secret
 * in an error body. Without redaction these would reach the user's terminal and CI logs.
 */
describe("scenario 5b: error bodies that echo the API key and the client secret", () => {
  let s: TrackedStack;

  beforeAll(async () => {
    s = await TrackedStack.start();
    await s.up(stackProgram(s.h));
  });
  afterAll(async () => {
    await s?.stop();
    if (s) figures = addFigures(figures, s.figures);
  });

  it("the failure names the problem with both values masked, and the next up converges", async () => {
    const key = s.emulator.apiKey;
    s.emulator.faults.failNext({
      status: 400,
      body: JSON.stringify({ message: `oauthClient.clientSecret "${SECRET}" was refused for Bearer ${key}` }),
      match: { method: "PATCH", path: /\/auth$/ },
    });
    const changed = stackProgram(s.h, { mailScopes: "mail.read" });
    const err = await s.up(changed).then(
      () => {
        throw new Error("expected the up to fail");
      },
      (e) => e,
    );
    const mailUrn = urnOf("Integration", "mail");
    const [mail, ...others] = [...err.failures].sort((a: { op: string }, b: { op: string }) =>
      a.op === "update" ? -1 : b.op === "update" ? 1 : 0,
    );
    expect(mail).toMatchObject({
      urn: mailUrn,
      op: "update",
      message: `Langdock rejected PATCH /integrations/v1/${s.engine.state[mailUrn].id}/auth with HTTP 400: oauthClient.clientSecret "[secret]" was refused for Bearer [secret] — fix the values named above in your program.`,
    });
    // Its partial state (kept by the engine) has the reason, masked the same way.
    expect(mail.partial.reasons).toEqual([mail.message]);
    // The rest: mail's actions, trigger and the agents using them, not attempted this time.
    expect(others.length).toBeGreaterThan(0);
    for (const f of others)
      expect(f).toMatchObject({ op: "skip", message: expect.stringMatching(/^not attempted: it depends on urn:\S+, which failed$/) });
    const up = await s.up(changed);
    expect(ops(up.steps).filter((o) => !o.startsWith("same"))).toEqual(["update mail"]);
    expect(up.steps).toHaveLength(22);
    expect(s.emulator.snapshot().integrations.find((i) => i.name === "Mail Reliability")?.oauthClient).toMatchObject({
      scopes: "mail.read",
      clientSecret: SECRET,
    });
    s.expectConverged();
  });

  it("printed neither value anywhere", async () => {
    await s.finish();
    expect(s.leaks).toEqual([]);
  });
});
