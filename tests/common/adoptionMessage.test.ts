import { describeAdoption, showValue } from "../../provider/common/adoption";
import { integrationSpec } from "../../provider/integration/spec";
import { UNKNOWN } from "../../provider/common/unknown";

/** The adoption warning masks exactly the kind's declared secret inputs (spec.secretInputs), on both sides. */
describe("adoption warning: secrets by the kind's spec", () => {
  const id = "2b9f4c2e-6a55-4f0e-9a43-0d3c1f7e9b10";

  it("an integration's OAuth client secret is masked in the program's value and never read from Langdock", () => {
    const message = describeAdoption(
      "integration",
      "CRM",
      {
        id,
        changes: [
          {
            property: "oauthClient",
            old: { clientId: "old-client" },
            new: { clientId: "new-client", clientSecret: "s3cr3t-value" },
          },
          { property: "description", old: "Old", new: "New" },
        ],
      },
      integrationSpec.secretInputs,
    );
    expect(message).toBe(
      `adopting integration "CRM" (adoptId ${id}): the first pulumi up will change 2 properties in Langdock to match the program (set them in the program to keep Langdock's values): oauthClient: {"clientId":"old-client"} → {"clientId":"new-client","clientSecret":"[secret]"}; description: "Old" → "New".`,
    );
  });

  it("a secret top-level property is masked whole, also when Langdock does not return it", () => {
    const message = describeAdoption("thing", "T", { id, changes: [{ property: "token", old: undefined, new: "abc", unreadable: true }] }, [
      "token",
    ]);
    expect(message).toContain("token: (not returned by Langdock, cannot be compared) → [secret].");
    expect(message).not.toContain("abc");
  });

  it("masks the declared paths only, in list items too; unknowns and unset values keep their words", () => {
    expect(showValue([{ clientSecret: "x", key: "k" }], ["clientSecret"])).toBe('[{"clientSecret":"[secret]","key":"k"}]');
    expect(showValue({ clientSecret: "shown" }, [])).toBe('{"clientSecret":"shown"}');
    expect(showValue(UNKNOWN, [""])).toBe("(known after apply)");
    expect(showValue(undefined, [""])).toBe("(not set)");
  });
});
