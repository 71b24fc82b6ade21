import { describe, expect, it } from "@jest/globals";
import { UNKNOWN_UUID, useEmulator, withEmulator } from "./helpers";

describe("actions", () => {
  const t = useEmulator();
  const actions = (integrationId: string) => `/integrations/v1/${integrationId}/actions`;

  it("creates (201) with server-generated slugs, defaults and 0-based order", async () => {
    const id = await t.api.createIntegration();
    const res = await t.api.post(`${actions(id)}/create`, {
      name: "Get User Data",
      description: "Retrieves a user",
      code: "return inputs.userId;",
      inputFields: [
        { label: "User ID", type: "TEXT", description: "The id", placeholder: "user_123", required: true },
        { label: "Include Details", type: "BOOLEAN" },
        { label: "Kind", type: "SELECT", options: [{ label: "A", value: "a" }], allowMultiSelect: true, contextActionId: UNKNOWN_UUID },
      ],
    });
    expect(res.status).toBe(201);
    const action = res.body.action;
    expect(action).toMatchObject({
      name: "Get User Data",
      slug: "get_user_data",
      description: "Retrieves a user",
      code: "return inputs.userId;",
      order: 0,
      requiresConfirmation: false,
    });
    expect(action.inputFields).toEqual([
      {
        slug: "userId",
        label: "User ID",
        type: "TEXT",
        description: "The id",
        placeholder: "user_123",
        required: true,
        order: 0,
        options: null,
        allowMultiSelect: null,
        contextActionId: null,
      },
      {
        slug: "includeDetails",
        label: "Include Details",
        type: "BOOLEAN",
        description: "",
        placeholder: null,
        required: false,
        order: 1,
        options: null,
        allowMultiSelect: null,
        contextActionId: null,
      },
      {
        slug: "kind",
        label: "Kind",
        type: "SELECT",
        description: "",
        placeholder: null,
        required: false,
        order: 2,
        options: [{ label: "A", value: "a" }],
        allowMultiSelect: true,
        contextActionId: UNKNOWN_UUID,
      },
    ]);

    const bare = await t.api.createAction(id, { name: "Second" });
    expect(bare).toMatchObject({ description: "", code: null, order: 1, inputFields: [], requiresConfirmation: false });
    expect(typeof bare.createdAt).toBe("string");
  });

  it("makes slugs unique within the integration and field slugs unique within the action", async () => {
    const id = await t.api.createIntegration();
    const a = await t.api.createAction(id, {
      name: "  Send E-Mail!! ",
      inputFields: [{ label: "To" }, { label: "to" }, { label: "TO!" }, { label: "Größe" }, { label: "🙂" }],
    });
    expect(a.slug).toBe("send_e_mail");
    // Field slugs are camelCase of the label, as Langdock's examples read "User ID" as inputs.userId:
    // diacritics fold, other characters separate words, nothing left => "field", repeats get 2, 3, ….
    expect(a.inputFields.map((f: any) => f.slug)).toEqual(["to", "to2", "to3", "grosse", "field"]);
    const b = await t.api.createAction(id, { name: "send e-mail" });
    const c = await t.api.createAction(id, { name: "Send e mail" });
    expect([b.slug, c.slug]).toEqual(["send_e_mail_2", "send_e_mail_3"]);

    // Another integration has its own slug space.
    const other = await t.api.createIntegration("Other");
    expect((await t.api.createAction(other, { name: "Send E-Mail" })).slug).toBe("send_e_mail");
  });

  it("answers 409 for a duplicate name (create and rename)", async () => {
    const id = await t.api.createIntegration();
    await t.api.createAction(id, { name: "Alpha" });
    const beta = await t.api.createAction(id, { name: "Beta" });
    const dup = await t.api.post(`${actions(id)}/create`, { name: "Alpha" });
    expect(dup.status).toBe(409);
    expect(dup.body).toEqual({ message: "An action with this name already exists in the integration" });
    const rename = await t.api.put(`${actions(id)}/${beta.id}`, { name: "Alpha" });
    expect(rename.status).toBe(409);
    expect(t.emu.snapshot().actions.map((a: any) => a.name)).toEqual(["Alpha", "Beta"]);
  });

  it("validates every documented limit and enum", async () => {
    const id = await t.api.createIntegration();
    const res = await t.api.post(`${actions(id)}/create`, {
      name: "n".repeat(101),
      description: "d".repeat(1001),
      code: "c".repeat(150_001),
      requiresConfirmation: "yes",
      inputFields: [
        { type: "TEXT" },
        {
          label: "l".repeat(101),
          type: "DATE",
          description: "d".repeat(501),
          placeholder: "p".repeat(201),
          required: "no",
          contextActionId: "nope",
          options: [{ label: "x" }],
        },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.message.map((i: any) => i.path.join("."))).toEqual([
      "name",
      "description",
      "code",
      "inputFields.0.label",
      "inputFields.1.label",
      "inputFields.1.type",
      "inputFields.1.description",
      "inputFields.1.placeholder",
      "inputFields.1.required",
      "inputFields.1.options.0.value",
      "inputFields.1.contextActionId",
      "requiresConfirmation",
    ]);
    expect((await t.api.post(`${actions(id)}/create`, {})).body.message[0].path).toEqual(["name"]);
    const atLimits = await t.api.post(`${actions(id)}/create`, {
      name: "n".repeat(100),
      description: "d".repeat(1000),
      code: "c".repeat(150_000),
    });
    expect(atLimits.status).toBe(201);
  });

  it("accepts every documented input field type", async () => {
    const id = await t.api.createIntegration();
    const types = ["TEXT", "MULTI_LINE_TEXT", "NUMBER", "BOOLEAN", "SELECT", "PASSWORD", "VECTOR", "OBJECT", "FILE", "ID"];
    const a = await t.api.createAction(id, { name: "All", inputFields: types.map((type) => ({ label: type, type })) });
    expect(a.inputFields.map((f: any) => f.type)).toEqual(types);
  });

  it("PUT replaces: description and inputFields cleared, code kept, requiresConfirmation reset", async () => {
    const id = await t.api.createIntegration();
    const a = await t.api.createAction(id, {
      name: "Sync",
      description: "Keeps things in sync",
      code: "return 1;",
      requiresConfirmation: true,
      inputFields: [{ label: "Since" }],
    });
    const res = await t.api.put(`${actions(id)}/${a.id}`, { name: "Sync" });
    expect(res.status).toBe(200);
    expect(res.body.action).toMatchObject({
      id: a.id,
      slug: "sync",
      description: "",
      code: "return 1;",
      requiresConfirmation: false,
      inputFields: [],
      createdAt: a.createdAt,
    });

    const replaced = await t.api.put(`${actions(id)}/${a.id}`, { name: "Sync", code: "return 2;", inputFields: [{ label: "New Field" }] });
    expect(replaced.body.action.code).toBe("return 2;");
    expect(replaced.body.action.inputFields.map((f: any) => f.slug)).toEqual(["newField"]);
    // null clears the code.
    expect((await t.api.put(`${actions(id)}/${a.id}`, { name: "Sync", code: null })).body.action.code).toBeNull();
  });

  it("keeps the slug while the name is unchanged and regenerates it on rename", async () => {
    const id = await t.api.createIntegration();
    const first = await t.api.createAction(id, { name: "Lookup" });
    await t.api.createAction(id, { name: "lookup!" }); // takes slug lookup_2
    const same = await t.api.put(`${actions(id)}/${first.id}`, { name: "Lookup", description: "x" });
    expect(same.body.action.slug).toBe("lookup");
    const renamed = await t.api.put(`${actions(id)}/${first.id}`, { name: "Find Person" });
    expect(renamed.body.action.slug).toBe("find_person");
    expect(renamed.body.action.order).toBe(0);
  });

  it("PUT/DELETE 404 for unknown actions or actions of another integration; 400 for malformed ids", async () => {
    const id = await t.api.createIntegration();
    const other = await t.api.createIntegration("Other");
    const a = await t.api.createAction(id, { name: "Mine" });
    expect((await t.api.put(`${actions(other)}/${a.id}`, { name: "Mine" })).status).toBe(404);
    expect((await t.api.delete(`${actions(other)}/${a.id}`)).status).toBe(404);
    expect((await t.api.put(`${actions(id)}/${UNKNOWN_UUID}`, { name: "x" })).body).toEqual({ message: "Action not found" });
    expect((await t.api.post(`${actions(UNKNOWN_UUID)}/create`, { name: "x" })).status).toBe(404);
    expect((await t.api.delete(`${actions(id)}/not-a-uuid`)).status).toBe(400);
    expect((await t.api.post(`/integrations/v1/bad/actions/create`, { name: "x" })).status).toBe(400);
  });

  it("DELETE answers {message, id} and later actions move up in order", async () => {
    const id = await t.api.createIntegration();
    const a = await t.api.createAction(id, { name: "A" });
    const b = await t.api.createAction(id, { name: "B" });
    const res = await t.api.delete(`${actions(id)}/${a.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ message: "Action deleted", id: a.id });
    const detail = await t.api.get(`/integrations/v1/${id}`);
    expect(detail.body.integration.actions.map((x: any) => [x.id, x.order])).toEqual([[b.id, 0]]);
    expect((await t.api.delete(`${actions(id)}/${a.id}`)).status).toBe(404);
    // The name is free again.
    expect((await t.api.post(`${actions(id)}/create`, { name: "A" })).status).toBe(201);
  });
});

describe("triggers", () => {
  const t = useEmulator();
  const triggers = (integrationId: string) => `/integrations/v1/${integrationId}/triggers`;

  it("creates, replaces and deletes with trigger-specific shape", async () => {
    const id = await t.api.createIntegration();
    const created = await t.api.post(`${triggers(id)}/create`, {
      name: "New Ticket",
      description: "Fires on new tickets",
      pollingCode: "return [];",
      inputFields: [{ label: "Queue", type: "SELECT", options: [{ label: "Support", value: "support" }] }],
    });
    expect(created.status).toBe(201);
    const trigger = created.body.trigger;
    expect(Object.keys(trigger).sort()).toEqual([
      "createdAt",
      "description",
      "id",
      "inputFields",
      "name",
      "pollingCode",
      "slug",
      "updatedAt",
    ]);
    expect(trigger).toMatchObject({ slug: "new_ticket", pollingCode: "return [];" });
    expect(trigger.inputFields[0]).not.toHaveProperty("contextActionId");
    expect(trigger.inputFields[0]).toMatchObject({ slug: "queue", order: 0, options: [{ label: "Support", value: "support" }] });

    const replaced = await t.api.put(`${triggers(id)}/${trigger.id}`, { name: "New Ticket" });
    expect(replaced.status).toBe(200);
    expect(replaced.body.trigger).toMatchObject({ description: "", pollingCode: "return [];", inputFields: [], slug: "new_ticket" });

    const dup = await t.api.post(`${triggers(id)}/create`, { name: "New Ticket" });
    expect(dup.status).toBe(409);

    const deleted = await t.api.delete(`${triggers(id)}/${trigger.id}`);
    expect(deleted.body).toEqual({ message: "Trigger deleted", id: trigger.id });
    expect(t.emu.snapshot().triggers).toEqual([]);
  });

  it("validates limits and the narrower field types", async () => {
    const id = await t.api.createIntegration();
    const res = await t.api.post(`${triggers(id)}/create`, {
      name: "n".repeat(101),
      description: "d".repeat(91),
      pollingCode: "p".repeat(1001),
      inputFields: [{ label: "Obj", type: "OBJECT" }],
    });
    expect(res.body.message.map((i: any) => i.path.join("."))).toEqual(["name", "description", "pollingCode", "inputFields.0.type"]);
    const ok = await t.api.post(`${triggers(id)}/create`, {
      name: "Ok",
      description: "d".repeat(90),
      pollingCode: "p".repeat(1000),
      inputFields: ["TEXT", "MULTI_LINE_TEXT", "NUMBER", "BOOLEAN", "SELECT", "PASSWORD", "VECTOR"].map((type) => ({ label: type, type })),
    });
    expect(ok.status).toBe(201);
  });
});

describe("GET /integrations/v1/{id} detail modes", () => {
  async function seed(api: import("./helpers").Api) {
    const id = await api.createIntegration();
    await api.createAction(id, { name: "Act", code: "return 1;", requiresConfirmation: true, inputFields: [{ label: "Q" }] });
    await api.post(`/integrations/v1/${id}/triggers/create`, { name: "Trig", pollingCode: "return [];" });
    return (await api.get(`/integrations/v1/${id}`)).body.integration;
  }

  it("live (default): actions in full with their fields in no particular order and extra fields; triggers without code and fields", async () => {
    await withEmulator({}, async (api) => {
      const id = await api.createIntegration();
      const fields = ["First", "Second", "Third"].map((label) => ({ label }));
      await api.createAction(id, { name: "Act", code: "return 1;", requiresConfirmation: true, inputFields: fields });
      await api.post(`/integrations/v1/${id}/triggers/create`, { name: "Trig", pollingCode: "return [];", inputFields: [{ label: "Q" }] });
      const integration = (await api.get(`/integrations/v1/${id}`)).body.integration;
      expect(integration.actions[0]).toMatchObject({
        name: "Act",
        code: "return 1;",
        requiresConfirmation: true,
        order: 0,
        actionType: "CUSTOM",
      });
      expect(integration.actions[0].inputFields.map((f: any) => [f.label, f.order])).toEqual([
        ["Third", 2],
        ["Second", 1],
        ["First", 0],
      ]);
      expect(integration.actions[0].inputFields[0]).toHaveProperty("id");
      expect(integration.triggers[0]).toMatchObject({ name: "Trig", kind: "TRIGGER" });
      expect(integration.triggers[0]).not.toHaveProperty("pollingCode");
      expect(integration.triggers[0]).not.toHaveProperty("inputFields");
    });
  });

  it("full (the seed pages' shape) returns full action and trigger objects", async () => {
    await withEmulator({ integrationDetail: "full" }, async (api) => {
      const integration = await seed(api);
      expect(integration.actions[0]).toMatchObject({ name: "Act", code: "return 1;", requiresConfirmation: true, order: 0 });
      expect(integration.actions[0].inputFields[0].slug).toBe("q");
      expect(integration.triggers[0]).toMatchObject({ name: "Trig", pollingCode: "return [];", inputFields: [] });
    });
  });

  it("summary returns only the documented fields", async () => {
    await withEmulator({ integrationDetail: "summary" }, async (api) => {
      const integration = await seed(api);
      expect(Object.keys(integration.actions[0]).sort()).toEqual(["description", "id", "name", "order", "slug"]);
      expect(Object.keys(integration.triggers[0]).sort()).toEqual(["description", "id", "name", "slug"]);
    });
  });
});
