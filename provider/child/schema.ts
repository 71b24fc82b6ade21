import type { z } from "zod";
import { strictObject, text, uuid, type Comparable, type ResourceSchema } from "../common/schema";
import { comparableOf, type PropertyRules } from "../common/properties";
import { unmanagedConflicts, unmanagedSchema } from "../unmanaged";
import { inputFieldRules } from "./inputFields";
import { movesToAnotherIntegration } from "./destructive";
import type { ChildResourceSpec } from "./spec";

/**
 * The inputs of an action or a trigger: the properties both have (in the order their errors list them),
 * with `own` between description and the input fields.
 */
export function childInputsSchema<S extends z.ZodRawShape, F extends z.ZodType, const U extends readonly [string, ...string[]]>(
  noun: "action" | "trigger",
  limits: { name: number; description: number },
  own: S,
  inputFields: F,
  unmanaged: U,
) {
  return strictObject({
    integrationId: uuid(`id of the integration this ${noun} belongs to`),
    name: text(limits.name, 1),
    description: text(limits.description).optional(),
    ...own,
    inputFields: inputFields.optional(),
    adoptId: uuid(`id of an existing ${noun} to take over`).optional(),
    unmanaged: unmanagedSchema(unmanaged),
  });
}

/** The check/diff half of an action or a trigger; `properties`: its table (action/properties.ts, trigger/properties.ts). */
export function childSchema<T extends Record<string, unknown>>(
  inputs: z.ZodType<T>,
  spec: ChildResourceSpec<T>,
  properties: PropertyRules,
): ResourceSchema<T> {
  return {
    inputs,
    comparable: comparableOf(properties) as Comparable<T>,
    crossField: (given) => [...inputFieldRules(given), ...unmanagedConflicts(given)],
    replaceOnChanges: spec.replaceOnChanges,
    serverItemKeys: { inputFields: ["slug", "order"] },
    destructive: movesToAnotherIntegration(spec),
  };
}
