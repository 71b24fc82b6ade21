import type * as pulumi from "@pulumi/pulumi";
import type { ResourceKind } from "../kinds";

/**
 * The provider object of a resource kind: seven one-line methods that load the real implementation,
 * `require("pulumi-langdock/runtime")`, when the host calls them. It carries no captured modules,
 * clients or schemas, so a package upgrade takes effect without replacing resources.
 *
 * Two uses, one implementation:
 * - `pulumi-langdock/shells/<kind>` export one as their `module.exports`. Stacks created with 0.1.0
 *   store `require("pulumi-langdock/shells/<kind>")` as their `__provider`; those entry points, and
 *   the runtime's call signatures, must keep working forever.
 * - `serializableProvider(kind)` returns one that is NOT any module's `exports`, for the resource
 *   classes. Pulumi's closure serializer then writes it by value (a few hundred bytes of method text,
 *   with `kind` as a string literal; `require` is never captured) instead of mapping a module's real
 *   path back to an exported subpath, which @pulumi/pulumi gets wrong under pnpm, yarn's pnpm linker,
 *   npm's linked strategy and any path containing "pulumi-langdock". The host evaluates that text with
 *   the program's folder as the base of `require`, so the text is the same in every layout.
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

// One object per kind: Pulumi caches serializations by provider object, so each kind is serialized once.
const serializable = new Map<ResourceKind, pulumi.dynamic.ResourceProvider>();

/** The provider object the resource classes pass to Pulumi, serialized by value (see above). */
export function serializableProvider(kind: ResourceKind): pulumi.dynamic.ResourceProvider {
  let provider = serializable.get(kind);
  if (!provider) serializable.set(kind, (provider = makeShell(kind)));
  return provider;
}
