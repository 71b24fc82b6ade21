import { LangdockEmulator } from "../../provider/emulator";
import { getSkills } from "../../provider/skill/lookups";
import { createSkill } from "../../provider/client/skills";
import { LangdockClient } from "../../provider/client";
import { DEFAULT_SETTINGS } from "../../provider/config";

describe("getSkills", () => {
  let emulator: LangdockEmulator;
  let direct: { apiKey: string; baseUrl: string };
  beforeAll(async () => {
    emulator = await LangdockEmulator.start();
    direct = { apiKey: emulator.apiKey, baseUrl: emulator.url };
    const client = new LangdockClient({ ...DEFAULT_SETTINGS, ...direct });
    await createSkill(client, { name: "FAQ", description: "Answers product questions", instructions: "Answer." });
    for (let i = 0; i < 260; i++) await createSkill(client, { name: `Skill ${i}`, instructions: "x" });
  });
  afterAll(() => emulator.close());

  it("returns every skill, page by page, with the Skill resource's names", async () => {
    emulator.resetLog();
    const all = await getSkills({}, direct);
    expect(all).toHaveLength(261);
    expect(all[0]).toEqual({
      id: expect.any(String),
      name: "FAQ",
      slug: "faq",
      description: "Answers product questions",
      instructions: "Answer.",
      integrationIds: [],
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(emulator.log.map((e) => e.query.limit)).toEqual(["250", "250"]);
  });

  it("filters by slug and by Langdock's query", async () => {
    expect((await getSkills({ slug: "faq" }, direct)).map((s) => s.name)).toEqual(["FAQ"]);
    expect((await getSkills({ query: "product" }, direct)).map((s) => s.name)).toEqual(["FAQ"]);
    expect(await getSkills({ slug: "nope" }, direct)).toEqual([]);
  });

  it("fails with the client's error for a key without the SKILL_API scope", async () => {
    const limited = await LangdockEmulator.start({ scopes: ["AGENT_API"] });
    try {
      await expect(getSkills({}, { apiKey: limited.apiKey, baseUrl: limited.url })).rejects.toMatchObject({ status: 403 });
    } finally {
      await limited.close();
    }
  });
});
