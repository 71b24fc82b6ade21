import type * as pulumi from "@pulumi/pulumi";
import { LangdockResource } from "../resource";

/** The outputs an Action and a Trigger share. */
export abstract class ChildResource extends LangdockResource {
  declare readonly integrationId: pulumi.Output<string>;
  declare readonly name: pulumi.Output<string>;
  declare readonly description: pulumi.Output<string | undefined>;
  /** Server-generated identifier derived from the name. */
  declare readonly slug: pulumi.Output<string>;
}
