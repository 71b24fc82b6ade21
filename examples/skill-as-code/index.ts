import { skillsAsCode } from "./program";

export const { triageSkillId, releaseNotesSkillId } = skillsAsCode();
