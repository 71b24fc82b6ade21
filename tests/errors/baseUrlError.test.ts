import { BaseUrlError, LangdockError } from "../../provider/errors";

describe("BaseUrlError", () => {
  it("names the request, what answered, and the base URL without credentials", () => {
    const err = new BaseUrlError(404, { method: "GET", path: "/agent/v1/models" }, "with an HTML page", "https://user:pw@example.com/api/");
    expect(err).toBeInstanceOf(LangdockError);
    expect(err.code).toBe("base_url");
    expect(err.status).toBe(404);
    expect(err.message).toBe(
      "Langdock's API did not answer GET /agent/v1/models: HTTP 404 with an HTML page, so langdock:baseUrl (https://example.com/api) does not point at Langdock's public API; set it to https://api.langdock.com or https://<deployment>/api/public.",
    );
  });
});
