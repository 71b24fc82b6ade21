import type { IntegrationSummaryWire, IntegrationWire } from "../client/wire";
import { release, tryTake, type Holder } from "../common/claims";
import { unlessGone, type Context, type Props } from "../common/crud";
import { isRemoved, removedDescription } from "../common/removed";
import { LIMITS } from "../base/limits";

/**
 * Destroy: Langdock has no delete for integrations, so the integration is marked as removed (its
 * description starts with the marker) and left in place; a later create of the same name reuses it.
 */
export async function markIntegrationRemoved(ctx: Context, id: string, props: Props): Promise<void> {
  const body = { name: String(props.name), description: removedDescription(props.description, LIMITS.integration.description) };
  if (!(await unlessGone(ctx.client.updateIntegration(id, body).then(() => true)))) return; // deleted in Langdock's UI: nothing remains
  ctx.warn(
    `Langdock has no API to delete integrations: integration "${String(props.name)}" (${id}) was removed from the Pulumi state and marked "[removed by Pulumi]" in its description; a later pulumi up that declares an integration named "${String(props.name)}" reuses it instead of creating another. Delete it in Langdock's web app under Integrations if you no longer need it.`,
  );
}

/**
 * Create: an integration of this name that an earlier destroy marked as removed is reused (its
 * users' connections survive), so destroy/up cycles of ephemeral stacks do not pile integrations up.
 * `named`: the integrations of this name (the one list call of an integration create). A marked
 * integration another resource of this run already revived or holds is passed over: two same-named
 * integrations of one program never share one (the second is created).
 */
export async function reviveRemovedIntegration(
  ctx: Context,
  holder: Holder,
  named: IntegrationSummaryWire[],
): Promise<IntegrationWire | undefined> {
  for (const candidate of named.filter((i) => isRemoved(i.description))) {
    if (!tryTake(holder, candidate.id)) continue;
    const found = await unlessGone(ctx.client.getIntegration(candidate.id));
    if (!found) {
      release("integration", candidate.id); // deleted in the UI meanwhile
      continue;
    }
    ctx.warn(
      `integration ${JSON.stringify(holder.name)}: reusing ${found.id}, which an earlier pulumi destroy left in Langdock marked "[removed by Pulumi]", instead of creating another.`,
    );
    return found;
  }
  return undefined;
}
