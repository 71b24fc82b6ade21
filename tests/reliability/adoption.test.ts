import type * as TestingModule from "../../provider/testing";
import { requireInstalled } from "../../tooling/installPackage";
import { urnOf } from "../helpers/engineHarness";

import { tally, useStack, type TrackedStack } from "./kit";

/**
 * Issue 10 case 1: a 409 (or an uncertain create) finds an object of the same name. It is adopted only
 * when every declared input is verifiably equal and no other resource of the program holds it; it is
 * never overwritten. Two Actions of one name never share an id; a rename swap never leaves a state
 * that describes an action that does not exist.
 */
jest.setTimeout(60_000);

type Action = { name: string; code: string; adoptId?: string; urn?: string };

function program(s: TrackedStack, actions: Action[]) {
  return () => {
    const { Integration, Action } = s.h.langdock;
    const tools = new Integration("tools", { name: "Tools" });
    const made = actions.map(
      (a, i) => new Action(a.urn ?? `act-${i}`, { integrationId: tools.id, name: a.name, code: a.code, adoptId: a.adoptId }),
    );
    return { tools: tools.id, actions: made.map((a) => a.id) };
  };
}

const handBuiltAction = (s: TrackedStack, integrationId: string, name: string, code: string) =>
  s.handBuilt(`/integrations/v1/${integrationId}/actions/create`, { name, code, requiresConfirmation: false }, "action");

const figures = tally("adoption");

describe("issue 10 case 1: 409 and same-named objects (full GET)", () => {
  let tools: string;
  const s = useStack(figures);
  beforeAll(async () => {
    await s.up(program(s, []));
    tools = s.engine.state[urnOf("Integration", "tools")].id;
  });

  it("a hand-built action of the same name that differs is reported with its id and adoptId, never overwritten", async () => {
    const hand = await handBuiltAction(s, tools, "Get user", "return 'hand-built';");
    const err = await s.failing(s.up(program(s, [{ name: "Get user", code: "return 'program';" }])));
    expect(err.failures).toEqual([
      expect.objectContaining({
        urn: urnOf("Action", "act-0"),
        op: "create",
        message: `name: action "Get user" already exists in integration ${tools} (id ${hand}) and differs from this program in code (HTTP 409); rename this action, delete the existing one in Langdock, or set adoptId: "${hand}" to take it over.`,
      }),
    ]);
    expect(s.emulator.snapshot().actions.find((a) => a.id === hand).code).toBe("return 'hand-built';");
    expect(s.overwrites()).toEqual([]);
    expect(s.engine.state[urnOf("Action", "act-0")]).toBeUndefined();
  });

  it("after an uncertain create (HTTP 500) the same-named object that visibly differs is not adopted", async () => {
    const hand = await handBuiltAction(s, tools, "Find deal", "return 'hand-built';");
    s.emulator.faults.failNext({ status: 500, match: { method: "POST", path: /\/actions\/create$/ } });
    const err = await s.failing(s.up(program(s, [{ name: "Find deal", code: "return 'program';", urn: "deal" }])));
    expect(err.failures.map((f) => f.message)).toEqual([
      `name: action "Find deal" already exists in integration ${tools} (id ${hand}) and differs from this program in code (after an interrupted create); rename this action, delete the existing one in Langdock, or set adoptId: "${hand}" to take it over.`,
    ]);
    expect(s.overwrites()).toEqual([]);
  });

  it("two Actions of one name in one program never get the same id", async () => {
    for (const codes of [
      ["return 1;", "return 2;"],
      ["return 3;", "return 3;"],
    ]) {
      const name = `Twin ${codes[1]}`;
      const err = await s.failing(
        s.up(
          program(s, [
            { name, code: codes[0], urn: `twin-a-${codes[1]}` },
            { name, code: codes[1], urn: `twin-b-${codes[1]}` },
          ]),
        ),
      );
      const state = Object.values(s.engine.state).filter((r) => r.outputs.name === name);
      expect(state).toHaveLength(1);
      const [failure] = err.failures;
      expect(err.failures).toHaveLength(1);
      expect(failure.message).toBe(
        codes[0] === codes[1]
          ? `name: another action of this program already manages action "${name}" (id ${state[0].id}) in integration ${tools}; give each action its own name (HTTP 409).`
          : `name: action "${name}" already exists in integration ${tools} (id ${state[0].id}) and differs from this program in code (HTTP 409); rename this action, delete the existing one in Langdock, or set adoptId: "${state[0].id}" to take it over.`,
      );
      expect(s.emulator.snapshot().actions.filter((a) => a.name === name)).toHaveLength(1);
    }
  });

  it("…and not in the next pulumi up either (a new provider process, the first one already in state)", async () => {
    const testing = requireInstalled<typeof TestingModule>("pulumi-langdock/testing");
    const next = await testing.LocalEngine.start({
      cwd: s.h.dir,
      config: { "langdock:apiKey": s.emulator.apiKey, "langdock:baseUrl": s.emulator.url },
      state: s.engine.state,
      project: "consumer",
      stack: "test",
      callTimeoutMs: 20_000,
    });
    try {
      const name = "Twin return 3;";
      const err = await s.failing(
        next.up(
          program(s, [
            { name, code: "return 3;", urn: "twin-a-return 3;" },
            { name, code: "return 3;", urn: "twin-b-return 3;" },
          ]),
        ),
      );
      const held = Object.values(next.state).filter((r) => r.outputs.name === name);
      expect(held).toHaveLength(1);
      expect(err.failures.map((f) => f.message)).toEqual([
        `name: another action of this program already manages action "${name}" (id ${held[0].id}) in integration ${tools}; give each action its own name (HTTP 409).`,
      ]);
    } finally {
      await next.stop();
    }
  });

  it("a rename swap (A: Old → New while B is added as Old) never leaves state describing an object that does not exist", async () => {
    await s.up(program(s, [{ name: "Old", code: "return 'a';", urn: "a" }]));
    const swapped = program(s, [
      { name: "New", code: "return 'a';", urn: "a" },
      { name: "Old", code: "return 'b';", urn: "b" },
    ]);
    for (let run = 0; run < 2; run++) {
      await s.up(swapped).catch((e) => e);
      // Whatever happened, every state entry describes the object Langdock holds under its id.
      const held = new Map(s.emulator.snapshot().actions.map((a) => [a.id, a]));
      for (const urn of [urnOf("Action", "a"), urnOf("Action", "b")]) {
        const res = s.engine.state[urn];
        if (!res) continue;
        expect({ urn, name: held.get(res.id)?.name, code: held.get(res.id)?.code }).toEqual({
          urn,
          name: res.outputs.name,
          code: res.outputs.code,
        });
      }
    }
    expect(s.engine.state[urnOf("Action", "a")].id).not.toBe(s.engine.state[urnOf("Action", "b")].id);
    expect(s.overwrites()).toEqual([]);
    expect(s.lost).toEqual([]);
  });
});

describe("issue 10 case 1: with the documented summary GET, code cannot be verified", () => {
  let tools: string;
  const s = useStack(figures, { emulator: { integrationDetail: "summary" } });
  beforeAll(async () => {
    await s.up(program(s, []));
    tools = s.engine.state[urnOf("Integration", "tools")].id;
  });

  it("a 409 on an identical-looking hand-built action fails with its id and adoptId; adoptId then takes it over", async () => {
    const hand = await handBuiltAction(s, tools, "Get user", "return 'same';");
    const err = await s.failing(s.up(program(s, [{ name: "Get user", code: "return 'same';" }])));
    expect(err.failures.map((f) => f.message)).toEqual([
      `name: action "Get user" already exists in integration ${tools} (id ${hand}), and Langdock's answer does not include its code and input fields, so the provider cannot tell whether it is the one this program declares (HTTP 409); rename this action, or set adoptId: "${hand}" to take it over (its code and input fields are then replaced by the program's).`,
    ]);
    expect(s.overwrites()).toEqual([]);
    s.adoptedOnPurpose.add(hand);
    await s.up(program(s, [{ name: "Get user", code: "return 'same';", adoptId: hand }]));
    expect(s.engine.state[urnOf("Action", "act-0")].id).toBe(hand);
    expect(s.emulator.snapshot().actions).toHaveLength(1);
  });
});
