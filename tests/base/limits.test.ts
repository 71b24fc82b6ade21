import { LIMITS, LIMIT_TABLE } from "../../provider/base/limits";
import { checkInputs, type ResourceSchema } from "../../provider/common/schema";
import { actionSchema } from "../../provider/action/schema";
import { agentSchema } from "../../provider/agent/schema";
import { integrationSchema } from "../../provider/integration/schema";
import { triggerSchema } from "../../provider/trigger/schema";
import { actionShape, createAgentBody, createIntegrationBody, triggerShape, updateAuthBody } from "../../provider/emulator/validation";
import type { z } from "zod";

/**
 * The one limits table against the emulator's independent transcription of Langdock's limits: at each
 * limit the provider's check passes AND the emulator (playing Langdock) accepts, so check never refuses
 * what Langdock accepts; one character more fails both. Every limit names its source.
 */
const INTEGRATION_ID = "11111111-1111-4111-8111-111111111111";
const s = (n: number) => "x".repeat(n);

type Case = [string, number, ResourceSchema, (v: string) => Record<string, unknown>, z.ZodType, (v: string) => Record<string, unknown>];
const CASES: Case[] = [
  ["integration name", LIMITS.integration.name, integrationSchema, (v) => ({ name: v }), createIntegrationBody, (v) => ({ name: v })],
  ["agent name", LIMITS.agent.name, agentSchema, (v) => ({ name: v }), createAgentBody, (v) => ({ name: v })],
  [
    "agent description",
    LIMITS.agent.description,
    agentSchema,
    (v) => ({ name: "a", description: v }),
    createAgentBody,
    (v) => ({ name: "a", description: v }),
  ],
  [
    "agent instruction",
    LIMITS.agent.instruction,
    agentSchema,
    (v) => ({ name: "a", instruction: v }),
    createAgentBody,
    (v) => ({ name: "a", instruction: v }),
  ],
  [
    "agent input field label",
    LIMITS.agentField.label,
    agentSchema,
    (v) => ({ name: "a", inputType: "STRUCTURED", inputFields: [{ slug: "f", type: "TEXT", label: v }] }),
    createAgentBody,
    (v) => ({ name: "a", inputFields: [{ slug: "f", type: "TEXT", label: v, order: 0 }] }),
  ],
  [
    "agent input field slug",
    LIMITS.agentField.slug,
    agentSchema,
    (v) => ({ name: "a", inputType: "STRUCTURED", inputFields: [{ slug: v, type: "TEXT", label: "F" }] }),
    createAgentBody,
    (v) => ({ name: "a", inputFields: [{ slug: v, type: "TEXT", label: "F", order: 0 }] }),
  ],
  [
    "action code",
    LIMITS.action.code,
    actionSchema,
    (v) => ({ integrationId: INTEGRATION_ID, name: "a", code: v }),
    actionShape,
    (v) => ({ name: "a", code: v }),
  ],
  [
    "trigger polling code",
    LIMITS.trigger.pollingCode,
    triggerSchema,
    (v) => ({ integrationId: INTEGRATION_ID, name: "a", pollingCode: v }),
    triggerShape,
    (v) => ({ name: "a", pollingCode: v }),
  ],
  [
    "OAuth client id",
    LIMITS.oauthClient.clientId,
    integrationSchema,
    (v) => ({ name: "a", authType: "OAUTH", oauthClient: { clientId: v, clientSecret: "s" } }),
    updateAuthBody,
    (v) => ({ authType: "OAUTH", oauthClient: { clientId: v, clientSecret: "s" } }),
  ],
];

describe("the limits table", () => {
  it.each(CASES)("%s: at %i both check and the emulator accept; one more fails both", (_what, limit, schema, inputs, api, body) => {
    expect(checkInputs(schema, inputs(s(limit))).failures).toEqual([]);
    expect(api.safeParse(body(s(limit))).success).toBe(true);
    expect(checkInputs(schema, inputs(s(limit + 1))).failures).not.toEqual([]);
    expect(api.safeParse(body(s(limit + 1))).success).toBe(false);
  });

  it("names a source for every limit", () => {
    for (const [group, limits] of Object.entries(LIMIT_TABLE)) {
      for (const [key, [value, source]] of Object.entries(limits)) {
        expect([`${group}.${key}`, typeof value, source.length > 0]).toEqual([`${group}.${key}`, "number", true]);
        expect((LIMITS as Record<string, Record<string, number>>)[group][key]).toBe(value);
      }
    }
  });
});
