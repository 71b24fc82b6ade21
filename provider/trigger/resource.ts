import type * as pulumi from "@pulumi/pulumi";
import type { StoredInputField, TriggerInputFieldArgs } from "../child/args";
import { LangdockResource, type Out } from "../resource";
import type { TriggerUnmanaged } from "./spec";
import { triggerSpec } from "./spec";

export interface TriggerArgs {
  /** Id of the integration the trigger belongs to. Changing it replaces the trigger. */
  integrationId: pulumi.Input<string>;
  /** Trigger name, 1–100 characters, unique within the integration. */
  name: pulumi.Input<string>;
  /** At most 90 characters. */
  description?: pulumi.Input<string>;
  /** JavaScript that polls for new events, at most 1,000 characters. */
  pollingCode?: pulumi.Input<string>;
  /** Fields users fill in when they set the trigger up (types TEXT through VECTOR). */
  /** Another trigger's `inputFields` output may be passed as is (its `slug` and `order` are ignored). */
  inputFields?: pulumi.Input<pulumi.Input<TriggerInputFieldArgs>[] | undefined>;
  /** Take over this existing trigger of the integration instead of creating one. Changing it later has no effect. */
  adoptId?: pulumi.Input<string>;
  /** Properties this program leaves as they are in Langdock, as for `ActionArgs.unmanaged`. */
  unmanaged?: pulumi.Input<pulumi.Input<TriggerUnmanaged>[]>;
}

/** A polling trigger on an integration. Delete removes it from Langdock. */
export class Trigger extends LangdockResource {
  declare readonly integrationId: Out<TriggerArgs["integrationId"]>;
  declare readonly name: Out<TriggerArgs["name"]>;
  declare readonly description: Out<TriggerArgs["description"]>;
  declare readonly pollingCode: Out<TriggerArgs["pollingCode"]>;
  declare readonly inputFields: Out<StoredInputField<TriggerInputFieldArgs>[] | undefined>;
  /** Server-generated identifier derived from the name. */
  declare readonly slug: Out<string>;
  constructor(name: string, args: TriggerArgs, opts?: pulumi.CustomResourceOptions) {
    super("Trigger", triggerSpec, name, args, ["description", "pollingCode", "inputFields", "slug"], opts);
  }
}
