import { checkInputs, diffInputs } from "../../provider/common/schema";
import { triggerSchema } from "../../provider/trigger/schema";

const base = { integrationId: "11111111-1111-4111-8111-111111111111", name: "New ticket" };

describe("Trigger check and diff", () => {
  it("enforces the trigger's own limits and field types", () => {
    const { failures } = checkInputs(triggerSchema, {
      ...base,
      description: "d".repeat(91),
      pollingCode: "p".repeat(1001),
      inputFields: [
        { label: "Since", type: "OBJECT" },
        { label: "x", contextActionId: "55555555-5555-4555-8555-555555555555" },
      ],
    });
    expect(failures).toEqual([
      { property: "description", reason: "must be at most 90 characters (got 91)" },
      { property: "pollingCode", reason: "must be at most 1000 characters (got 1001)" },
      {
        property: "inputFields[0].type",
        reason: 'must be one of TEXT, MULTI_LINE_TEXT, NUMBER, BOOLEAN, SELECT, PASSWORD, VECTOR (got "OBJECT")',
      },
      { property: "inputFields[1].contextActionId", reason: expect.stringMatching(/^is not a known property/) },
    ]);
  });

  it("ignores trailing whitespace in polling code and replaces on a new integration", () => {
    const inputs = checkInputs(triggerSchema, { ...base, pollingCode: "return [];" }).inputs;
    expect(diffInputs(triggerSchema, { ...inputs, pollingCode: "return [];  \n", slug: "new_ticket" }, inputs).changes).toBe(false);
    expect(diffInputs(triggerSchema, inputs, { ...inputs, integrationId: "22222222-2222-4222-8222-222222222222" }).replaces).toEqual([
      "integrationId",
    ]);
  });
});
