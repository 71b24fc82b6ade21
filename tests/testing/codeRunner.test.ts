import { CodeRunError, runAction, runTrigger, type RecordedRequest, type RequestRoute } from "../../provider/testing/codeRunner";

/** Resolves to the CodeRunError a run rejects with (and fails the test if it resolves). */
async function failure(run: Promise<unknown>): Promise<CodeRunError> {
  const err = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(CodeRunError);
  return err as CodeRunError;
}

describe("runAction: the code and its globals", () => {
  it("runs the code as an async function body: top-level await and return give the result", async () => {
    const { result } = await runAction("const n = await Promise.resolve(20);\nreturn { n: n + 1 };");
    expect(result).toEqual({ n: 21 });
  });

  it("passes input and auth as data.input / data.auth and as the older inputs / secrets", async () => {
    const { result } = await runAction("return [data.input.userId, data.auth.apiKey, inputs.userId, secrets.apiKey];", {
      input: { userId: "42" },
      auth: { apiKey: "k-1" },
    });
    expect(result).toEqual(["42", "k-1", "42", "k-1"]);
  });

  it("gives the code copies, so it cannot change the test's objects, in its own realm", async () => {
    const input = { tags: ["a"] };
    const { result } = await runAction("data.input.tags.push('b'); return data.input.tags instanceof Array;", { input });
    expect(result).toBe(true);
    expect(input.tags).toEqual(["a"]);
  });

  it("returns the result as JSON carries it, and undefined when nothing is returned", async () => {
    const { result } = await runAction("return { when: new Date(Date.UTC(2024, 0, 15)), gone: undefined };");
    expect(result).toEqual({ when: "2024-01-15T00:00:00.000Z" });
    expect(Object.keys(result as object)).toEqual(["when"]);
    expect((await runAction("const x = 1;")).result).toBeUndefined();
  });

  it("fails when the result cannot be sent as JSON", async () => {
    const err = await failure(runAction("const a = {}; a.self = a; return a;"));
    expect(err.reason).toBe("invalidResult");
    expect(err.message).toMatch(/^action code returned a value JSON cannot carry: .*circular/i);
  });

  it("offers URL, URLSearchParams, Buffer, btoa/atob and timers", async () => {
    const code = `
      const u = new URL("https://x.test/a"); u.searchParams.set("q", "1 2");
      const p = new URLSearchParams({ a: "b" }).toString();
      await new Promise((resolve) => setTimeout(resolve, 5));
      const t = setTimeout(() => { throw new Error("cleared timers must not fire"); }, 1); clearTimeout(t);
      return [u.toString(), p, Buffer.from("hi").toString("base64"), btoa("hi"), atob("aGk=")];`;
    expect((await runAction(code)).result).toEqual(["https://x.test/a?q=1+2", "a=b", "aGk=", "aGk=", "hi"]);
  });

  it("has no require, process or eval", async () => {
    expect((await failure(runAction("return require('fs');"))).message).toBe("require is not defined");
    expect((await failure(runAction("return process.env;"))).message).toBe("process is not defined");
    expect((await failure(runAction("return eval('1 + 1');"))).message).toMatch(/code generation from strings disallowed/i);
    expect((await failure(runAction("return new Function('return 1')();"))).message).toMatch(/code generation from strings disallowed/i);
  });

  it("captures console.* and ld.log into logs, formatted like console.log", async () => {
    const { logs } = await runAction("console.log('user', { id: 1 }); console.error('bad %d', 3); ld.log('done', [1]);");
    expect(logs).toEqual(["user { id: 1 }", "bad 3", "done [ 1 ]"]);
  });
});

describe("runAction: ld.request", () => {
  const USER = { id: "42", name: "Ada" };

  it("records method, URL with params, lower-cased headers and a JSON body; answers { status, headers, json, text }", async () => {
    const code = `
      const r = await ld.request({
        method: "post", url: "https://api.example.com/users",
        headers: { Authorization: "Bearer " + data.auth.apiKey },
        params: { expand: "teams", tag: ["a", "b"], skip: undefined },
        body: { name: "Ada" },
      });
      return { status: r.status, type: r.headers["content-type"], json: r.json, text: r.text };`;
    const { result, requests } = await runAction(code, {
      auth: { apiKey: "k-1" },
      requests: [{ match: "POST https://api.example.com/users", respond: { status: 201, json: USER } }],
    });
    expect(requests).toEqual<RecordedRequest[]>([
      {
        via: "ld.request",
        method: "POST",
        url: "https://api.example.com/users?expand=teams&tag=a&tag=b",
        headers: { authorization: "Bearer k-1", "content-type": "application/json" },
        body: '{"name":"Ada"}',
        json: { name: "Ada" },
      },
    ]);
    expect(result).toEqual({ status: 201, type: "application/json", json: USER, text: JSON.stringify(USER) });
  });

  it("defaults to GET and sends string bodies unchanged", async () => {
    const { requests } = await runAction(
      "await ld.request({ url: 'https://x.test/a' }); await ld.request({ method: 'PUT', url: 'https://x.test/b', body: 'raw' });",
      {
        requests: () => ({}),
      },
    );
    expect(requests.map((r) => [r.method, r.url, r.body])).toEqual([
      ["GET", "https://x.test/a", undefined],
      ["PUT", "https://x.test/b", "raw"],
    ]);
  });

  it("resolves a non-2xx answer (the code checks the status, as in Langdock)", async () => {
    const { result } = await runAction("const r = await ld.request({ url: 'https://x.test' }); return [r.status, r.json];", {
      requests: [{ match: "https://x.test", respond: { status: 404, json: { message: "no" } } }],
    });
    expect(result).toEqual([404, { message: "no" }]);
  });

  it("parses a text answer as JSON when it is JSON, and leaves json undefined otherwise", async () => {
    const { result } = await runAction(
      "const a = await ld.request({ url: 'https://x.test/a' }); const b = await ld.request({ url: 'https://x.test/b' }); return [a.json, b.json === undefined, b.text];",
      {
        requests: [
          { match: "https://x.test/a", respond: { text: '{"ok":true}' } },
          { match: "https://x.test/b", respond: { text: "<html>" } },
        ],
      },
    );
    expect(result).toEqual([{ ok: true }, true, "<html>"]);
  });

  it("answers responseType 'binary' with { status, headers, buffer, success }", async () => {
    const code =
      "const r = await ld.request({ url: 'https://x.test/f', responseType: 'binary' }); return [r.status, r.success, Array.from(new Uint8Array(r.buffer)), 'json' in r];";
    const { result } = await runAction(code, {
      requests: [{ match: "https://x.test/f", respond: { bytes: new Uint8Array([1, 2, 255]) } }],
    });
    expect(result).toEqual([200, true, [1, 2, 255], false]);
  });

  it("rejects a call without a url or with a relative one, as an Error the code can catch", async () => {
    const code = `
      const out = [];
      for (const options of [undefined, { url: "/users" }]) {
        try { await ld.request(options); } catch (e) { out.push(e instanceof Error, e.message); }
      }
      return out;`;
    expect((await runAction(code)).result).toEqual([
      true,
      "ld.request needs an options object with a url, e.g. ld.request({ method: 'GET', url: 'https://…' })",
      true,
      'ld.request: "/users" is not an absolute URL (such as "https://api.example.com/items")',
    ]);
  });

  it("fails clearly for the ld helpers it does not emulate, and checks ld.wait's range", async () => {
    expect((await failure(runAction("await ld.json2csv([]);"))).message).toBe(
      "ld.json2csv is not emulated by the local runner (only ld.request, ld.log and ld.wait are); test this code in Langdock",
    );
    expect((await failure(runAction("await ld.wait(30001);"))).message).toBe("ld.wait takes 0 to 30000 milliseconds, got 30001");
    await expect(runAction("await ld.wait(1); return 'waited';")).resolves.toMatchObject({ result: "waited" });
  });
});

describe("runAction: answering requests", () => {
  const run = (routes: RequestRoute[], url: string, method = "GET") =>
    runAction(`const r = await ld.request({ method: ${JSON.stringify(method)}, url: ${JSON.stringify(url)} }); return r.json;`, {
      requests: routes,
    });

  it("matches 'METHOD URL', a URL for any method, a query-less URL against a request with a query, RegExps and predicates", async () => {
    const routes: RequestRoute[] = [
      { match: "DELETE https://x.test/items/1", respond: { json: "delete" } },
      { match: "https://x.test/items/1", respond: { json: "any method" } },
      { match: "https://x.test/search", respond: { json: "search" } },
      { match: /^PATCH https:\/\/x\.test\/items\/\d+$/, respond: { json: "regexp" } },
      { match: (r) => r.url.endsWith("/echo"), respond: (r) => ({ json: r.method }) },
    ];
    expect((await run(routes, "https://x.test/items/1", "DELETE")).result).toBe("delete");
    expect((await run(routes, "https://x.test/items/1", "PUT")).result).toBe("any method");
    expect((await run(routes, "https://x.test/search?q=ada")).result).toBe("search");
    expect((await run(routes, "https://x.test/items/2", "PATCH")).result).toBe("regexp");
    expect((await run(routes, "https://x.test/echo", "POST")).result).toBe("POST");
  });

  it("fails the run for a request nothing answers, naming method and URL, even when the code catches it", async () => {
    const code = "try { await ld.request({ method: 'POST', url: 'https://x.test/tickets' }); } catch (e) { return 'swallowed'; }";
    const err = await failure(runAction(code, { requests: [{ match: "GET https://x.test/tickets", respond: {} }] }));
    expect(err.reason).toBe("unmatchedRequest");
    expect(err.message).toBe(
      "action code made a request no response was set up for: POST https://x.test/tickets; add it to the runner's `requests` option.",
    );
    expect(err.requests.map((r) => r.method)).toEqual(["POST"]);
  });

  it("fails a request when no `requests` option is given at all", async () => {
    const err = await failure(runAction("await fetch('https://x.test/a');"));
    expect(err.message).toBe(
      "action code made a request no response was set up for: GET https://x.test/a; add it to the runner's `requests` option.",
    );
  });

  it("lets a handler throw to simulate a network failure that the code sees", async () => {
    const { result } = await runAction(
      "try { await ld.request({ url: 'https://x.test' }); } catch (e) { return 'caught: ' + e.message; }",
      {
        requests: () => {
          throw new Error("ECONNREFUSED");
        },
      },
    );
    expect(result).toBe("caught: ECONNREFUSED");
  });
});

describe("runAction: fetch", () => {
  it("goes to the same handler and answers with a standard Response", async () => {
    const code = `
      const res = await fetch("https://x.test/users/" + inputs.userId, { headers: { Authorization: "Bearer " + secrets.API_TOKEN } });
      return { ok: res.ok, status: res.status, user: await res.json() };`;
    const { result, requests } = await runAction(code, {
      input: { userId: "7" },
      auth: { API_TOKEN: "t" },
      requests: [{ match: "GET https://x.test/users/7", respond: { json: { id: "7" } } }],
    });
    expect(result).toEqual({ ok: true, status: 200, user: { id: "7" } });
    expect(requests).toEqual([{ via: "fetch", method: "GET", url: "https://x.test/users/7", headers: { authorization: "Bearer t" } }]);
  });

  it("sends a plain object body as real fetch does ('[object Object]'), and JSON strings as given", async () => {
    const code = `
      await fetch("https://x.test/a", { method: "POST", body: { a: 1 } });
      await fetch("https://x.test/b", { method: "POST", body: JSON.stringify({ a: 1 }), headers: { "Content-Type": "application/json" } });`;
    const { requests } = await runAction(code, { requests: () => ({ status: 204 }) });
    expect(requests.map((r) => r.body)).toEqual(["[object Object]", '{"a":1}']);
    expect(requests[1].json).toEqual({ a: 1 });
  });
});

describe("runAction: failures", () => {
  it("rejects with the code's own message when it throws, keeping logs and requests so far", async () => {
    const code = "console.log('start'); await ld.request({ url: 'https://x.test' }); throw new Error('User 42 not found');";
    const err = await failure(runAction(code, { requests: () => ({}) }));
    expect(err.message).toBe("User 42 not found");
    expect(err.reason).toBe("threw");
    expect(err.logs).toEqual(["start"]);
    expect(err.requests).toHaveLength(1);
    expect((err.cause as Error).stack).toMatch(/action-code\.js:1/);
  });

  it("fails the run when a timer callback throws, instead of crashing the test process", async () => {
    const err = await failure(runAction("setTimeout(() => { throw new Error('late boom'); }, 1); await new Promise(() => {});"));
    expect(err.reason).toBe("threw");
    expect(err.message).toBe("late boom");
  });

  it("reports a thrown non-Error value as its string", async () => {
    expect((await failure(runAction("throw 'plain string';"))).message).toBe("plain string");
  });

  it("reports a syntax error with the code's own line number and the file name", async () => {
    const err = await failure(runAction("const a = 1;\nconst b = ;", { filename: "get-user.js" }));
    expect(err.reason).toBe("syntax");
    expect(err.message).toBe("action code has a syntax error: Unexpected token ';' at line 2.");
  });

  it("shows the code's line numbers and file name in stack traces", async () => {
    const err = await failure(runAction("const a = 1;\n\nthrow new Error('line 3');", { filename: "get-user.js" }));
    expect((err.cause as Error).stack).toContain("get-user.js:3");
  });

  it("times out code that awaits forever", async () => {
    const started = Date.now();
    const err = await failure(runAction("await new Promise(() => {});", { timeoutMs: 100 }));
    expect(err.reason).toBe("timeout");
    expect(err.message).toBe(
      "action code did not finish within 100 ms (timeoutMs); it may await a response that never comes or loop forever.",
    );
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("drops the code's pending timers when the run ends", async () => {
    jest.useFakeTimers({ doNotFake: ["nextTick", "setImmediate", "queueMicrotask"] });
    try {
      const pending = failure(runAction("setTimeout(() => {}, 60000); await new Promise(() => {});", { timeoutMs: 100 }));
      expect(jest.getTimerCount()).toBe(2); // the code's timer and the run's deadline
      await jest.advanceTimersByTimeAsync(100);
      expect((await pending).reason).toBe("timeout");
      expect(jest.getTimerCount()).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });

  it("times out a synchronous endless loop", async () => {
    const err = await failure(runAction("while (true) {}", { timeoutMs: 100 }));
    expect(err.reason).toBe("timeout");
  });

  it("defaults the timeout to 5 seconds", async () => {
    jest.useFakeTimers({ doNotFake: ["nextTick", "setImmediate", "queueMicrotask"] });
    try {
      const pending = failure(runAction("await new Promise(() => {});"));
      await jest.advanceTimersByTimeAsync(4_999);
      let settled = false;
      void pending.then(() => (settled = true));
      await Promise.resolve();
      expect(settled).toBe(false);
      await jest.advanceTimersByTimeAsync(1);
      expect((await pending).message).toMatch(/^action code did not finish within 5000 ms/);
    } finally {
      jest.useRealTimers();
    }
  });

  it("refuses requests that abandoned code makes after its run ended", async () => {
    const seen: string[] = [];
    const slowly = () => new Promise<{ status: number }>((resolve) => setTimeout(() => resolve({ status: 200 }), 50));
    const code =
      "(async () => { await ld.request({ url: 'https://x.test/slow' }); await ld.request({ url: 'https://x.test/late' }); })().catch(() => {}); return 'done';";
    const { result, requests } = await runAction(code, { requests: (r) => (seen.push(r.url), slowly()) });
    expect(result).toBe("done");
    await new Promise((r) => setTimeout(r, 100));
    expect(seen).toEqual(["https://x.test/slow"]);
    expect(requests.map((r) => r.url)).toEqual(["https://x.test/slow"]);
  });

  it("rejects code that is not a string, and a bad timeout", async () => {
    await expect(runAction(undefined as never)).rejects.toThrow(
      "action code must be a string (read a file with codeFromFile), got nothing.",
    );
    await expect(runAction("return 1;", { timeoutMs: 0 })).rejects.toThrow("timeoutMs must be a positive number of milliseconds, got 0.");
  });
});

describe("runTrigger", () => {
  const event = (id: unknown, timestamp: unknown = "2024-01-15T10:00:00Z", data: unknown = { n: 1 }) => ({ id, timestamp, data });
  const returning = (value: unknown) => runTrigger(`return ${JSON.stringify(value)};`);

  it("returns the events of valid polling code, with lastPollTime available", async () => {
    const { result } = await runTrigger("return [{ id: 'a', timestamp: lastPollTime, data: { since: lastPollTime } }];", {
      lastPollTime: "2024-01-15T09:00:00Z",
    });
    expect(result).toEqual([event("a", "2024-01-15T09:00:00Z", { since: "2024-01-15T09:00:00Z" })]);
    expect((await returning([])).result).toEqual([]);
  });

  it("declares lastPollTime even when it is not given", async () => {
    expect((await runTrigger("return typeof lastPollTime === 'undefined' ? [] : null;")).result).toEqual([]);
  });

  it.each([
    [{ tickets: [] }, "it returned an object"],
    [undefined, "it returned nothing"],
    [["x"], 'event 0 is string "x"'],
    [[event("")], "event 0 has no id (a unique string or number)"],
    [[event("a"), event("a")], 'events 0 and 1 share the id "a"; ids must be unique'],
    [[event(1, "yesterday")], 'event 0 has timestamp "yesterday", not an ISO date such as "2024-01-15T10:00:00Z"'],
    [[event(1, "2024-01-15T10:00:00Z", [1])], "event 0 has data an array, not an object"],
  ])("rejects a result Langdock cannot use: %j", async (value, problem) => {
    const err = await failure(returning(value));
    expect(err.reason).toBe("invalidResult");
    expect(err.message).toBe(`trigger polling code must return an array of { id, timestamp, data } events: ${problem}.`);
  });

  it("names trigger code in its errors", async () => {
    const err = await failure(runTrigger("await ld.request({ url: 'https://x.test' });"));
    expect(err.message).toMatch(/^trigger polling code made a request no response was set up for: GET https:\/\/x\.test\//);
  });
});
