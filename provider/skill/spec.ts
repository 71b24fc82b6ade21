import type { ResourceSpec } from "../common/spec";
import type { SkillInputs } from "./schema";

export const skillSpec = {
  noun: "skill",
  secretInputs: [],
  // Everything, the slug included, is updated in place (PATCH, or an import in upsert mode).
  replaceOnChanges: [],
} as const satisfies ResourceSpec<SkillInputs>;
