import { checkInputs, diffInputs } from "../../provider/common/schema";
import { actionSchema } from "../../provider/action/schema";
import { UNKNOWN } from "../../provider/common/unknown";

const INTEGRATION_ID = "11111111-1111-4111-8111-111111111111";
const base = { integrationId: INTEGRATION_ID, name: "Get user" };

describe("Action check", () => {
  it("reports every failure at once, each with its property path", () => {
    const { failures } = checkInputs(actionSchema, {
      integrationId: "crm",
      name: "x".repeat(101),
      description: "d".repeat(1001),
      code: "c".repeat(150_001),
      requiresConfirmation: "yes",
      inputFields: [
        { label: "ok" },
        { label: "", placeholder: "p".repeat(201) },
        { label: "b", type: "DATE" },
        { label: "c", contextActionId: "abc" },
      ],
      colour: "red",
    });
    expect(failures).toEqual([
      { property: "integrationId", reason: 'must be the id of the integration this action belongs to, a UUID (got "crm")' },
      { property: "name", reason: "must be at most 100 characters (got 101)" },
      { property: "description", reason: "must be at most 1000 characters (got 1001)" },
      { property: "code", reason: "must be at most 150000 characters (got 150001)" },
      { property: "requiresConfirmation", reason: 'must be true or false (got "yes")' },
      { property: "inputFields[1].label", reason: "must not be empty" },
      { property: "inputFields[1].placeholder", reason: "must be at most 200 characters (got 201)" },
      {
        property: "inputFields[2].type",
        reason: 'must be one of TEXT, MULTI_LINE_TEXT, NUMBER, BOOLEAN, SELECT, PASSWORD, VECTOR, OBJECT, FILE, ID (got "DATE")',
      },
      { property: "inputFields[3].contextActionId", reason: 'must be the id of the action that supplies the options, a UUID (got "abc")' },
      {
        property: "colour",
        reason:
          "is not a known property; known properties: integrationId, name, description, code, requiresConfirmation, inputFields, adoptId, unmanaged",
      },
    ]);
  });

  it("requires integrationId and name", () => {
    expect(checkInputs(actionSchema, {}).failures).toEqual([
      { property: "integrationId", reason: "must be the id of the integration this action belongs to (a UUID string)" },
      { property: "name", reason: "is required" },
    ]);
  });

  it("applies documented defaults to input fields", () => {
    const { inputs, failures } = checkInputs(actionSchema, { ...base, inputFields: [{ label: "User ID" }] });
    expect(failures).toEqual([]);
    expect(inputs.inputFields).toEqual([{ label: "User ID", type: "TEXT", required: false }]);
  });

  it("rejects options outside SELECT fields", () => {
    const { failures } = checkInputs(actionSchema, {
      ...base,
      inputFields: [{ label: "a", type: "TEXT", options: [{ label: "x", value: "x" }], allowMultiSelect: true }],
    });
    expect(failures.map((f) => f.property)).toEqual(["inputFields[0].options", "inputFields[0].allowMultiSelect"]);
  });

  it("passes preview unknowns through without failing", () => {
    const news = { integrationId: UNKNOWN, name: UNKNOWN, inputFields: [{ label: "a", contextActionId: UNKNOWN }] };
    expect(checkInputs(actionSchema, news)).toEqual({ inputs: expect.objectContaining({ name: UNKNOWN }), failures: [] });
    expect(checkInputs(actionSchema, { ...base, inputFields: UNKNOWN }).failures).toEqual([]);
  });

  it("still reports real failures next to unknowns", () => {
    expect(checkInputs(actionSchema, { integrationId: UNKNOWN, name: "" }).failures).toEqual([
      { property: "name", reason: "must not be empty" },
    ]);
  });
});

describe("Action diff", () => {
  const inputs = checkInputs(actionSchema, {
    ...base,
    description: "Looks a user up",
    code: "return 1;\n",
    inputFields: [
      {
        label: "Kind",
        type: "SELECT",
        options: [
          { label: "A", value: "a" },
          { label: "B", value: "b" },
        ],
      },
    ],
  }).inputs;
  // What create/read store: server fields added, empty values as null, options reordered, code whitespace changed.
  const outputs = {
    ...inputs,
    slug: "get_user",
    order: 0,
    code: "return 1;   \n\n",
    requiresConfirmation: false,
    inputFields: [
      {
        label: "Kind",
        type: "SELECT",
        required: false,
        slug: "kind",
        order: 0,
        description: "",
        placeholder: null,
        allowMultiSelect: false,
        contextActionId: null,
        options: [
          { label: "B", value: "b" },
          { label: "A", value: "a" },
        ],
      },
    ],
  };

  it("reports no change when only server additions and normalization differ", () => {
    expect(diffInputs(actionSchema, outputs, inputs)).toEqual({ changes: false, replaces: [], diffs: [], deleteBeforeReplace: false });
  });

  it("reports exactly the changed properties, updating in place", () => {
    const result = diffInputs(actionSchema, outputs, { ...inputs, description: "new", code: "return 2;" });
    expect(result).toMatchObject({ changes: true, replaces: [], diffs: ["description", "code"] });
  });

  it("replaces when integrationId changes", () => {
    expect(diffInputs(actionSchema, outputs, { ...inputs, integrationId: "22222222-2222-4222-8222-222222222222" })).toMatchObject({
      replaces: ["integrationId"],
      diffs: ["integrationId"],
    });
  });

  it("treats an unknown integrationId as a replace and an unknown field list as a change", () => {
    expect(diffInputs(actionSchema, outputs, { ...inputs, integrationId: UNKNOWN }).replaces).toEqual(["integrationId"]);
    expect(diffInputs(actionSchema, outputs, { ...inputs, inputFields: [{ label: UNKNOWN }] }).diffs).toEqual(["inputFields"]);
  });

  it("notices removed optional inputs", () => {
    const { description: _d, ...withoutDescription } = inputs;
    expect(diffInputs(actionSchema, outputs, withoutDescription).diffs).toEqual(["description"]);
  });

  it("ignores adoptId after creation", () => {
    expect(diffInputs(actionSchema, outputs, { ...inputs, adoptId: "33333333-3333-4333-8333-333333333333" }).changes).toBe(false);
  });
});
