import type { ACTION_PROPERTIES } from "../../provider/action/properties";
import type { AGENT_PROPERTIES } from "../../provider/agent/properties";
import type { INTEGRATION_PROPERTIES } from "../../provider/integration/properties";
import type { TRIGGER_PROPERTIES } from "../../provider/trigger/properties";
import type {
  ActionRequest,
  AgentRequest,
  IntegrationAuthRequest,
  TriggerRequest,
  UpdateIntegrationRequest,
} from "../../provider/client/requests";

/**
 * Table ↔ request parity: the properties a kind's table (`<kind>/properties.ts`) sends are exactly the
 * fields of the request type its body is built as (bodyOf names the type; nothing else checks it), and
 * every cleared value is a value that request field accepts. A property added to a table without its
 * request field, or a request field no table line sends, is a compile error.
 */
type Sent<R> = { [K in keyof R]: R[K] extends { notSent: true } ? never : K }[keyof R];
type SentWith<R, Call> = { [K in keyof R]: R[K] extends { sentWith: Call } ? K : never }[keyof R];
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** `readonly []` (a table's `cleared: []`) is a value any list field takes. */
type Widen<V> = V extends readonly [] ? never[] : V;
type ClearedFit<R, Request> = {
  [K in keyof R & keyof Request]-?: R[K] extends { cleared: infer V } ? ([Widen<V>] extends [Request[K]] ? true : false) : true;
}[keyof R & keyof Request];
type Fits<R, Keys, Request> = Same<Keys, keyof Request> extends true ? ([ClearedFit<R, Request>] extends [true] ? true : false) : false;

export const action: Fits<typeof ACTION_PROPERTIES, Sent<typeof ACTION_PROPERTIES>, ActionRequest> = true;
export const trigger: Fits<typeof TRIGGER_PROPERTIES, Sent<typeof TRIGGER_PROPERTIES>, TriggerRequest> = true;
export const agent: Fits<typeof AGENT_PROPERTIES, Sent<typeof AGENT_PROPERTIES>, AgentRequest> = true;
type Integration = typeof INTEGRATION_PROPERTIES;
export const details: Fits<Integration, SentWith<Integration, "details">, UpdateIntegrationRequest> = true;
export const auth: Fits<Integration, SentWith<Integration, "auth">, IntegrationAuthRequest> = true;

// Each of these must NOT compile:
// @ts-expect-error a table line the request type does not have
export const extraLine: Fits<typeof ACTION_PROPERTIES & { timeout: object }, Sent<typeof ACTION_PROPERTIES> | "timeout", ActionRequest> =
  true;
// @ts-expect-error a request field no table line sends
export const unsentField: Fits<typeof TRIGGER_PROPERTIES, Exclude<Sent<typeof TRIGGER_PROPERTIES>, "pollingCode">, TriggerRequest> = true;
// @ts-expect-error a cleared value the field does not accept (null where a string is required)
export const badCleared: Fits<
  Omit<Integration, "description"> & { description: { cleared: null } },
  SentWith<Integration, "details">,
  UpdateIntegrationRequest
> = true;
