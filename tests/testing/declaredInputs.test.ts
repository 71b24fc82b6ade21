import { CodeRunError, runAction } from "../../provider/testing/codeRunner";
import { fieldSlug } from "../../provider/common/slug";
import { startHarness, type Harness } from "../helpers/engineHarness";
import type { InputFieldArgs } from "../../provider";

/** Slugs as Langdock derives them (camelCase of the label, per the API reference's examples) and runAction's check. */
describe("input field slugs", () => {
  it("are the camelCase of the label", () => {
    expect(["User ID", "Order id", "API key", "  e-mail address ", "Größe", "Ticket ID", "🙂"].map((l) => fieldSlug(l))).toEqual([
      "userId",
      "orderId",
      "apiKey",
      "eMailAddress",
      "grosse",
      "ticketId",
      "field",
    ]);
  });

  describe("through the real host against the emulator", () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness();
    });
    afterAll(() => h?.stop());

    it("the emulator's slug for 'User ID' is userId, and each field's slug is an output; runAction checks the code against it", async () => {
      const inputFields: Array<InputFieldArgs & { label: string }> = [
        { label: "User ID", required: true },
        { label: "Include details", type: "BOOLEAN" },
      ];
      const code = "return { id: data.input.userId, details: data.input.includeDetails === true };";
      const up = await h.engine.up(() => {
        const crm = new h.langdock.Integration("crm", { name: "CRM" });
        const action = new h.langdock.Action("lookup", { integrationId: crm.id, name: "Lookup", code, inputFields });
        return { slugs: action.inputFields.apply((fields) => (fields ?? []).map((f) => f.slug)) };
      });
      expect(up.outputs.slugs).toEqual(["userId", "includeDetails"]);
      expect(h.emulator.snapshot().actions[0].inputFields.map((f: { slug: string }) => f.slug)).toEqual(["userId", "includeDetails"]);

      // The same declaration checks the code locally: what it reads, Langdock passes.
      await expect(runAction(code, { inputFields, input: { userId: "42", includeDetails: true } })).resolves.toMatchObject({
        result: { id: "42", details: true },
      });
    });
  });

  it("runAction fails on a read of an undeclared slug, even when the code catches the error", async () => {
    const inputFields = [{ label: "Order id" }];
    const err: CodeRunError = await runAction("try { return data.input.order_id; } catch { return null; }", {
      inputFields,
      input: { orderId: "7" },
    }).catch((e) => e);
    expect(err).toBeInstanceOf(CodeRunError);
    expect(err.reason).toBe("undeclaredInput");
    expect(err.message).toBe(
      'action code reads data.input.order_id, which is not a declared input field (declared: orderId); Langdock passes each field under the camelCase of its label ("User ID" → userId): did you mean orderId?',
    );
    // `inputs` is the same object; JSON, spreading and `in` see only what was passed.
    await expect(
      runAction("return [JSON.stringify(inputs), { ...inputs }, 'x' in inputs];", { inputFields, input: { orderId: "7" } }),
    ).resolves.toMatchObject({
      result: ['{"orderId":"7"}', { orderId: "7" }, false],
    });
    // A declared field the test leaves out is just absent, as when a user leaves it empty.
    await expect(runAction("return data.input.orderId ?? 'none';", { inputFields })).resolves.toMatchObject({ result: "none" });
  });

  it("runAction rejects a test input that is not a declared slug; slugs may also be given directly", async () => {
    const err: CodeRunError = await runAction("return 1;", { inputFields: [{ label: "User ID" }], input: { user_id: "1" } }).catch(
      (e) => e,
    );
    expect(err.reason).toBe("undeclaredInput");
    expect(err.message).toBe(
      `the runner's input sets user_id, which is not a declared input field (declared: userId); Langdock passes each field under the camelCase of its label ("User ID" → userId): did you mean userId?`,
    );
    await expect(runAction("return data.input.q;", { inputFields: ["q"], input: { q: 1 } })).resolves.toMatchObject({ result: 1 });
  });
});
