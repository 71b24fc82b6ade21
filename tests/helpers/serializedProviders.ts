import type * as PulumiModule from "@pulumi/pulumi";
import type * as LangdockModule from "../../provider";
import { requireInstalled } from "../../tooling/installPackage";

export const KINDS = ["Integration", "Action", "Trigger", "Agent"] as const;
export type Kind = (typeof KINDS)[number];

/**
 * The `__provider` text of each resource kind, from the real closure serialization (under mocks) of the
 * package as installPackage installs it. Call once per test file: it installs process-wide mocks.
 */
export async function serializedProviders(): Promise<Record<Kind, string>> {
  const pulumi = requireInstalled<typeof PulumiModule>("@pulumi/pulumi");
  const langdock = requireInstalled<typeof LangdockModule>("pulumi-langdock");
  const serialized: Partial<Record<Kind, string>> = {};
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        serialized[args.type.split(":").pop() as Kind] = args.inputs.__provider;
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
  return serialized as Record<Kind, string>;
}
