import { checkInputs, diffInputs } from "../../provider/common/schema";
import { agentSchema } from "../../provider/agent/schema";
import { UNKNOWN } from "../../provider/common/unknown";

const ACTION_ID = "44444444-4444-4444-8444-444444444444";

describe("Agent check", () => {
  it("reports every failure with its property path", () => {
    const { failures } = checkInputs(agentSchema, {
      name: "",
      emoji: "e".repeat(17),
      inputType: "FORM",
      creativity: 1.5,
      conversationStarters: Array.from({ length: 21 }, (_, i) => `q${i}`),
      actions: [{ actionId: "nope" }],
      attachments: ["x"],
      webSearch: "on",
    });
    expect(failures).toEqual([
      { property: "name", reason: "must not be empty" },
      { property: "emoji", reason: "must be at most 16 characters (got 17)" },
      { property: "inputType", reason: 'must be one of PROMPT, STRUCTURED, INTEGRATION, SCHEDULED, WEBHOOK (got "FORM")' },
      { property: "creativity", reason: "must be from 0 to 1 (got 1.5)" },
      { property: "conversationStarters", reason: "must have at most 20 entries (got 21)" },
      { property: "actions[0].actionId", reason: 'must be the id of an Action (e.g. action.id), a UUID (got "nope")' },
      { property: "attachments[0]", reason: 'must be the id of an uploaded attachment, a UUID (got "x")' },
      { property: "webSearch", reason: 'must be true or false (got "on")' },
    ]);
  });

  it("every range message says what it got", () => {
    const fields = [{ slug: "a", type: "TEXT", label: "A", order: -1 }];
    expect(checkInputs(agentSchema, { name: "A", creativity: 2, inputType: "STRUCTURED", inputFields: fields }).failures).toEqual([
      { property: "creativity", reason: "must be from 0 to 1 (got 2)" },
      { property: "inputFields[0].order", reason: "must be 0 or more (got -1)" },
    ]);
    expect(checkInputs(agentSchema, { name: "A", creativity: "hot" }).failures).toEqual([
      { property: "creativity", reason: 'must be a number from 0 to 1 (got "hot")' },
    ]);
  });

  it("checks structured input fields: only with STRUCTURED, unique slugs, options only on SELECT — with field errors, in one pass", () => {
    const fields = [
      { slug: "a", type: "TEXT", label: "A", options: ["x"] },
      { slug: "a", type: "CHECKBOX", label: "B" },
      { slug: "c", type: "COLOR", label: "C" },
    ];
    expect(checkInputs(agentSchema, { name: "n", inputFields: fields }).failures).toEqual([
      {
        property: "inputFields[2].type",
        reason: 'must be one of TEXT, MULTI_LINE_TEXT, NUMBER, CHECKBOX, FILE, SELECT, MULTI_SELECT, DATE, EMAIL (got "COLOR")',
      },
      // Issue 10 case 11: the cross-field rules are reported although a field error exists.
      { property: "inputFields", reason: 'are only used when inputType is "STRUCTURED"; set inputType or remove inputFields' },
      { property: "inputFields[1].slug", reason: '"a" is used by an earlier field; slugs must be unique' },
      {
        property: "inputFields[0].options",
        reason: 'is only used by SELECT or MULTI_SELECT fields: set type to "SELECT" or remove options',
      },
    ]);
    expect(checkInputs(agentSchema, { name: "n", inputFields: fields.slice(0, 2) }).failures).toEqual([
      { property: "inputFields", reason: 'are only used when inputType is "STRUCTURED"; set inputType or remove inputFields' },
      { property: "inputFields[1].slug", reason: '"a" is used by an earlier field; slugs must be unique' },
      {
        property: "inputFields[0].options",
        reason: 'is only used by SELECT or MULTI_SELECT fields: set type to "SELECT" or remove options',
      },
    ]);
  });

  it("applies documented defaults", () => {
    const { inputs } = checkInputs(agentSchema, {
      name: "Helper",
      actions: [{ actionId: ACTION_ID }],
      inputType: "STRUCTURED",
      inputFields: [{ slug: "q", type: "TEXT", label: "Q" }],
    });
    expect(inputs).toEqual({
      name: "Helper",
      inputType: "STRUCTURED",
      creativity: 0.3,
      actions: [{ actionId: ACTION_ID, requiresConfirmation: true }],
      inputFields: [{ slug: "q", type: "TEXT", label: "Q", required: false, order: 0 }],
      webSearch: false,
      imageGeneration: false,
      dataAnalyst: false,
      canvas: false,
      extendedThinking: false,
    });
  });

  it("lets an unknown action id through during preview", () => {
    // Two unknown ids look equal but may differ once known: only known duplicates are failures.
    expect(checkInputs(agentSchema, { name: "a", actions: [{ actionId: UNKNOWN }, { actionId: UNKNOWN }] }).failures).toEqual([]);
    expect(checkInputs(agentSchema, { name: "a", actions: [{ actionId: ACTION_ID }, { actionId: ACTION_ID }] }).failures).toEqual([
      { property: "actions[1].actionId", reason: "is listed twice; list each action once" },
    ]);
  });
});

describe("Agent diff", () => {
  const inputs = checkInputs(agentSchema, { name: "Helper", actions: [{ actionId: ACTION_ID }] }).inputs;
  const outputs = {
    ...inputs,
    model: "gpt-4o",
    description: "",
    instruction: "",
    conversationStarters: [],
    attachments: [],
    inputFields: [],
    createdAt: "t",
    updatedAt: "t",
  };

  it("ignores server defaults: model chosen by Langdock, empty lists and text", () => {
    expect(diffInputs(agentSchema, outputs, inputs).changes).toBe(false);
  });

  it("compares the model once the program sets it", () => {
    expect(diffInputs(agentSchema, outputs, { ...inputs, model: "gpt-4o-mini" }).diffs).toEqual(["model"]);
    expect(diffInputs(agentSchema, outputs, { ...inputs, model: "gpt-4o" }).changes).toBe(false);
  });

  it("reports a disabled agent as a change so that up re-enables it", () => {
    expect(diffInputs(agentSchema, { ...outputs, disabled: true }, inputs).diffs).toEqual(["disabled"]);
  });

  it("reports an unknown action id as a change to actions", () => {
    expect(diffInputs(agentSchema, outputs, { ...inputs, actions: [{ actionId: UNKNOWN, requiresConfirmation: true }] }).diffs).toEqual([
      "actions",
    ]);
  });
});
