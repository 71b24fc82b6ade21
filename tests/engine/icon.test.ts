import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { engineError, startHarness, urnOf, type Harness } from "../helpers/engineHarness";

/**
 * `Integration.icon` through the real host: check hashes the file (no HTTP), a new or changed icon is
 * exactly one `PUT /integrations/v1/{id}/icon` (multipart field `icon`), an unchanged one costs no call,
 * and the state holds the sha256, never the bytes.
 */
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const png = (seed: number) => Buffer.from([...PNG_SIGNATURE, seed, seed + 1, seed + 2]);
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

describe("Integration.icon through the provider host", () => {
  let h: Harness;
  const file = (name: string, bytes: Buffer) => {
    fs.mkdirSync(path.join(h.dir, "icons"), { recursive: true });
    fs.writeFileSync(path.join(h.dir, "icons", name), bytes);
    return `icons/${name}`;
  };
  const iconCalls = () => h.emulator.log.filter((e) => e.path.endsWith("/icon")).map((e) => e.method);
  const writes = () => h.emulator.log.filter((e) => e.method !== "GET");
  const program = (icon: string | (() => unknown)) => () => {
    new h.langdock.Integration("crm", { name: "CRM", icon: typeof icon === "string" ? icon : (icon() as never) });
  };

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.stop());

  it("create uploads the icon once; an unchanged icon (even moved) costs no call; a changed one is exactly one upload", async () => {
    const first = png(1);
    const logo = file("logo.png", first);
    h.emulator.resetLog();
    await h.engine.up(program(logo));
    expect(iconCalls()).toEqual(["PUT"]);
    const upload = h.emulator.log.find((e) => e.path.endsWith("/icon"));
    expect(upload?.body).toEqual({
      fields: {},
      files: { icon: { name: "logo.png", type: "image/png", size: first.length, sha256: sha256(first) } },
    });
    const state = h.engine.state[urnOf("Integration", "crm")];
    expect(state.outputs).toMatchObject({ icon: logo, iconHash: sha256(first) });
    expect(JSON.stringify(state)).not.toContain(first.toString("base64"));

    h.emulator.resetLog();
    expect((await h.engine.preview(program(logo))).steps.map((s) => s.op)).toEqual(["same"]);
    expect((await h.engine.refresh()).steps.map((s) => s.op)).toEqual(["same"]);
    const moved = file("moved.png", first);
    expect((await h.engine.up(program(moved))).steps.map((s) => s.op)).toEqual(["same"]);
    expect(writes()).toEqual([]);

    const second = png(7);
    fs.writeFileSync(path.join(h.dir, logo), second);
    h.emulator.resetLog();
    const up = await h.engine.up(program(logo));
    // The engine lists the changed inputs (the path changed back too); the provider's reason is the content.
    expect(up.steps[0].op).toBe("update");
    expect(up.steps[0].diffs).toContain("iconHash");
    expect(writes().map((e) => `${e.method} ${e.path}`)).toEqual([`PUT /integrations/v1/${state.id}/icon`]);
    expect(h.emulator.snapshot().integrations[0].icon).toMatchObject({ sha256: sha256(second) });
  });

  it("a FileAsset is taken as its path", async () => {
    const logo = file("asset.png", png(7));
    h.emulator.resetLog();
    const up = await h.engine.up(program(() => new h.pulumi.asset.FileAsset(logo)));
    expect(up.steps.map((s) => s.op)).toEqual(["same"]);
    expect(writes()).toEqual([]);
  });

  it("check refuses other types, content that is not what its extension says, and icon together with iconUrl", async () => {
    const gif = file("logo.gif", Buffer.from("GIF89a"));
    const fake = file("fake.png", Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
    const { Integration } = h.langdock;
    const err = await engineError(
      h.engine.preview(() => {
        new Integration("gif", { name: "GIF", icon: gif });
        new Integration("fake", { name: "Fake", icon: fake });
        new Integration("both", { name: "Both", icon: file("ok.png", png(3)), iconUrl: "https://example.com/i.png" });
      }),
    );
    const reasons = Object.fromEntries(err.failures.map((f) => [f.urn.split("::").pop(), f.failures]));
    expect(reasons).toEqual({
      gif: [{ property: "icon", reason: `"${gif}": Langdock does not accept .gif files as an icon; supported: .png, .jpg, .jpeg, .webp` }],
      fake: [
        {
          property: "icon",
          reason: `"${fake}" is not a PNG image (its content does not match its extension); Langdock accepts PNG, JPEG and WebP icons`,
        },
      ],
      both: [{ property: "icon", reason: "and iconUrl both set the integration's icon: keep one of them" }],
    });
  });
});
