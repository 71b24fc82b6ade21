import type * as PulumiModule from "@pulumi/pulumi";
import type * as LangdockModule from "../../provider";
import { installPackage, requireInstalled } from "../helpers/installPackage";

/**
 * What Pulumi stores in every resource's state as `__provider`: the real closure serialization of
 * the provider object, from the package as users install it (a real copy under node_modules). It
 * must be a tiny `require("pulumi-langdock/shells/<kind>")`, not the provider's code by value.
 */
const KINDS = ["Integration", "Action", "Trigger", "Agent"] as const;
const MAX_BYTES = 2048;

describe("serialized __provider of the installed package", () => {
  let serialized: Record<string, string>;

  beforeAll(async () => {
    installPackage();
    const pulumi = requireInstalled<typeof PulumiModule>("@pulumi/pulumi");
    const langdock = requireInstalled<typeof LangdockModule>("pulumi-langdock");
    serialized = {};
    await pulumi.runtime.setMocks(
      {
        newResource: (args) => {
          serialized[args.type.split(":").pop()!] = args.inputs.__provider;
          return { id: `${args.name}-id`, state: {} };
        },
        call: () => ({}),
      },
      "project",
      "stack",
      false,
    );
    new langdock.Integration("i", { name: "Integration" });
    new langdock.Action("a", { integrationId: "i-id", name: "Action" });
    new langdock.Trigger("t", { integrationId: "i-id", name: "Trigger" });
    new langdock.Agent("g", { name: "Agent" });
    await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
  });

  it.each(KINDS)("%s is a require() of its shell, at most 2 KiB", (kind) => {
    const text = serialized[kind];
    expect(typeof text).toBe("string");
    const bytes = Buffer.byteLength(text);
    // Printed so size regressions are visible in the test output.
    console.log(`__provider of ${kind}: ${bytes} bytes`);
    expect(text).toContain(`require("pulumi-langdock/shells/${kind.toLowerCase()}")`);
    expect(bytes).toBeLessThanOrEqual(MAX_BYTES);
    // Nothing of the implementation travels by value.
    expect(text).not.toContain("axios");
    expect(text).not.toContain("pulumi-langdock/runtime");
  });
});
