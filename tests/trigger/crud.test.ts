import { startRuntime, type RuntimeHarness } from "../helpers/runtime";

let h: RuntimeHarness;
let integrationId: string;
beforeEach(async () => {
  h = await startRuntime();
  integrationId = (await h.create("Integration", { name: "Tickets" })).id;
  h.emulator.resetLog();
});
afterEach(() => h.stop());

const args = (extra: Record<string, unknown> = {}) => ({
  integrationId,
  name: "New ticket",
  description: "Fires for each new ticket",
  pollingCode: "return (await ld.request({ url: 'https://t.example/new' })).json;",
  inputFields: [{ label: "Queue", type: "SELECT", options: [{ label: "Support", value: "support" }] }],
  ...extra,
});

describe("Trigger CRUD against the emulator", () => {
  it("create, no-op diff, update by PUT, refresh after edit, out-of-band delete, delete", async () => {
    const { id, outs } = await h.create("Trigger", args());
    expect(outs).toMatchObject({ slug: "new_ticket", inputFields: [{ slug: "queue" }] });
    expect((await h.plan("Trigger", id, outs, args())).diff.changes).toBe(false);

    const { inputs, diff } = await h.plan("Trigger", id, outs, args({ pollingCode: "return [];" }));
    expect(diff.diffs).toEqual(["pollingCode"]);
    h.emulator.resetLog();
    const { outs: updated } = await h.runtime.update("Trigger", id, outs, inputs);
    expect(h.emulator.log.map((r) => r.method)).toEqual(["PUT"]);

    h.emulator.editTrigger(id, { description: "changed in the UI" });
    const refreshed = await h.runtime.read("Trigger", id, updated);
    expect((await h.plan("Trigger", id, refreshed.props!, args({ pollingCode: "return [];" }))).diff.diffs).toEqual(["description"]);

    await h.runtime.delete("Trigger", id, updated);
    expect(h.emulator.snapshot().triggers).toEqual([]);
    expect(await h.runtime.read("Trigger", id, updated)).toEqual({ id: "" });
  });

  it("a dropped create is never duplicated: the trigger that appeared is kept in the state (today's GET cannot show its polling code)", async () => {
    h.emulator.faults.dropAfterCommit({ match: { path: /triggers\/create$/ } });
    const error = await h.create("Trigger", args()).then(
      () => undefined,
      (e: Error) => e,
    );
    const [existing] = h.emulator.snapshot().triggers.map((t: { id: string }) => t.id);
    expect(h.emulator.snapshot().triggers).toHaveLength(1);
    expect(error?.message).toContain(`trigger ${existing} appeared meanwhile with that name`);
    expect(error?.message).toContain("so it is kept in the state: the next pulumi up makes it match the program.");
  });

  it("a dropped create is adopted, not duplicated, when the GET shows the whole trigger (seed-era answer)", async () => {
    const seed = await startRuntime({ integrationDetail: "full" });
    try {
      const parent = (await seed.create("Integration", { name: "Tickets" })).id;
      seed.emulator.faults.dropAfterCommit({ match: { path: /triggers\/create$/ } });
      const { id } = await seed.create("Trigger", args({ integrationId: parent }));
      expect(seed.emulator.snapshot().triggers.map((t: { id: string }) => t.id)).toEqual([id]);
    } finally {
      await seed.stop();
    }
  });
});
