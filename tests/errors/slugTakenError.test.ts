import { ImportTargetError, LangdockError, LocalFileError, SlugClaimedError, SlugDiffersError } from "../../provider/errors";

const taken = { slug: "faq", id: "s-1", after: "conflict" as const, from: "slug" as const };

describe("skill errors", () => {
  it("a slug held by a different skill: the advice follows how the program sets the slug", () => {
    const err = new SlugDiffersError(taken, ["instructions"]);
    expect(err).toBeInstanceOf(LangdockError);
    expect(err.code).toBe("slug_differs");
    expect(err.message).toBe(
      `slug: skill slug "faq" is already taken in Langdock by skill s-1, which differs from this program in instructions (HTTP 409); set another slug, delete that skill in Langdock, or set adoptId: "s-1" to take it over.`,
    );
    expect(new SlugDiffersError({ ...taken, from: "name", after: "uncertain" }, []).message).toBe(
      `slug: skill slug "faq" is already taken in Langdock by skill s-1, which differs from this program in its content (found after an interrupted create); set slug (or another name), delete that skill in Langdock, or set adoptId: "s-1" to take it over.`,
    );
    expect(new SlugDiffersError({ ...taken, from: "source" }, ["name"]).message).toContain("; change the name in the SKILL.md, ");
  });

  it("a slug held by a skill another resource of the program manages", () => {
    const err = new SlugClaimedError(taken);
    expect(err.code).toBe("slug_claimed");
    expect(err.message).toBe(
      'slug: another skill of this program already manages skill s-1 (slug "faq"); give each skill its own slug (HTTP 409).',
    );
  });

  it("an upsert that answered with another skill", () => {
    expect(new ImportTargetError("s-1", "s-2", "faq").message).toBe(
      `source: Langdock's import (mode upsert, slug "faq") updated skill s-2 instead of skill s-1, which this resource manages; check both in Langdock, delete the one you do not want, and run pulumi refresh, then pulumi up.`,
    );
  });

  it("a local file error names the input it came from", () => {
    expect(new LocalFileError("skills/faq", "changed while pulumi up was running.", undefined, "source").message).toBe(
      'source: "skills/faq" changed while pulumi up was running.',
    );
  });
});
