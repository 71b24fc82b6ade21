import { ConflictError } from "../errors";
import { unlessGone, type Context, type Props } from "../common/crud";
import { removedDescription } from "../common/removed";
import { LIMITS } from "../base/limits";

/**
 * Destroy: Langdock can neither delete nor list agents. The agent is marked as removed (description,
 * published so the UI shows it) and disabled. Nothing can find it again without its id, so the
 * warning prints the id: `adoptId` set to it brings it back (re-enabled, made to match the program).
 */
export async function removeAgent(ctx: Context, id: string, props: Props): Promise<void> {
  const marked = await unlessGone(
    (async () => {
      await ctx.client.updateAgent(id, { description: removedDescription(props.description, LIMITS.agent.removedDescription) });
      await ctx.client.publishAgent(id).catch((err) => {
        if (!(err instanceof ConflictError)) throw err; // nothing to publish: the marker is already live
      });
      await ctx.client.setAgentDisabled(id, true);
      return true;
    })(),
  );
  if (!marked) return; // deleted in Langdock's UI: nothing remains
  ctx.warn(
    `Langdock has no API to delete or list agents: agent "${String(props.name)}" (${id}) was disabled, marked "[removed by Pulumi]" in its description and removed from the Pulumi state. A later pulumi up creates a new agent unless the program sets adoptId: "${id}" to reuse this one; delete it in Langdock's web app if you no longer need it.`,
  );
}
