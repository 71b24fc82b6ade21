import type * as pulumi from "@pulumi/pulumi";
import type { Action, Agent, Integration, Trigger } from "../../provider";
import type { ActionOutputs } from "../../provider/action/wire";
import type { AgentOutputs } from "../../provider/agent/wire";
import type { IntegrationOutputs } from "../../provider/integration/wire";
import type { TriggerOutputs } from "../../provider/trigger/wire";
import { outputNames } from "../../provider/resource";

/**
 * Outputs ↔ class parity: the output properties each public class declares are exactly the outputs its
 * wire module writes (less adoptId and unmanaged, which are inputs the state carries, not outputs a
 * program reads), and the list each class registers (`outputNames`) is exhaustive. A declared output
 * nothing writes, a written one the class hides or leaves unregistered, is a compile error.
 */
type Declared<C> = Exclude<{ [K in keyof C]-?: C[K] extends pulumi.Output<unknown> ? K : never }[keyof C], "id" | "urn">;
type Written<O> = Exclude<keyof O, "adoptId" | "unmanaged">;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const integration: Same<Declared<Integration>, Written<IntegrationOutputs>> = true;
export const action: Same<Declared<Action>, Written<ActionOutputs>> = true;
export const trigger: Same<Declared<Trigger>, Written<TriggerOutputs>> = true;
export const agent: Same<Declared<Agent>, Written<AgentOutputs>> = true;

// Each of these must NOT compile:
// @ts-expect-error an output the class declares but nothing writes
export const declaredOnly: Same<Declared<Integration> | "iconColor", Written<IntegrationOutputs>> = true;
// @ts-expect-error an output written but not declared on the class (an action's order on a trigger)
export const writtenOnly: Same<Declared<Trigger>, Written<TriggerOutputs> | "order"> = true;
const triggerNames = { integrationId: true, name: true, description: true, slug: true, pollingCode: true, inputFields: true } as const;
const { slug: _slug, ...withoutSlug } = triggerNames;
export const complete = outputNames<TriggerOutputs>(triggerNames);
// @ts-expect-error a class's output list that leaves one out (slug)
export const incomplete = outputNames<TriggerOutputs>(withoutSlug);
// @ts-expect-error a class's output list with a name nothing writes
export const extraName = outputNames<TriggerOutputs>({ ...triggerNames, order: true });
