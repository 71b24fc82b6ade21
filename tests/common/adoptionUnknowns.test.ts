import { adoptionChanges, describeAdoption, mayEqual } from "../../provider/common/adoption";
import { agentSchema } from "../../provider/agent/schema";
import { agentSpec } from "../../provider/agent/spec";
import { UNKNOWN } from "../../provider/common/unknown";

/** An adoption preview never reports a value unknown until apply as a change (export's first preview). */
describe("adoption preview with values known after apply", () => {
  const id = "7d0f5b1e-2c3a-4e5f-8a9b-0c1d2e3f4a5b";
  const first = "740e8c9a-1b2c-4d3e-8f4a-5b6c7d8e9f01";
  const second = "840e8c9a-1b2c-4d3e-8f4a-5b6c7d8e9f02";
  const current = {
    name: "Support",
    actions: [
      { actionId: first, requiresConfirmation: true },
      { actionId: second, requiresConfirmation: false },
    ],
  };

  it("an agent whose actions are all adopted in the same run already matches", () => {
    const inputs = { name: "Support", adoptId: id, actions: [{ actionId: UNKNOWN }, { actionId: UNKNOWN, requiresConfirmation: false }] };
    const changes = adoptionChanges(agentSchema, current, inputs);
    expect(changes).toEqual([]);
    expect(describeAdoption("agent", "Support", { id, changes }, agentSpec.secretInputs)).toBe(
      `adopting agent "Support" (adoptId ${id}): it already matches the program; pulumi up takes it over without changing it in Langdock.`,
    );
  });

  it("still reports what is known to differ, with the unknown part named", () => {
    const inputs = { name: "Support", adoptId: id, actions: [{ actionId: UNKNOWN }] };
    const changes = adoptionChanges(agentSchema, current, inputs);
    expect(describeAdoption("agent", "Support", { id, changes }, agentSpec.secretInputs)).toBe(
      `adopting agent "Support" (adoptId ${id}): the first pulumi up will change 1 property in Langdock to match the program (set them in the program to keep Langdock's values): actions: [{"actionId":"${first}","require… (162 characters as JSON) → [{"actionId":"(known after apply)"}].`,
    );
  });

  it("matches unknowns as wildcards, lists in any order, known values exactly", () => {
    expect(mayEqual([{ a: 1 }, { a: 2 }], [{ a: 2 }, UNKNOWN])).toBe(true);
    expect(mayEqual([{ a: 1 }], [{ a: 2 }])).toBe(false);
    expect(mayEqual([{ a: 1 }], [UNKNOWN, UNKNOWN])).toBe(false);
    expect(mayEqual({ a: 1, b: 2 }, { a: UNKNOWN })).toBe(false);
    expect(mayEqual("x", UNKNOWN)).toBe(true);
  });
});
