import { execFileSync } from "child_process";
import * as path from "path";
import type * as pulumi from "@pulumi/pulumi";
import type { ActionArgs, AgentArgs, IntegrationArgs, TriggerArgs, InputFieldArgs } from "../../provider";
import type { ActionInputsSchema } from "../../provider/action/schema";
import type { AgentInputsSchema } from "../../provider/agent/schema";
import type { IntegrationInputsSchema } from "../../provider/integration/schema";
import type { TriggerInputsSchema } from "../../provider/trigger/schema";
import type { FileParity, Parity } from "./parity";

// Each public Args interface says exactly what its schema accepts. tsc checks these lines (see the test below).
// An integration's `icon` may be a FileAsset, which check turns into its path (as for the file kinds).
export const integration: FileParity<IntegrationArgs, typeof IntegrationInputsSchema> = true;
export const action: Parity<ActionArgs, typeof ActionInputsSchema> = true;
export const trigger: Parity<TriggerArgs, typeof TriggerInputsSchema> = true;
export const agent: Parity<AgentArgs, typeof AgentInputsSchema> = true;

// The check fails on each kind of mismatch (each line must NOT compile):
// @ts-expect-error a property the schema does not know
export const extraProperty: Parity<ActionArgs & { timeout?: pulumi.Input<number> }, typeof ActionInputsSchema> = true;
// @ts-expect-error a property the Args leave out (even an optional one)
export const missingProperty: Parity<Omit<AgentArgs, "canvas">, typeof AgentInputsSchema> = true;
// @ts-expect-error an enum widened to string
export const widerEnum: Parity<Omit<IntegrationArgs, "authType"> & { authType?: pulumi.Input<string> }, typeof IntegrationInputsSchema> =
  true;
// @ts-expect-error an optional property made required
export const requiredOptional: Parity<
  Omit<TriggerArgs, "pollingCode"> & { pollingCode: pulumi.Input<string> },
  typeof TriggerInputsSchema
> = true;
// @ts-expect-error a nested difference: the action's input fields (with contextActionId and more types) on a trigger
export const nested: Parity<
  Omit<TriggerArgs, "inputFields"> & { inputFields?: pulumi.Input<InputFieldArgs>[] },
  typeof TriggerInputsSchema
> = true;

describe("compile-time parity: Args ↔ schemas, requests ↔ the API, outputs ↔ classes", () => {
  it("type-checks: every pair in tests/types matches, and every deliberate mismatch there is a compile error", () => {
    const tsc = require.resolve("typescript/bin/tsc");
    const project = path.join(__dirname, "tsconfig.json");
    let output = "";
    try {
      execFileSync(process.execPath, [tsc, "-p", project], { encoding: "utf8", timeout: 120_000 });
    } catch (e) {
      const { stdout, stderr } = e as { stdout?: string; stderr?: string };
      output = `${stdout ?? ""}${stderr ?? ""}`;
    }
    expect(output).toBe("");
  });
});
