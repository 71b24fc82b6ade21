import { MultipartBody } from "./knowledge";
import type { Route, RouteRequest } from "./routes";
import type { SkillStore } from "./skills";
import type { ApiScope } from "./types";
import { badRequest } from "./httpError";
import { isUuid } from "./validation";

const SKILL_API: readonly ApiScope[] = ["SKILL_API"];

function route(method: string, pattern: string, handle: Route["handle"]): Route {
  return { method, segments: pattern.split("/").filter(Boolean), scopes: SKILL_API, handle };
}

function skillId({ params }: RouteRequest): string {
  if (!isUuid(params.skillId)) throw badRequest("Invalid skill ID format");
  return params.skillId;
}

/** The Skills API (skills.md); the literal `import` path precedes `/:skillId`. */
export function skillRoutes(skills: SkillStore): Route[] {
  return [
    route("GET", "/skills/v1", ({ query }) => {
      const { skills: page, nextCursor } = skills.list(query);
      return { status: 200, body: { skills: page.map((s) => skills.wire(s)), ...(nextCursor ? { nextCursor } : {}) } };
    }),
    route("POST", "/skills/v1", ({ body }) => ({ status: 201, body: { skill: skills.wire(skills.create(body)) } })),
    route("POST", "/skills/v1/import", ({ body }) => {
      if (!(body instanceof MultipartBody)) throw badRequest("Expected a multipart/form-data body with a file field");
      const file = body.files.file;
      const bytes = body.contents.file;
      return skills.import(body.fields, file && bytes ? { name: file.name, bytes } : undefined);
    }),
    route("GET", "/skills/v1/:skillId", (req) => ({ status: 200, body: { skill: skills.wire(skills.get(skillId(req))) } })),
    route("PATCH", "/skills/v1/:skillId", (req) => ({
      status: 200,
      body: { skill: skills.wire(skills.update(skillId(req), req.body)) },
    })),
    route("DELETE", "/skills/v1/:skillId", (req) => {
      skills.delete(skillId(req));
      return { status: 200, body: { success: true } };
    }),
  ];
}
