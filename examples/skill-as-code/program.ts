import { Integration, Skill } from "pulumi-langdock";

/**
 * Skills kept in git. `ticket-triage` is a folder: its SKILL.md (frontmatter `name` and `description`,
 * then the instructions) and the reference files it points to are imported together, and an unchanged
 * folder costs no call at the next `pulumi up`. `release-notes` is written inline and may use the
 * actions of the GitHub integration while it is active. The API key needs the SKILL_API scope (and
 * INTEGRATION_API for the integration).
 */
export function skillsAsCode() {
  const github = new Integration("github", { name: "GitHub", description: "Pull requests and releases" });

  const triage = new Skill("ticket-triage", { source: "skills/ticket-triage" });

  const releaseNotes = new Skill("release-notes", {
    name: "Release notes writer",
    slug: "release-notes",
    description: "Use when someone asks for release notes or a changelog for merged pull requests.",
    instructions: [
      "Read the merged pull requests with the GitHub actions.",
      "Group the changes by area, newest first, one line each, and link every pull request.",
    ].join("\n"),
    integrationIds: [github.id],
  });

  return { triageSkillId: triage.id, releaseNotesSkillId: releaseNotes.id };
}
