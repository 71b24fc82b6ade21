import { startHarness, urnOf, type Harness } from "../helpers/engineHarness";
import { WRITES } from "../knowledge/files";

/**
 * Issue 22 for skills (unique slugs), through the real host: a create Langdock commits but answers
 * unusably ends with the skill in the state (told apart from what held the slug before by id), and the
 * next up makes no second skill.
 */
jest.setTimeout(120_000);

const ANSWERS: Record<string, { body: string | ((real: unknown) => string); status?: number; contentType?: string }> = {
  "an HTML 200": { body: "<html><body>OK</body></html>", status: 200, contentType: "text/html" },
  "an empty 201": { body: "", status: 201 },
  "{}": { body: "{}" },
  "an envelope without id": { body: (real) => JSON.stringify({ skill: { ...(real as { skill: object }).skill, id: undefined } }) },
  "a numeric id": { body: (real) => JSON.stringify({ skill: { ...(real as { skill: object }).skill, id: 123 } }) },
};

describe("Skill: an uncertain create, per unusable answer", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.stop());

  const program = (slug: string) => () => ({
    id: new h.langdock.Skill("faq", {
      name: "FAQ",
      slug,
      description: "Answers product questions",
      instructions: "Answer from the handbook.",
    }).id,
  });
  const skills = (slug: string) => (h.emulator.snapshot().skills as Array<{ id: string; slug: string }>).filter((s) => s.slug === slug);

  it.each(Object.entries(ANSWERS).map(([answer, fault], i) => [answer, fault, `faq-${i}`] as const))(
    "%s: the skill that took the slug is adopted; the next up writes nothing",
    async (_answer, fault, slug) => {
      h.emulator.faults.garbleAfterCommit({ match: { method: "POST", path: "/skills/v1" }, ...fault });
      const up = await h.engine.up(program(slug));
      expect(h.emulator.faults.injected.garbleAfterCommit).toBe(1);
      expect(skills(slug)).toHaveLength(1);
      expect(up.outputs.id).toBe(skills(slug)[0]!.id);
      expect(h.engine.state[urnOf("Skill", "faq")]!.id).toBe(skills(slug)[0]!.id);
      expect(up.warnings.join("\n")).toContain(
        `was found in Langdock after an interrupted create (slug "${slug}"), identical to this program`,
      );
      h.emulator.faults.clear();
      h.emulator.resetLog();
      await h.engine.up(program(slug));
      expect(h.emulator.log.filter((e) => WRITES.test(e.method))).toEqual([]);
      expect(skills(slug)).toHaveLength(1);
      await h.engine.destroy();
      expect(skills(slug)).toHaveLength(0);
    },
  );
});
