import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  LangdockError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnusableResponseError,
  isOutcomeUnknown,
} from "../../provider/errors";
import { connectionError, errorFromResponse } from "../../provider/client/responseErrors";

const GET = { method: "GET", path: "/integrations/v1/abc" };
const POST = { method: "POST", path: "/integrations/v1/create" };

describe("APIError and the status classes", () => {
  it.each([
    [400, BadRequestError, "bad_request"],
    [401, AuthenticationError, "authentication"],
    [403, PermissionDeniedError, "permission_denied"],
    [404, NotFoundError, "not_found"],
    [409, ConflictError, "conflict"],
    [422, BadRequestError, "bad_request"],
    [429, RateLimitError, "rate_limit"],
    [500, InternalServerError, "internal_server"],
    [418, APIError, "api_error"],
  ] as const)("HTTP %i is %p with code %s", (status, Class, code) => {
    const err = errorFromResponse(status, { message: "nope" }, GET);
    expect(err).toBeInstanceOf(Class);
    expect(err).toBeInstanceOf(LangdockError);
    expect(err.code).toBe(code);
    expect(err.name).toBe(Class.name);
    expect(err.status).toBe(status);
    expect(err.apiMessage).toBe("nope");
  });

  it("writes one sentence: status, Langdock's field issues, and the advice", () => {
    const err = errorFromResponse(400, { message: [{ path: ["name"], message: "Too big" }] }, POST);
    expect(err.message).toBe(
      "Langdock rejected POST /integrations/v1/create with HTTP 400: name: Too big — fix the values named above in your program.",
    );
    expect(err.issues).toEqual([{ path: "name", message: "Too big" }]);
  });

  it("does not repeat the status when Langdock said nothing", () => {
    expect(errorFromResponse(503, "", GET).message).toBe(
      "Langdock rejected GET /integrations/v1/abc with HTTP 503 — Langdock is unavailable; run `pulumi up` again later.",
    );
  });

  it("a connection failure keeps the socket's error as its cause", () => {
    const socket = Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" });
    const err = connectionError("ECONNRESET: socket hang up", POST, false, socket);
    expect(err).toBeInstanceOf(APIConnectionError);
    expect(err.code).toBe("connection");
    expect(err.cause).toBe(socket);
    expect(err.status).toBeUndefined();
    expect(err.message).toBe(
      "Langdock could not be reached for POST /integrations/v1/create: ECONNRESET: socket hang up — check langdock:baseUrl and your network, then run `pulumi up` again; the provider reconciles anything the interrupted call created.",
    );
    const late = connectionError("ETIMEDOUT: no complete answer within 10 ms", POST, true);
    expect(late).toBeInstanceOf(APIConnectionTimeoutError);
    expect(late.code).toBe("connection_timeout");
  });

  it("an unusable 2xx keeps the id it carried", () => {
    const err = new UnusableResponseError(201, "not JSON", POST, "id-1");
    expect(err.code).toBe("unusable_response");
    expect(err.salvagedId).toBe("id-1");
    expect(err.message).toBe("Langdock answered POST /integrations/v1/create with HTTP 201: unusable body (not JSON).");
  });

  it("isOutcomeUnknown: a dropped connection, a 500 or an unusable answer, never a 503 or a 4xx", () => {
    expect(isOutcomeUnknown(connectionError("x", POST, false))).toBe(true);
    expect(isOutcomeUnknown(errorFromResponse(500, "", POST))).toBe(true);
    expect(isOutcomeUnknown(new UnusableResponseError(201, "empty", POST, undefined))).toBe(true);
    expect(isOutcomeUnknown(errorFromResponse(503, "", POST))).toBe(false);
    expect(isOutcomeUnknown(errorFromResponse(409, "", POST))).toBe(false);
  });
});

describe("Langdock's late-2026 error shapes", () => {
  it("403 INSUFFICIENT_SCOPES names every missing scope and where to add them, in one sentence", () => {
    const body = { error: "INSUFFICIENT_SCOPES", details: { missing: ["AGENT_API", "KNOWLEDGE_FOLDER_API"] } };
    const err = errorFromResponse(403, body, { method: "POST", path: "/agent/v1/create" });
    expect(err).toBeInstanceOf(PermissionDeniedError);
    expect(err.message).toBe(
      "Langdock rejected POST /agent/v1/create with HTTP 403: the API key lacks the scopes AGENT_API, KNOWLEDGE_FOLDER_API — add AGENT_API and KNOWLEDGE_FOLDER_API to the API key's scopes in its settings in Langdock (or use a key that has them).",
    );
  });

  it('{ type: "error", error: { type, message } } is read like the other shapes', () => {
    const body = { type: "error", error: { type: "invalid_request_error", message: "Unsupported icon type image/gif" } };
    const err = errorFromResponse(400, body, { method: "PUT", path: "/integrations/v1/abc/icon" });
    expect(err.apiMessage).toBe("Unsupported icon type image/gif");
    expect(err.message).toBe(
      "Langdock rejected PUT /integrations/v1/abc/icon with HTTP 400: Unsupported icon type image/gif — fix the values named above in your program.",
    );
  });
});
