import { LangdockError, type LangdockErrorCode } from "./langdockError";

/** Where a skill's slug was found taken: Langdock's 409, or the fresh look after an interrupted create. */
export interface TakenSlug {
  slug: string;
  /** The existing skill's id. */
  id: string;
  after: "conflict" | "uncertain";
  /** How this program sets the slug, which decides the advice. */
  from: "slug" | "name" | "source";
}

const HOW = { conflict: "HTTP 409", uncertain: "found after an interrupted create" } as const;
const RENAME = {
  slug: "set another slug",
  name: "set slug (or another name)",
  source: "change the name in the SKILL.md",
} as const;

/** The skill holding the slug differs from the program: it is never overwritten. */
export class SlugDiffersError extends LangdockError {
  override readonly code: LangdockErrorCode = "slug_differs";
  constructor(
    readonly taken: TakenSlug,
    readonly fields: string[],
  ) {
    const what = fields.length > 0 ? fields.join(", ") : "its content";
    super(
      `slug: skill slug ${JSON.stringify(taken.slug)} is already taken in Langdock by skill ${taken.id}, which differs from this program in ${what} (${HOW[taken.after]}); ${RENAME[taken.from]}, delete that skill in Langdock, or set adoptId: "${taken.id}" to take it over.`,
    );
  }
}

/** The skill holding the slug is identical, but another resource of this program already manages it. */
export class SlugClaimedError extends LangdockError {
  override readonly code: LangdockErrorCode = "slug_claimed";
  constructor(readonly taken: TakenSlug) {
    super(
      `slug: another skill of this program already manages skill ${taken.id} (slug ${JSON.stringify(taken.slug)}); give each skill its own slug (${HOW[taken.after]}).`,
    );
  }
}

/** An import in upsert mode answered with another skill than the one this resource manages. */
export class ImportTargetError extends LangdockError {
  override readonly code: LangdockErrorCode = "slug_differs";
  constructor(
    readonly expectedId: string,
    readonly importedId: string,
    slug: string,
  ) {
    super(
      `source: Langdock's import (mode upsert, slug ${JSON.stringify(slug)}) updated skill ${importedId} instead of skill ${expectedId}, which this resource manages; check both in Langdock, delete the one you do not want, and run pulumi refresh, then pulumi up.`,
    );
  }
}
