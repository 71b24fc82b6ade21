/** What actions' and triggers' translations from Langdock's wire shapes share. */
import type { ActionWire, TriggerWire } from "../client/wire";
import type { Outputs, Props } from "../common/crud";
import { sanitize } from "../base/props";

export type ChildOutputs = Outputs<"integrationId" | "adoptId" | "unmanaged" | "name" | "description" | "slug">;

/** Common output fields of actions and triggers. */
export function childOutputs(wire: ActionWire | TriggerWire, integrationId: string, fallback: Props): ChildOutputs {
  return sanitize<ChildOutputs>({
    integrationId,
    adoptId: fallback.adoptId,
    unmanaged: fallback.unmanaged,
    name: wire.name,
    description: wire.description === undefined ? fallback.description : wire.description || undefined,
    slug: wire.slug ?? fallback.slug,
  });
}
