import type { RunResult, Step } from "../../provider/testing";
import { startHarness, type Harness } from "../helpers/engineHarness";
import {
  ACTION_CODE,
  ATTACHMENTS,
  AUTH_TEST_CODE,
  OAUTH_SECRET,
  POLLING_CODE,
  ROWS,
  SELECT_OPTIONS,
  nameOf,
  tableProgram,
  type Variant,
} from "./table";

/**
 * "No perpetual diffs", through the real provider host against the emulator, for one
 * `integrationDetail` ("live": GET /integrations/v1/{id} as Langdock answers in late 2026, actions with
 * code and their input fields in no particular order with extra fields, triggers without polling code
 * and fields; "full": actions and triggers with code and input fields, as the seed pages had it;
 * "summary": only the documented summary, so refresh falls back to the state). One harness and one stack for the whole suite; the sections run in order on it:
 *
 * 1. The whole table is deployed with one `up`; then `preview` of the same program, `refresh`, and
 *    `preview` again must all be `same` for every row (and a second `up` writes nothing).
 * 2. One property changed at a time (after a refresh, as users do): the preview reports exactly that
 *    property of exactly that resource; `up` applies it; the next preview and refresh are all `same`.
 * 3. A property edited in Langdock's UI: refresh reports exactly that property, and the next preview
 *    plans to put back exactly that property (the inputs a refresh records carry no phantom changes).
 * 4. Langdock normalizes what it stores (trims trailing whitespace of code, reorders SELECT options,
 *    spells empty values as "" / false / [] instead of null): after a refresh the program still
 *    previews as `same`, and a one-property change right after that refresh reports only that property.
 */
const WRITES = /^(POST|PUT|PATCH|DELETE)$/;

type Outcome<T> = { ok: true; value: T } | { ok: false; error: Error & { steps?: Step[] } };

async function settle<T>(operation: Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await operation };
  } catch (e) {
    return { ok: false, error: e as Error & { steps?: Step[] } };
  }
}

/** `[name, op, diffs]` of one resource's step; `diffs` shown so a failure says which properties differ. */
function stepOf(outcome: Outcome<{ steps: Step[] }> | undefined, name: string): [string, string, string[] | undefined] {
  if (!outcome) throw new Error("the operation did not run (an earlier step of the suite failed)");
  if (!outcome.ok) throw new Error(`the operation failed: ${outcome.error.message}`);
  const step = outcome.value.steps.find((s) => nameOf(s.urn) === name);
  if (!step) throw new Error(`no step for ${name}`);
  return [name, step.op, step.diffs];
}

/** The steps that are not `same`, as `[name, op, diffs]`, sorted. */
function changed(steps: Step[], ignore: string[] = []): Array<[string, string, string[] | undefined]> {
  return steps
    .filter((s) => s.op !== "same")
    .map((s): [string, string, string[] | undefined] => [nameOf(s.urn), s.op, s.diffs?.filter((d) => !ignore.includes(d))])
    .sort((a, b) => a[0].localeCompare(b[0]));
}

/** One program change: override `set` on row `row`; the preview must report exactly `diffs`. */
interface Change {
  row: string;
  set: Record<string, unknown>;
  diffs: string[];
}

const CHANGES: Change[] = [
  { row: "int-min", set: { description: "Now with a description" }, diffs: ["description"] },
  { row: "int-apikey", set: { description: "Customer and deal data" }, diffs: ["description"] },
  { row: "act-min", set: { description: "Checks the connection" }, diffs: ["description"] },
  // New code with trailing whitespace again, so that section 4 can trim it.
  { row: "act-max", set: { code: "return { ok: true };  \n\n" }, diffs: ["code"] },
  {
    row: "act-max",
    // One option of one input field: a new label for "mike".
    set: { selectOptions: SELECT_OPTIONS.map((o) => (o.value === "mike" ? { ...o, label: "Mike (default)" } : o)) },
    diffs: ["inputFields"],
  },
  { row: "trg-min", set: { description: "Fires on new records" }, diffs: ["description"] },
  { row: "trg-max", set: { pollingCode: "return [];\t\n" }, diffs: ["pollingCode"] },
  { row: "agent-min", set: { model: "claude-sonnet-4" }, diffs: ["model"] },
  { row: "agent-min", set: { creativity: 0.9 }, diffs: ["creativity"] },
  { row: "agent-max", set: { model: "claude-sonnet-4" }, diffs: ["model"] },
  { row: "agent-max", set: { creativity: 0.2 }, diffs: ["creativity"] },
];

const OAUTH_TEXT = ["authUrl", "tokenUrl", "scopes", "label", "authorizationCode", "accessTokenCode", "refreshTokenCode"];
const trimTrailing = (code: string) => code.replace(/[ \t]+$/gm, "").replace(/\s+$/, "");

export function normalizationSuite(detail: "live" | "full" | "summary"): void {
  describe(`no perpetual diffs (integrationDetail: "${detail}")`, () => {
    let h: Harness;
    /** The variant currently deployed (changes accumulate through section 2). */
    let deployed: Variant = {};
    let ids: Record<string, string> = {};
    const program = (v: Variant = deployed) => tableProgram(h, v);
    const writes = () => h.emulator.log.filter((e) => WRITES.test(e.method)).map((e) => `${e.method} ${e.path}`);

    beforeAll(async () => {
      h = await startHarness({ emulator: { integrationDetail: detail } });
    });
    afterAll(async () => {
      await h?.stop();
    });

    describe("1. every row, minimal, maximal, explicit defaults and empty lists", () => {
      let up: Outcome<RunResult> | undefined;
      let preview: Outcome<RunResult> | undefined;
      let refresh: Outcome<{ steps: Step[] }> | undefined;
      let previewAfterRefresh: Outcome<RunResult> | undefined;

      beforeAll(async () => {
        up = await settle(h.engine.up(program()));
        if (!up.ok) return;
        ids = up.value.outputs as Record<string, string>;
        preview = await settle(h.engine.preview(program()));
        refresh = await settle(h.engine.refresh());
        previewAfterRefresh = await settle(h.engine.preview(program()));
      });

      it("deploys the whole table, with the maximal values as written", () => {
        if (!up?.ok) throw up?.error ?? new Error("up did not run");
        expect(up.value.steps.map((s) => s.op)).toEqual(ROWS.map(() => "create"));
        const snap = h.emulator.snapshot();
        const action = snap.actions.find((a) => a.id === ids["act-max"]);
        // The code went to Langdock as written, trailing whitespace and all: only comparisons ignore it.
        expect(action.code).toBe(ACTION_CODE);
        expect(action.requiresConfirmation).toBe(true);
        const select = action.inputFields.find((f: { type: string }) => f.type === "SELECT");
        expect(select).toMatchObject({ options: SELECT_OPTIONS, allowMultiSelect: true, contextActionId: ids["act-min"] });
        expect(action.inputFields.map((f: { type: string }) => f.type)).toHaveLength(10);
        expect(snap.triggers.find((t) => t.id === ids["trg-max"]).pollingCode).toBe(POLLING_CODE);
        const crm = snap.integrations.find((i) => i.id === ids["int-apikey"]);
        expect(crm).toMatchObject({ authType: "API_KEY", authTestCode: AUTH_TEST_CODE, color: "#4F46E5" });
        expect(crm.authFields).toHaveLength(5);
        const oauth = snap.integrations.find((i) => i.id === ids["int-oauth"]);
        expect(oauth).toMatchObject({ authType: "OAUTH", oauthClient: { clientId: "client-123", clientSecret: OAUTH_SECRET } });
        const agent = snap.agents.find((a) => a.id === ids["agent-max"]);
        expect(agent).toMatchObject({
          model: "gpt-4o-mini",
          temperature: 0.7,
          emojiIcon: "🤝",
          inputType: "STRUCTURED",
          attachments: ATTACHMENTS,
          webSearchEnabled: true,
          imageGenerationEnabled: true,
          canvasEnabled: true,
          actions: [
            { actionId: ids["act-max"], requiresConfirmation: false },
            { actionId: ids["act-min"], requiresConfirmation: true },
          ],
        });
        // The program sets dataAnalyst: Langdock ignores it (late 2026).
        expect(agent).not.toHaveProperty("codeInterpreterEnabled");
        expect(agent.inputFields.map((f: { type: string }) => f.type)).toEqual([
          "TEXT",
          "MULTI_LINE_TEXT",
          "NUMBER",
          "CHECKBOX",
          "FILE",
          "SELECT",
          "DATE",
        ]);
        // The minimal agent got Langdock's default model, which its program does not state.
        expect(snap.agents.find((a) => a.id === ids["agent-min"]).model).toBe("gpt-4o");
      });

      it.each(ROWS.map((r) => [r.title, r.name]))("%s: preview right after up is same", (_title, name) => {
        expect(stepOf(preview, name)).toEqual([name, "same", undefined]);
      });

      it.each(ROWS.map((r) => [r.title, r.name]))("%s: refresh right after up is same", (_title, name) => {
        expect(stepOf(refresh, name)).toEqual([name, "same", undefined]);
      });

      it.each(ROWS.map((r) => [r.title, r.name]))("%s: preview after that refresh is same", (_title, name) => {
        expect(stepOf(previewAfterRefresh, name)).toEqual([name, "same", undefined]);
      });

      it("a second up of the same program is all same and sends no write to Langdock", async () => {
        h.emulator.resetLog();
        const again = await h.engine.up(program());
        expect(changed(again.steps)).toEqual([]);
        expect(writes()).toEqual([]);
      });
    });

    describe("2. one property changed at a time reports exactly that property", () => {
      // Users refresh between runs: every preview below comes right after a refresh (this one, then each
      // test's own), so the state holds the inputs that the refresh recorded.
      beforeAll(async () => {
        await h.engine.refresh();
      });

      for (const change of CHANGES) {
        const what = `${change.row} ${Object.keys(change.set).join(", ")}`;
        const next = () => ({ ...deployed, [change.row]: { ...deployed[change.row], ...change.set } });

        it(`${what}: preview (after a refresh) reports exactly ${change.diffs.join(", ")} of ${change.row}`, async () => {
          const result = await h.engine.preview(program(next()));
          expect(changed(result.steps)).toEqual([[change.row, "update", change.diffs]]);
        });

        it(`${what}: up updates only ${change.row}; then preview and refresh are all same`, async () => {
          const v = next();
          const up = await settle(h.engine.up(program(v)));
          deployed = v;
          const preview = await settle(h.engine.preview(program()));
          const refresh = await settle(h.engine.refresh());
          for (const outcome of [up, preview, refresh]) if (!outcome.ok) throw outcome.error;
          expect(changed(up.ok ? up.value.steps : []).map(([name, op]) => [name, op])).toEqual([[change.row, "update"]]);
          expect(changed(preview.ok ? preview.value.steps : [])).toEqual([]);
          expect(changed(refresh.ok ? refresh.value.steps : [])).toEqual([]);
        });
      }
    });

    describe("3. a property edited in Langdock's UI: refresh and the next preview name exactly that property", () => {
      let refresh: Outcome<{ steps: Step[] }> | undefined;
      let preview: Outcome<RunResult> | undefined;
      const EDITS = [
        { row: "act-max", diffs: ["description"] },
        { row: "act-min", diffs: ["description"] },
        { row: "agent-max", diffs: ["emoji"] },
        { row: "agent-min", diffs: ["emoji"] },
        { row: "int-min", diffs: ["description"] },
        { row: "trg-max", diffs: ["description"] },
        { row: "trg-min", diffs: ["description"] },
      ];

      beforeAll(async () => {
        h.emulator.editIntegration(ids["int-min"], { description: "Edited in the UI" });
        h.emulator.editAction(ids["act-min"], { description: "Edited in the UI" });
        h.emulator.editAction(ids["act-max"], { description: "Edited in the UI" });
        h.emulator.editTrigger(ids["trg-max"], { description: "Edited in the UI" });
        h.emulator.editTrigger(ids["trg-min"], { description: "Edited in the UI" });
        h.emulator.editAgent(ids["agent-min"], { emoji: "🔥" });
        h.emulator.editAgent(ids["agent-max"], { emoji: "🔥" });
        refresh = await settle(h.engine.refresh());
        preview = await settle(h.engine.preview(program()));
      });

      it("refresh reports exactly the edited properties (and the agents' new updatedAt)", () => {
        if (!refresh?.ok) throw refresh?.error ?? new Error("refresh did not run");
        expect(changed(refresh.value.steps, ["updatedAt"])).toEqual(EDITS.map((e) => [e.row, "update", e.diffs]));
      });

      it.each(EDITS.map((e) => [e.row, e.diffs]))("the next preview plans to put back exactly %s %j", (row, diffs) => {
        expect(stepOf(preview, row)).toEqual([row, "update", diffs]);
      });

      it("up puts every edit back; then everything is same", async () => {
        const up = await h.engine.up(program());
        expect(changed(up.steps).map(([name, op]) => [name, op])).toEqual(EDITS.map((e) => [e.row, "update"]));
        expect(changed((await h.engine.preview(program())).steps)).toEqual([]);
        expect(changed((await h.engine.refresh()).steps)).toEqual([]);
      });
    });
    describe("4. Langdock normalizes what it stores (trailing whitespace trimmed, SELECT options reordered, null vs empty)", () => {
      let refresh: Outcome<{ steps: Step[] }> | undefined;
      const reverseOptions = (fields: Array<Record<string, unknown>>) =>
        fields.map((f) => (Array.isArray(f.options) ? { ...f, options: [...f.options].reverse() } : f));

      beforeAll(async () => {
        const snap = h.emulator.snapshot();
        const action = snap.actions.find((a) => a.id === ids["act-max"]);
        const trigger = snap.triggers.find((t) => t.id === ids["trg-max"]);
        const crm = snap.integrations.find((i) => i.id === ids["int-apikey"]);
        // What Langdock's editor may do to code it stores; the input fields come back with their options reversed.
        expect([action.code, trigger.pollingCode, crm.authTestCode].every((code) => code !== trimTrailing(code))).toBe(true);
        h.emulator.editAction(ids["act-max"], { code: trimTrailing(action.code), inputFields: reverseOptions(action.inputFields) });
        h.emulator.editTrigger(ids["trg-max"], {
          pollingCode: trimTrailing(trigger.pollingCode),
          inputFields: reverseOptions(trigger.inputFields),
        });
        h.emulator.editIntegration(ids["int-apikey"], { authTestCode: trimTrailing(crm.authTestCode) });
        // Unset OAuth settings spelled as "" (the stored clientSecret is kept: Langdock never returns it).
        h.emulator.editIntegration(ids["int-oauth-sparse"], {
          oauthClient: { clientId: "client-456", ...Object.fromEntries(OAUTH_TEXT.map((key) => [key, ""])) },
        });
        // Empty values spelled the other way: "" for null placeholders, false for unset allowMultiSelect, [] for no options.
        const defaults = snap.actions.find((a) => a.id === ids["act-defaults"]);
        h.emulator.editAction(ids["act-defaults"], {
          inputFields: defaults.inputFields.map((f: Record<string, unknown>) => ({
            ...f,
            placeholder: f.placeholder ?? "",
            allowMultiSelect: f.allowMultiSelect ?? false,
            options: f.options ?? [],
          })),
        });
        refresh = await settle(h.engine.refresh());
      });

      it("refresh records the server's spelling (actions and triggers only where GET returns them)", () => {
        if (!refresh?.ok) throw refresh?.error ?? new Error("refresh did not run");
        expect(changed(refresh.value.steps)).toEqual(
          detail === "full"
            ? [
                ["act-defaults", "update", ["inputFields"]],
                ["act-max", "update", ["code", "inputFields"]],
                ["int-apikey", "update", ["authTestCode"]],
                ["int-oauth-sparse", "update", ["oauthClient"]],
                ["trg-max", "update", ["inputFields", "pollingCode"]],
              ]
            : detail === "live"
              ? [
                  // Today's GET: actions in full (fields shuffled), triggers without polling code and fields.
                  ["act-defaults", "update", ["inputFields"]],
                  ["act-max", "update", ["code", "inputFields"]],
                  ["int-apikey", "update", ["authTestCode"]],
                  ["int-oauth-sparse", "update", ["oauthClient"]],
                ]
              : [
                  ["int-apikey", "update", ["authTestCode"]],
                  ["int-oauth-sparse", "update", ["oauthClient"]],
                ],
        );
      });

      it("the program still previews as all same", async () => {
        expect(changed((await h.engine.preview(program())).steps)).toEqual([]);
      });

      it.each([
        ["int-apikey", { description: "Normalized by Langdock" }, ["description"]],
        ["act-max", { description: "Normalized by Langdock" }, ["description"]],
        ["trg-max", { description: "Normalized by Langdock" }, ["description"]],
      ] as const)("right after that refresh, a change of %s %j reports exactly %j", async (row, set, diffs) => {
        const result = await h.engine.preview(program({ ...deployed, [row]: { ...deployed[row], ...set } }));
        expect(changed(result.steps)).toEqual([[row, "update", diffs]]);
      });

      it("up of the program (which records its inputs again) is all same and writes nothing", async () => {
        h.emulator.resetLog();
        expect(changed((await h.engine.up(program())).steps)).toEqual([]);
        expect(writes()).toEqual([]);
      });
    });
  });
}
