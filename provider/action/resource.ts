import type * as pulumi from "@pulumi/pulumi";
import type { ChildArgs, InputFieldArgs, StoredInputField } from "../child/args";
import { ChildResource } from "../child/resource";
import { outputNames, type Out } from "../resource";
import type { ActionUnmanaged } from "./spec";
import { actionSpec } from "./spec";
import type { ActionOutputs } from "./wire";

export interface ActionArgs extends ChildArgs {
  /** At most 1,000 characters; agents read it to decide when to call the action. */
  description?: pulumi.Input<string>;
  /** JavaScript run in Langdock's sandbox, at most 150,000 characters (some deployments accept 40,000; see `codeFromFile`). Trailing whitespace is not significant. */
  code?: pulumi.Input<string>;
  /** Whether users confirm each run; default `false`. */
  requiresConfirmation?: pulumi.Input<boolean>;
  /** Fields the agent fills in when it calls the action; another action's `inputFields` output may be passed as is (its `slug` and `order` are ignored). */
  inputFields?: pulumi.Input<pulumi.Input<InputFieldArgs>[] | undefined>;
  /**
   * Properties this program leaves as they are in Langdock (what `pulumi-langdock export` could not read):
   * never compared, never cleared. Code is kept by omitting it; an update resends the others as Langdock
   * reports them, and fails without writing when Langdock's answer does not include them.
   */
  unmanaged?: pulumi.Input<pulumi.Input<ActionUnmanaged>[]>;
}

/** An action (JavaScript agents can run) on an integration. Delete removes it from Langdock. */
export class Action extends ChildResource {
  declare readonly code: Out<ActionArgs["code"]>;
  declare readonly requiresConfirmation: Out<boolean>;
  declare readonly inputFields: Out<StoredInputField[] | undefined>;
  /** Position among the integration's actions. */
  declare readonly order: Out<number>;
  constructor(name: string, args: ActionArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = outputNames<ActionOutputs>({
      integrationId: true,
      name: true,
      description: true,
      slug: true,
      code: true,
      requiresConfirmation: true,
      inputFields: true,
      order: true,
    });
    super("Action", actionSpec, name, args, outputs, opts);
  }
}
