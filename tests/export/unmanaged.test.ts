import { startRuntime, type RuntimeHarness } from "../helpers/runtime";

/** `unmanaged`: what export could not read is never compared, never cleared, never overwritten. */
describe("unmanaged properties", () => {
  let h: RuntimeHarness;
  let integrationId: string;
  const code = "return data.input.id;";
  const fields = [{ label: "User id", type: "TEXT", required: true }];
  beforeAll(async () => {
    h = await startRuntime();
    integrationId = (await h.create("Integration", { name: "CRM" })).id;
  });
  afterAll(() => h?.stop());

  const writes = () =>
    h.emulator.log.filter((e) => e.method !== "GET").map((e) => `${e.method} ${e.path.replace(/[0-9a-f-]{36}/g, "{id}")}`);

  it("an Action update keeps unmanaged code (omitted) and resends input fields and requiresConfirmation as Langdock has them", async () => {
    const made = await h.create("Action", { integrationId, name: "Get user", code, inputFields: fields, requiresConfirmation: true });
    const args = {
      integrationId,
      name: "Get user",
      description: "now described",
      unmanaged: ["code", "inputFields", "requiresConfirmation"],
    };
    const inputs = await h.checked("Action", args);
    expect(inputs).not.toHaveProperty("requiresConfirmation"); // no default where Langdock's value stands
    const plan = await h.plan("Action", made.id, made.outs, args);
    expect(plan.diff).toMatchObject({ changes: true, diffs: ["description"] });
    h.emulator.resetLog();
    await h.runtime.update("Action", made.id, made.outs, plan.inputs);
    const put = h.emulator.log.find((e) => e.method === "PUT")!.body as Record<string, unknown>;
    expect(put).not.toHaveProperty("code");
    expect(put).toMatchObject({ requiresConfirmation: true, inputFields: [{ label: "User id", type: "TEXT", required: true }] });
    expect(h.emulator.snapshot().actions[0]).toMatchObject({ description: "now described", code, requiresConfirmation: true });
  });

  it("a property cannot be both set and unmanaged", async () => {
    const { failures } = await h.runtime.check("Action", {}, { integrationId, name: "X", code, unmanaged: ["code", "spaghetti"] });
    expect(failures).toEqual([
      { property: "unmanaged[1]", reason: 'must be one of code, inputFields, requiresConfirmation (got "spaghetti")' },
      // Reported in the same pass as the field error (cross-field rules never wait for valid fields).
      {
        property: "unmanaged[0]",
        reason: '"code" is set in the program and listed as unmanaged; remove it from unmanaged to manage it, or remove code',
      },
    ]);
    const both = await h.runtime.check("Action", {}, { integrationId, name: "X", code, unmanaged: ["code"] });
    expect(both.failures).toEqual([
      {
        property: "unmanaged[0]",
        reason: '"code" is set in the program and listed as unmanaged; remove it from unmanaged to manage it, or remove code',
      },
    ]);
  });

  it("a Trigger update keeps unmanaged polling code", async () => {
    const made = await h.create("Trigger", { integrationId, name: "Poll", pollingCode: "return [];" });
    const args = { integrationId, name: "Poll", description: "d", unmanaged: ["pollingCode"] };
    const plan = await h.plan("Trigger", made.id, made.outs, args);
    expect(plan.diff.diffs).toEqual(["description"]);
    await h.runtime.update("Trigger", made.id, made.outs, plan.inputs);
    expect(h.emulator.snapshot().triggers[0]).toMatchObject({ description: "d", pollingCode: "return [];" });
  });

  it("an Integration adopted with an unmanaged client secret is not written; the secret goes only with another auth change", async () => {
    const oauth = { clientId: "cid", authUrl: "https://a.example.com/authorize", tokenUrl: "https://a.example.com/token" };
    const made = await h.create("Integration", {
      name: "Tickets",
      authType: "OAUTH",
      oauthClient: { ...oauth, clientSecret: "secret-in-langdock" },
    });
    h.newRun(); // built by hand: in another run, not by a resource of this one
    const args = {
      name: "Tickets",
      authType: "OAUTH",
      oauthClient: { ...oauth, clientSecret: "secret-from-config" },
      adoptId: made.id,
      unmanaged: ["oauthClient.clientSecret"],
    };
    h.emulator.resetLog();
    const adopted = await h.create("Integration", args);
    expect(writes()).toEqual([]);
    expect(h.emulator.snapshot().integrations.find((i: { id: string }) => i.id === made.id).oauthClient.clientSecret).toBe(
      "secret-in-langdock",
    );
    expect((await h.plan("Integration", made.id, adopted.outs, args)).diff.changes).toBe(false);

    const withFields = { ...args, authFields: [{ slug: "tenant", label: "Tenant", type: "TEXT" }] };
    const plan = await h.plan("Integration", made.id, adopted.outs, withFields);
    expect(plan.diff.diffs).toEqual(["authFields"]);
    await h.runtime.update("Integration", made.id, adopted.outs, plan.inputs);
    expect(writes()).toEqual(["PATCH /integrations/v1/{id}/auth"]);
    expect(h.emulator.snapshot().integrations.find((i: { id: string }) => i.id === made.id).oauthClient.clientSecret).toBe(
      "secret-from-config",
    );
  });
});
