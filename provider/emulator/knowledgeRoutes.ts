import { z } from "zod";
import { badRequest } from "./httpError";
import { MultipartBody, type KnowledgeStore } from "./knowledge";
import type { Route, RouteRequest } from "./routes";
import type { ApiScope } from "./types";
import { isUuid, validate } from "./validation";

const KNOWLEDGE_API: readonly ApiScope[] = ["KNOWLEDGE_FOLDER_API"];

/** Every knowledge endpoint answers 200 (docs/langdock-api.md). */
function route(method: string, pattern: string, scopes: readonly ApiScope[], handle: (req: RouteRequest) => unknown): Route {
  return { method, segments: pattern.split("/").filter(Boolean), scopes, handle: (req) => ({ status: 200, body: handle(req) }) };
}

function multipart(body: unknown): MultipartBody {
  if (!(body instanceof MultipartBody)) throw badRequest("Expected a multipart/form-data body with a file field");
  return body;
}

function folderIdOf(params: Record<string, string>): string {
  if (!isUuid(params.folderId)) throw badRequest("Invalid folder ID format");
  return params.folderId;
}

const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().optional(),
});
const deleteAttachmentBody = z.object({ attachmentId: z.string().refine(isUuid, "must be a UUID") });

/** The Knowledge Folder API and the Upload Attachment API (docs/langdock-api.md, "Knowledge bases and attachments"). */
export function knowledgeRoutes(knowledge: KnowledgeStore): Route[] {
  const success = (result: unknown) => ({ status: "success", result });
  return [
    route("GET", "/knowledge", KNOWLEDGE_API, ({ query }) => {
      const { limit, cursor } = validate(listQuery, query);
      return { status: "success", ...knowledge.listBases(limit, cursor) };
    }),
    route("GET", "/knowledge/:folderId/list", KNOWLEDGE_API, ({ params }) => {
      const folderId = folderIdOf(params);
      knowledge.base(folderId, false);
      return success(knowledge.filesOf(folderId).map((f) => knowledge.fileWire(f)));
    }),
    route("GET", "/knowledge/:folderId/:attachmentId", KNOWLEDGE_API, ({ params }) => {
      const folderId = folderIdOf(params);
      knowledge.base(folderId, false);
      return success(knowledge.fileWire(knowledge.file(folderId, params.attachmentId)));
    }),
    route("POST", "/knowledge/:folderId", KNOWLEDGE_API, ({ params, body }) => {
      const { fields, files } = multipart(body);
      return success(knowledge.fileWire(knowledge.upload(folderIdOf(params), files.file, fields.url)));
    }),
    route("PATCH", "/knowledge/:folderId", KNOWLEDGE_API, ({ params, body }) => {
      const { fields, files } = multipart(body);
      return success(knowledge.fileWire(knowledge.replace(folderIdOf(params), fields.attachmentId, files.file, fields.url)));
    }),
    route("DELETE", "/knowledge/:folderId/:attachmentId", KNOWLEDGE_API, ({ params }) => {
      knowledge.deleteFile(folderIdOf(params), params.attachmentId);
      return { status: "success", message: "Attachment deleted" };
    }),
    route("POST", "/attachment/v1/upload", KNOWLEDGE_API, ({ body }) => {
      const record = knowledge.uploadAttachment(multipart(body).files.file);
      return { attachmentId: record.id, file: { name: record.name, mimeType: record.mimeType, sizeInBytes: record.sizeInBytes } };
    }),
    route("DELETE", "/attachment/v1/delete", KNOWLEDGE_API, ({ body }) => {
      const { attachmentId } = validate(deleteAttachmentBody, body);
      knowledge.deleteAttachment(attachmentId);
      return { success: true, message: "Attachment deleted successfully", attachmentId };
    }),
  ];
}
