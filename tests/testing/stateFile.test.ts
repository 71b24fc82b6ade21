import { openState, sealState } from "../../provider/testing/stateFile";
import type { EngineState } from "../../provider/testing/engineTypes";

describe("sealState / openState", () => {
  const state: EngineState = {
    "urn:crm": {
      urn: "urn:crm",
      type: "pulumi-nodejs:dynamic/langdock:Integration",
      name: "crm",
      id: "i-1",
      inputs: { name: "CRM", oauthClient: { clientId: "c", clientSecret: "top-secret-value" } },
      outputs: { name: "CRM", oauthClient: { clientId: "c", clientSecret: "top-secret-value" }, token: "output-secret-value" },
      dependencies: [],
      secretPaths: ["oauthClient.clientSecret"],
      secretOutputs: ["token"],
    },
  };

  it("encrypts every secret value, leaves the rest readable, and opens back to the same state", () => {
    const sealed = JSON.stringify(sealState(state, "pass phrase"));
    expect(sealed).not.toContain("top-secret-value");
    expect(sealed).not.toContain("output-secret-value");
    expect(sealed).toContain('"clientId":"c"');
    const parsed = JSON.parse(sealed);
    expect(parsed.resources["urn:crm"].inputs.oauthClient.clientSecret).toEqual({ "[encrypted]": expect.any(String) });
    // The output is secret as a whole top-level property, as Pulumi marks outputs.
    expect(parsed.resources["urn:crm"].outputs.oauthClient).toEqual({ "[encrypted]": expect.any(String) });
    expect(openState(parsed, "pass phrase")).toEqual(state);
  });

  it("no passphrase (an unset variable) fails with one sentence saying what to set", () => {
    const unset = process.env.LD_TEST_UNSET_PASSPHRASE;
    expect(() => sealState({}, unset!)).toThrow(
      new Error(
        "sealState: the passphrase is not set; pass a non-empty string, e.g. set STATE_PASSPHRASE in the test's environment (a CI secret) and pass process.env.STATE_PASSPHRASE.",
      ),
    );
    expect(() => openState(sealState({}, "p"), "")).toThrow(
      new Error(
        "openState: the passphrase is empty; pass a non-empty string, e.g. set STATE_PASSPHRASE in the test's environment (a CI secret) and pass process.env.STATE_PASSPHRASE.",
      ),
    );
  });

  it("a wrong passphrase is a clear error", () => {
    const sealed = sealState(state, "right");
    expect(() => openState(sealed, "wrong")).toThrow("openState: the passphrase does not match the one the state was sealed with");
  });
});
