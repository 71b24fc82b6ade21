import type { z } from "zod";
import { optionalText, strictObject, text, uuid, type Comparable, type ResourceSchema } from "../common/schema";
import { normalizeCode } from "../base/props";
import type { ResourceSpec } from "../common/spec";
import { unmanagedConflicts, unmanagedSchema } from "../unmanaged";
import { comparableInputFields, inputFieldRules } from "./inputFields";

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

/** The check/diff half of an action or a trigger; `code`: its code property, compared without trailing whitespace. */
export function childSchema<T extends Record<string, unknown>>(
  inputs: z.ZodType<T>,
  spec: ResourceSpec<T>,
  code: keyof T & string,
  own: Comparable<T> = {},
): ResourceSchema<T> {
  return {
    inputs,
    comparable: {
      description: optionalText,
      [code]: (v: unknown) => normalizeCode(v as string | undefined),
      ...own,
      inputFields: comparableInputFields,
      // Only consulted at create; changing it later changes nothing in Langdock.
      adoptId: () => undefined,
      unmanaged: () => undefined,
    },
    crossField: (given) => [...inputFieldRules(given), ...unmanagedConflicts(given)],
    replaceOnChanges: spec.replaceOnChanges,
    serverItemKeys: { inputFields: ["slug", "order"] },
  };
}
