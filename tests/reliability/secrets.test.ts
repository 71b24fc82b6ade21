import { urnOf } from "../helpers/engineHarness";

import { stackProgram, tally, useStack } from "./kit";

/**
 * Issue 10 case 7: an API key holding `+ / = . ~ ! $ *`, echoed by a gateway as sent and URL-encoded.
 * The exact key is masked before any pattern runs, so no tail of it survives (`Bearer [secret]+dEf…`).
 */
jest.setTimeout(60_000);

const KEY = "sk-ld-Ab+dEf/GhI=jKlMnOpQ.rS~tU!vW$xY*z";
const TAIL = "+dEf/GhI=jKlMnOpQ";

const figures = tally("secrets");

describe("issue 10 case 7: a key with + / = . ~ ! $ * echoed back", () => {
  const s = useStack(figures, {
    emulator: { apiKey: KEY },
    needles: [
      ["key tail", TAIL],
      ["URL-encoded key", encodeURIComponent(KEY)],
    ],
  });

  it("the echoed Authorization header and the URL-encoded key are masked whole", async () => {
    s.emulator.faults.failNext({
      status: 400,
      body: JSON.stringify({ message: `bad request; headers: Authorization: Bearer ${KEY}; query: key=${encodeURIComponent(KEY)}` }),
      match: { method: "POST", path: "/integrations/v1/create" },
    });
    const err = await s.failing(s.up(() => ({ id: new s.h.langdock.Integration("echo", { name: "Echo" }).id })));
    expect(err.failures).toEqual([
      expect.objectContaining({
        urn: urnOf("Integration", "echo"),
        message:
          "Langdock rejected POST /integrations/v1/create with HTTP 400: bad request; headers: Authorization: Bearer [secret]; query: key=[secret] — fix the values named above in your program.",
      }),
    ]);
  });

  it("the whole stack works with that key, and nothing of it is printed anywhere", async () => {
    await s.up(stackProgram(s.h));
    s.expectConverged();
    await s.finish();
    expect(s.leaks).toEqual([]);
  });
});
