import type * as pulumi from "@pulumi/pulumi";
import type { ChildArgs, StoredInputField, TriggerInputFieldArgs } from "../child/args";
import { ChildResource } from "../child/resource";
import { outputNames, type Out } from "../resource";
import type { TriggerUnmanaged } from "./spec";
import { triggerSpec } from "./spec";
import type { TriggerOutputs } from "./wire";

export interface TriggerArgs extends ChildArgs {
  /** At most 90 characters. */
  description?: pulumi.Input<string>;
  /** JavaScript that polls for new events, at most 1,000 characters. */
  pollingCode?: pulumi.Input<string>;
  /** Fields users fill in when they set the trigger up (types TEXT through VECTOR); another trigger's `inputFields` output may be passed as is (its `slug` and `order` are ignored). */
  inputFields?: pulumi.Input<pulumi.Input<TriggerInputFieldArgs>[] | undefined>;
  /** Properties this program leaves as they are in Langdock, as for `ActionArgs.unmanaged`. */
  unmanaged?: pulumi.Input<pulumi.Input<TriggerUnmanaged>[]>;
}

/** A polling trigger on an integration. Delete removes it from Langdock. */
export class Trigger extends ChildResource {
  declare readonly pollingCode: Out<TriggerArgs["pollingCode"]>;
  declare readonly inputFields: Out<StoredInputField<TriggerInputFieldArgs>[] | undefined>;
  constructor(name: string, args: TriggerArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = outputNames<TriggerOutputs>({
      integrationId: true,
      name: true,
      description: true,
      slug: true,
      pollingCode: true,
      inputFields: true,
    });
    super("Trigger", triggerSpec, name, args, outputs, opts);
  }
}
