import {
  LangdockClient,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  RateLimitError,
  InternalServerError,
  APIConnectionError,
  APIConnectionTimeoutError,
  LangdockError,
  USER_AGENT,
} from "../../provider/client";
import { Cooldown } from "../../provider/client/retry";
import { startStub, type StubReply } from "../helpers/stubServer";
import { DEFAULT_SETTINGS } from "../../provider/config";

const KEY = "sk-ld-test-key-0123456789";
const INTEGRATION = { integration: { id: "11111111-1111-4111-8111-111111111111", name: "CRM", description: null } };

async function withStub(
  replies: StubReply[] | Parameters<typeof startStub>[0],
  run: (client: LangdockClient, stub: Awaited<ReturnType<typeof startStub>>) => Promise<void>,
  options: Partial<ConstructorParameters<typeof LangdockClient>[0]> = {},
) {
  const stub = await startStub(replies);
  try {
    await run(
      new LangdockClient({
        ...DEFAULT_SETTINGS,
        apiKey: KEY,
        baseUrl: stub.url,
        maxRetries: 3,
        cooldown: new Cooldown(),
        random: () => 0,
        ...options,
      }),
      stub,
    );
  } finally {
    await stub.close();
  }
}

describe("transport", () => {
  it("joins paths onto a base URL that has a path prefix, with Bearer auth and User-Agent", async () => {
    await withStub([{ status: 201, body: INTEGRATION }], async (_, stub) => {
      const client = new LangdockClient({ ...DEFAULT_SETTINGS, apiKey: KEY, baseUrl: `${stub.url}/api/public/`, cooldown: new Cooldown() });
      await client.createIntegration({ name: "CRM" });
      expect(stub.requests[0].url).toBe("/api/public/integrations/v1/create");
      expect(stub.requests[0].headers.authorization).toBe(`Bearer ${KEY}`);
      expect(stub.requests[0].headers["user-agent"]).toBe(USER_AGENT);
      expect(USER_AGENT).toMatch(/^pulumi-langdock\/\d+\.\d+\.\d+/);
      expect(JSON.parse(stub.requests[0].body)).toEqual({ name: "CRM" });
    });
  });

  it("tolerates unknown response fields and validates the rest", async () => {
    await withStub(
      [
        { status: 200, body: { integration: { ...INTEGRATION.integration, brandNew: 1 } } },
        { status: 200, body: { integration: { name: 5 } } },
      ],
      async (client) => {
        await expect(client.getIntegration(INTEGRATION.integration.id)).resolves.toMatchObject({ name: "CRM" });
        await expect(client.getIntegration(INTEGRATION.integration.id)).rejects.toThrow(
          /^Langdock answered GET \/integrations\/v1\/[0-9a-f-]+ with HTTP 200: unusable body \(integration\.id: /,
        );
      },
    );
  });

  it("fails without an API key, naming both ways to set one, before any request", async () => {
    await withStub([{ status: 200, body: {} }], async (_, stub) => {
      const client = new LangdockClient({ ...DEFAULT_SETTINGS, apiKey: "", baseUrl: stub.url });
      await expect(client.listModels()).rejects.toThrow(
        "No Langdock API key is configured: run `pulumi config set --secret langdock:apiKey <key>` or set the LANGDOCK_API_KEY environment variable.",
      );
      expect(stub.requests).toHaveLength(0);
    });
  });
});

describe("errors", () => {
  const cases: Array<[number, unknown, new (...args: never[]) => Error, RegExp]> = [
    [
      400,
      {
        message: [
          { path: ["inputFields", 2, "type"], message: "Invalid enum value" },
          { path: ["name"], message: "Required" },
        ],
      },
      BadRequestError,
      /HTTP 400: inputFields\[2\]\.type: Invalid enum value; name: Required — fix/,
    ],
    [400, { message: "Invalid integration ID" }, BadRequestError, /HTTP 400: Invalid integration ID/],
    [
      401,
      { error: { message: "Invalid API key", code: "unauthorized" } },
      AuthenticationError,
      /HTTP 401: Invalid API key \(code unauthorized\) — check that langdock:apiKey/,
    ],
    [403, { error: "Forbidden" }, PermissionDeniedError, /HTTP 403: Forbidden — give the API key the INTEGRATION_API scope/],
    [404, { errorMessage: "Integration not found" }, NotFoundError, /HTTP 404: Integration not found/],
    [409, { message: "Action with this name already exists" }, ConflictError, /HTTP 409: Action with this name already exists/],
    [500, "", InternalServerError, /HTTP 500 — Langdock had a server error/],
    [
      502,
      "<html><head><style>x{}</style></head><body><h1>502 Bad Gateway</h1></body></html>",
      InternalServerError,
      /HTTP 502: 502 Bad Gateway/,
    ],
  ];
  it.each(cases)("HTTP %i becomes a typed error with Langdock's message", async (status, body, Class, message) => {
    await withStub(
      [{ status, body }],
      async (client) => {
        const err = await client.createIntegration({ name: "x" }).catch((e) => e);
        expect(err).toBeInstanceOf(Class);
        expect(err).toBeInstanceOf(LangdockError);
        expect(err.status).toBe(status);
        expect(err.message).toMatch(message);
        expect(err.message).toMatch(/^Langdock rejected POST \/integrations\/v1\/create with HTTP \d+/);
      },
      { maxRetries: 0 },
    );
  });

  it("403 on an agent endpoint names the AGENT_API scope", async () => {
    await withStub([{ status: 403, body: { message: "Missing scope" } }], async (client) => {
      await expect(client.getAgent("a")).rejects.toThrow(/give the API key the AGENT_API scope/);
    });
  });

  it("never puts the API key in a message, even when Langdock echoes it", async () => {
    await withStub([{ status: 401, body: { message: `Key ${KEY} is revoked` } }], async (client) => {
      const err = await client.listModels().catch((e) => e);
      expect(err.message).not.toContain(KEY);
      expect(err.stack).not.toContain(KEY);
      expect(err.message).toContain("Key [secret] is revoked");
    });
  });

  it("an unreachable server is a connection error that says what to check", async () => {
    const client = new LangdockClient({
      ...DEFAULT_SETTINGS,
      apiKey: KEY,
      baseUrl: "http://127.0.0.1:1",
      maxRetries: 1,
      cooldown: new Cooldown(),
      random: () => 0,
    });
    const err = await client.listModels().catch((e) => e);
    expect(err).toBeInstanceOf(APIConnectionError);
    expect(err.message).toMatch(/^Langdock could not be reached for GET \/agent\/v1\/models: ECONNREFUSED.* — check langdock:baseUrl/);
  });

  it("a request that exceeds the timeout is a timeout error", async () => {
    await withStub(
      [{ status: 200, body: { data: [] }, delayMs: 1500 }],
      async (client) => {
        await expect(client.listModels()).rejects.toBeInstanceOf(APIConnectionTimeoutError);
      },
      { timeoutMs: 200, maxRetries: 0 },
    );
  });
});

describe("retries", () => {
  it("retries 429 honouring Retry-After seconds, then succeeds", async () => {
    await withStub(
      [
        { status: 429, body: {}, headers: { "Retry-After": "1" } },
        { status: 200, body: { data: [{ id: "gpt-4o" }] } },
      ],
      async (client, stub) => {
        await expect(client.listModels()).resolves.toEqual(["gpt-4o"]);
        expect(stub.requests).toHaveLength(2);
        expect(stub.requests[1].at - stub.requests[0].at).toBeGreaterThanOrEqual(950);
      },
    );
  });

  it("honours Retry-After given as an HTTP date", async () => {
    const date = () => new Date(Date.now() + 1500).toUTCString();
    await withStub(
      (_, i) => (i === 0 ? { status: 429, body: {}, headers: { "Retry-After": date() } } : { status: 200, body: { data: [] } }),
      async (client, stub) => {
        await client.listModels();
        expect(stub.requests[1].at - stub.requests[0].at).toBeGreaterThanOrEqual(400);
      },
    );
  });

  it("retries 502/503/504 and resets on idempotent calls", async () => {
    await withStub(
      [
        { status: 503, body: {} },
        { status: 502, body: {} },
        { status: 504, body: {} },
        { status: 200, body: INTEGRATION },
      ],
      async (client, stub) => {
        await client.getIntegration(INTEGRATION.integration.id);
        expect(stub.requests).toHaveLength(4);
      },
    );
  });

  it("gives up after maxRetries with the last error", async () => {
    await withStub(
      [{ status: 503, body: { message: "busy" } }],
      async (client, stub) => {
        await expect(client.getIntegration(INTEGRATION.integration.id)).rejects.toThrow(/HTTP 503: busy/);
        expect(stub.requests).toHaveLength(3);
      },
      { maxRetries: 2 },
    );
  });

  it("does not retry a 500 or a 400", async () => {
    await withStub([{ status: 500, body: {} }], async (client, stub) => {
      await expect(client.getIntegration(INTEGRATION.integration.id)).rejects.toBeInstanceOf(InternalServerError);
      expect(stub.requests).toHaveLength(1);
    });
  });

  it("retries a create only when Langdock certainly did not act on it (429, 503), never after a 500/502/504 or a dropped connection", async () => {
    await withStub(
      [
        { status: 429, body: {}, headers: { "Retry-After": "0" } },
        { status: 201, body: INTEGRATION },
      ],
      async (client, stub) => {
        await client.createIntegration({ name: "CRM" });
        expect(stub.requests).toHaveLength(2);
      },
    );
    await withStub(
      [
        { status: 503, body: {} },
        { status: 201, body: INTEGRATION },
      ],
      async (client, stub) => {
        await client.createIntegration({ name: "CRM" });
        expect(stub.requests).toHaveLength(2);
      },
    );
    for (const status of [500, 502, 504]) {
      await withStub([{ status, body: {} }], async (client, stub) => {
        await expect(client.createIntegration({ name: "CRM" })).rejects.toBeInstanceOf(InternalServerError);
        expect(stub.requests).toHaveLength(1);
      });
    }
    await withStub(["drop"], async (client, stub) => {
      await expect(client.createIntegration({ name: "CRM" })).rejects.toBeInstanceOf(APIConnectionError);
      expect(stub.requests).toHaveLength(1);
    });
  });

  it("retries an idempotent call after a dropped connection", async () => {
    await withStub(["drop", { status: 200, body: INTEGRATION }], async (client, stub) => {
      await client.getIntegration(INTEGRATION.integration.id);
      expect(stub.requests).toHaveLength(2);
    });
  });

  it("shares one cooldown: after a 429 other requests wait instead of hitting the limit", async () => {
    const cooldown = new Cooldown();
    await withStub(
      (_, i) => (i === 0 ? { status: 429, body: {}, headers: { "Retry-After": "1" } } : { status: 200, body: { data: [] } }),
      async (_, stub) => {
        const a = new LangdockClient({ ...DEFAULT_SETTINGS, apiKey: KEY, baseUrl: stub.url, cooldown, random: () => 0 });
        const b = new LangdockClient({ ...DEFAULT_SETTINGS, apiKey: KEY, baseUrl: stub.url, cooldown, random: () => 0 });
        const first = a.listModels();
        await new Promise((r) => setTimeout(r, 150));
        await Promise.all([first, b.listModels(), b.listModels()]);
        const [limited, ...rest] = stub.requests;
        expect(stub.requests).toHaveLength(4);
        for (const r of rest) expect(r.at - limited.at).toBeGreaterThanOrEqual(950);
      },
    );
  });

  it("stops retrying when the total retry time would pass its cap", async () => {
    await withStub(
      [{ status: 429, body: { message: "slow down" }, headers: { "Retry-After": "30" } }],
      async (client, stub) => {
        const started = Date.now();
        await expect(client.listModels()).rejects.toBeInstanceOf(RateLimitError);
        expect(Date.now() - started).toBeLessThan(2000);
        expect(stub.requests).toHaveLength(1);
      },
      { maxRetryTimeMs: 5000 },
    );
  });
});

describe("single-flight integration reads", () => {
  it("coalesces concurrent reads of one integration and never reuses a finished answer", async () => {
    await withStub([{ status: 200, body: INTEGRATION, delayMs: 100 }], async (client, stub) => {
      const id = INTEGRATION.integration.id;
      const results = await Promise.all([client.getIntegration(id), client.getIntegration(id), client.getIntegration(id)]);
      expect(stub.requests).toHaveLength(1);
      expect(results[0]).toBe(results[2]);
      await client.getIntegration(id);
      expect(stub.requests).toHaveLength(2);
    });
  });
});
