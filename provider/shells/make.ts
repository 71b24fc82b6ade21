import type * as pulumi from "@pulumi/pulumi";
import type { ResourceKind } from "../common/kinds";

/**
 * The object Pulumi serializes into every resource's state (`__provider`). It must stay a thin shell:
 * each method loads the real implementation from the installed package at run time, so the state
 * carries no captured modules, clients or schemas, and a package upgrade takes effect without replacing
 * resources. When the package is installed under node_modules the serializer emits just
 * `require("pulumi-langdock/shells/<kind>")` for it.
 */
export function makeShell(kind: ResourceKind): pulumi.dynamic.ResourceProvider {
  return {
    configure(req) {
      return require("pulumi-langdock/runtime").configure(req);
    },
    check(olds, news) {
      return require("pulumi-langdock/runtime").check(kind, olds, news);
    },
    diff(id, olds, news) {
      return require("pulumi-langdock/runtime").diff(kind, id, olds, news);
    },
    create(news) {
      return require("pulumi-langdock/runtime").create(kind, news);
    },
    read(id, props) {
      return require("pulumi-langdock/runtime").read(kind, id, props);
    },
    update(id, olds, news) {
      return require("pulumi-langdock/runtime").update(kind, id, olds, news);
    },
    delete(id, props) {
      return require("pulumi-langdock/runtime").delete(kind, id, props);
    },
  };
}
