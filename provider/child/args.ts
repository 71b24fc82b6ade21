import type * as pulumi from "@pulumi/pulumi";
import type { ActionFieldType, TriggerFieldType } from "./fieldTypes";

/** An option of a SELECT input field. */
export interface SelectOption {
  /** Text shown in the dropdown (1–100 characters). */
  label: string;
  /** Value passed to the code (1–200 characters). */
  value: string;
}

/** A field the user (or the agent) fills in when an action runs. */
export interface InputFieldArgs {
  /** Field label, 1–100 characters. Langdock derives the field's `slug` (the key in `data.input`) from it. */
  label: pulumi.Input<string>;
  /** Field type; default `"TEXT"`. */
  type?: pulumi.Input<ActionFieldType>;
  /** Help text, at most 500 characters. */
  description?: pulumi.Input<string>;
  /** Placeholder, at most 200 characters. */
  placeholder?: pulumi.Input<string>;
  /** Whether a value is required; default `false`. */
  required?: pulumi.Input<boolean>;
  /** Choices of a SELECT field (only with `type: "SELECT"`); their order is not significant for diffs. */
  options?: pulumi.Input<pulumi.Input<SelectOption>[]>;
  /** Whether several options may be chosen (only with `type: "SELECT"`). */
  allowMultiSelect?: pulumi.Input<boolean>;
  /** Id of an action that supplies this field's options dynamically. */
  contextActionId?: pulumi.Input<string>;
  /**
   * The JSON Schema of an OBJECT field's value, as JSON text (e.g. `JSON.stringify({ type: "object", … })`);
   * compared as JSON, so whitespace and key order do not matter. Langdock's answers do not return it, so it
   * is compared with the state only: a change made in Langdock's web app is not seen.
   */
  jsonSchema?: pulumi.Input<string>;
  /** Set by Langdock (present on `inputFields` outputs); accepted and ignored, never sent. */
  slug?: pulumi.Input<string>;
  /** Set by Langdock (present on `inputFields` outputs); accepted and ignored, never sent. */
  order?: pulumi.Input<number>;
}

/** A field users fill in when they set a trigger up: the types TEXT through VECTOR, no `contextActionId` or `jsonSchema`. */
export interface TriggerInputFieldArgs extends Omit<InputFieldArgs, "type" | "contextActionId" | "jsonSchema"> {
  /** Field type; default `"TEXT"`. */
  type?: pulumi.Input<TriggerFieldType>;
}

/** An input field as stored in outputs: the inputs plus Langdock's `slug` and `order`. */
export type StoredInputField<F = InputFieldArgs> = pulumi.Unwrap<F> & { slug: string; order: number };

/** What an action's and a trigger's Args share. */
export interface ChildArgs {
  /** Id of the integration it belongs to. Changing it replaces the action or trigger: Langdock cannot move one. */
  integrationId: pulumi.Input<string>;
  /** Name, 1–100 characters, unique within the integration. */
  name: pulumi.Input<string>;
  /** Take over this existing action or trigger of the integration instead of creating one. Changing it later has no effect. */
  adoptId?: pulumi.Input<string>;
}
