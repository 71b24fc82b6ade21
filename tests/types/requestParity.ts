import type { z } from "zod";
import type {
  ActionRequest,
  AgentRequest,
  CreateAgentRequest,
  CreateIntegrationRequest,
  IntegrationAuthRequest,
  TriggerRequest,
  UpdateIntegrationRequest,
} from "../../provider/client/requests";
import type {
  actionShape,
  agentPatch,
  createAgentBody,
  createIntegrationBody,
  triggerShape,
  updateAuthBody,
  updateIntegrationBody,
} from "../../provider/emulator/validation";

/**
 * Request ↔ API parity: every request body the client sends fits the emulator's transcription of the API
 * reference (provider/emulator/validation.ts), all the way down. A property the reference does not have
 * (at any depth), a wider type or a missing required property is a compile error. The two sides are
 * written independently, so each keeps the other honest.
 */
type Sendable<Request, Schema extends z.ZodType> = Fits<Request, z.input<Schema>>;

/** Each member of a union `A` must fit on its own (keyof a union is only the keys its members share). */
type Fits<A, B> = [A] extends [never] ? true : [FitsEach<A, B>] extends [true] ? true : false;
type FitsEach<A, B> = A extends unknown ? FitsOne<A, B> : never;

type FitsOne<A, B> = [A] extends [readonly (infer E)[]]
  ? [Extract<B, readonly unknown[]>] extends [never]
    ? false
    : [Extract<B, readonly unknown[]>] extends [readonly (infer F)[]]
      ? Fits<E, F>
      : false
  : [A] extends [object]
    ? ObjectFits<A, Exclude<Extract<B, object>, readonly unknown[]>>
    : [A] extends [B]
      ? true
      : false;

type ObjectFits<A, O> = [O] extends [never]
  ? false
  : [Exclude<keyof A, keyof O>] extends [never]
    ? { [K in keyof A]-?: Fits<Exclude<A[K], undefined>, Exclude<O[K & keyof O], undefined>> }[keyof A] extends true
      ? [A] extends [O]
        ? true
        : false
      : false
    : false;

export const createIntegration: Sendable<CreateIntegrationRequest, typeof createIntegrationBody> = true;
export const updateIntegration: Sendable<UpdateIntegrationRequest, typeof updateIntegrationBody> = true;
export const integrationAuth: Sendable<IntegrationAuthRequest, typeof updateAuthBody> = true;
export const action: Sendable<ActionRequest, typeof actionShape> = true;
export const trigger: Sendable<TriggerRequest, typeof triggerShape> = true;
export const createAgent: Sendable<CreateAgentRequest, typeof createAgentBody> = true;
export const updateAgent: Sendable<AgentRequest, typeof agentPatch> = true;

// Each of these must NOT compile:
// @ts-expect-error a property the API does not have
export const extraProperty: Sendable<ActionRequest & { timeout?: number }, typeof actionShape> = true;
// @ts-expect-error a nested property the API does not have (an action's contextActionId on a trigger's input field)
export const nestedExtra: Sendable<Omit<TriggerRequest, "inputFields"> & Pick<ActionRequest, "inputFields">, typeof triggerShape> = true;
// @ts-expect-error a wider type (any string for authType)
export const widerEnum: Sendable<Omit<IntegrationAuthRequest, "authType"> & { authType: string }, typeof updateAuthBody> = true;
// @ts-expect-error a union whose one member has a property the API does not have
export const unionMember: Sendable<ActionRequest | (ActionRequest & { timeout: number }), typeof actionShape> = true;
// @ts-expect-error a required property left optional (create needs a name)
export const optionalName: Sendable<AgentRequest, typeof createAgentBody> = true;
