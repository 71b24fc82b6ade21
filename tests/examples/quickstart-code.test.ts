import * as path from "node:path";
import { codeFromFile } from "../../provider/code";
import { CodeRunError, runAction, runTrigger } from "../../provider/testing/codeRunner";

/** The quick start's code, read the way its Pulumi program reads it (which also checks length and syntax). */
const QUICKSTART = path.join(__dirname, "../../examples/quickstart");
const getUser = codeFromFile("./actions/get-user.js", { baseDir: QUICKSTART });
const createTicket = codeFromFile("./actions/create-ticket.js", { baseDir: QUICKSTART });
const newTickets = codeFromFile("./triggers/new-tickets.js", { baseDir: QUICKSTART, kind: "trigger" });

const API = "https://internal.example.com/api";
const auth = { apiKey: "test-api-key" };

describe("actions/get-user.js", () => {
  const ada = { id: "u 42", name: "Ada Lovelace", email: "ada@example.com" };

  it("GETs the user with the connection's API key and returns the API's JSON", async () => {
    const { result, requests } = await runAction(getUser, {
      input: { user: " u 42 " },
      auth,
      requests: [{ match: `GET ${API}/users/u%2042`, respond: { json: ada } }],
    });
    expect(result).toEqual(ada);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: "GET", url: `${API}/users/u%2042`, headers: { authorization: "Bearer test-api-key" } });
  });

  it("turns a 404 into a message the agent can relay", async () => {
    const run = runAction(getUser, {
      input: { user: "7" },
      auth,
      requests: [{ match: `${API}/users/7`, respond: { status: 404, json: { message: "not found" } } }],
    });
    await expect(run).rejects.toMatchObject({ reason: "threw", message: "No user with id 7 exists." });
  });

  it("reports other error statuses with the status", async () => {
    const run = runAction(getUser, {
      input: { user: "7" },
      auth,
      requests: [{ match: `${API}/users/7`, respond: { status: 503, text: "unavailable" } }],
    });
    await expect(run).rejects.toMatchObject({ reason: "threw", message: "The user API answered HTTP 503 for user 7." });
  });

  it("asks for the user id before calling the API", async () => {
    const err: CodeRunError = await runAction(getUser, { input: { user: "  " }, auth }).catch((e) => e);
    expect(err.message).toBe("User ID is required.");
    expect(err.requests).toEqual([]);
  });
});

describe("actions/create-ticket.js", () => {
  it("POSTs title and priority as JSON with the API key and returns the new ticket's id", async () => {
    const { result, requests } = await runAction(createTicket, {
      input: { title: "  Printer on fire ", priority: "high" },
      auth,
      requests: [{ match: `POST ${API}/tickets`, respond: { status: 201, json: { id: "T-1001", title: "Printer on fire" } } }],
    });
    expect(result).toEqual({ ticketId: "T-1001" });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      method: "POST",
      url: `${API}/tickets`,
      headers: { authorization: "Bearer test-api-key", "content-type": "application/json" },
      json: { title: "Printer on fire", priority: "high" },
    });
  });

  it("defaults the priority to medium", async () => {
    const { requests } = await runAction(createTicket, {
      input: { title: "Broken link" },
      auth,
      requests: [{ match: `POST ${API}/tickets`, respond: { status: 201, json: { id: "T-1" } } }],
    });
    expect(requests[0].json).toEqual({ title: "Broken link", priority: "medium" });
  });

  it("rejects a priority outside the SELECT's options without calling the API", async () => {
    const err: CodeRunError = await runAction(createTicket, { input: { title: "x", priority: "urgent" }, auth }).catch((e) => e);
    expect(err.message).toBe('Priority must be one of low, medium, high; got "urgent".');
    expect(err.requests).toEqual([]);
  });

  it("passes the API's error message on when the ticket is refused", async () => {
    const run = runAction(createTicket, {
      input: { title: "x", priority: "low" },
      auth,
      requests: [{ match: `POST ${API}/tickets`, respond: { status: 422, json: { message: "title too short" } } }],
    });
    await expect(run).rejects.toMatchObject({ reason: "threw", message: "Creating the ticket failed with HTTP 422: title too short." });
  });
});

describe("triggers/new-tickets.js", () => {
  it("fits Langdock's 1,000-character limit for polling code", () => {
    expect(newTickets.length).toBeLessThanOrEqual(1_000);
  });

  it("asks for tickets of the last hour and returns them as { id, timestamp, data } events", async () => {
    const before = Date.now();
    const { result, requests } = await runTrigger(newTickets, {
      auth,
      requests: [
        {
          match: `GET ${API}/tickets`,
          respond: {
            json: {
              tickets: [
                { id: 1001, title: "Printer on fire", priority: "high", createdAt: "2024-01-15T10:00:00Z", assignee: "bob" },
                { id: 1002, title: "Broken link", priority: "low", createdAt: "2024-01-15T10:05:00Z" },
              ],
            },
          },
        },
      ],
    });
    expect(result).toEqual([
      { id: "1001", timestamp: "2024-01-15T10:00:00Z", data: { title: "Printer on fire", priority: "high" } },
      { id: "1002", timestamp: "2024-01-15T10:05:00Z", data: { title: "Broken link", priority: "low" } },
    ]);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: "GET", headers: { authorization: "Bearer test-api-key" } });
    const url = new URL(requests[0].url);
    expect(url.origin + url.pathname).toBe(`${API}/tickets`);
    const since = Date.parse(url.searchParams.get("createdAfter") ?? "");
    expect(before - since).toBeGreaterThanOrEqual(60 * 60 * 1000 - 1_000);
    expect(before - since).toBeLessThanOrEqual(60 * 60 * 1000 + 1_000);
  });

  it("returns no events when there are no new tickets", async () => {
    const { result } = await runTrigger(newTickets, {
      auth,
      requests: [{ match: `GET ${API}/tickets`, respond: { json: { tickets: [] } } }],
    });
    expect(result).toEqual([]);
  });

  it("fails the poll on an error status instead of reporting zero tickets", async () => {
    const run = runTrigger(newTickets, {
      auth,
      requests: [{ match: `GET ${API}/tickets`, respond: { status: 401, json: { message: "bad key" } } }],
    });
    await expect(run).rejects.toMatchObject({ reason: "threw", message: "Listing tickets failed: HTTP 401" });
  });
});
