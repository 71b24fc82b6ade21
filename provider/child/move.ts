import type { ActionWire, TriggerWire } from "../client/wire";
import { MoveRefusalError } from "../errors";
import { carriedOnMove } from "./destructive";
import { replacementOf, type Holder } from "../common/claims";
import type { Context, Props } from "../common/crud";
import type { ChildResourceSpec } from "./spec";

/**
 * Langdock cannot move an action or a trigger to another integration: the move is a replacement (a
 * create in the new integration, then a delete of the old object). What the program leaves as it is in
 * Langdock (its `unmanaged` properties, and the code it omits, which an update would keep) is read from
 * the old object with one fresh GET of its integration and sent with the create; when Langdock's
 * answer does not show it (the documented summary has no code or input fields), the move is refused
 * before any write, instead of creating the new object without it and deleting the old one with it.
 */
/**
 * The inputs to create a moved object with: `inputs` plus the carried properties as the old object has
 * them. Unchanged when this create is not the new half of a move.
 */
export async function movedInputs<W extends ActionWire | TriggerWire, I extends Props & { integrationId: string; name: string }>(
  ctx: Context,
  spec: ChildResourceSpec<I>,
  holder: Holder,
  inputs: I,
  read: (integrationId: string, id: string) => Promise<W | undefined>,
  toOutputs: (wire: W, integrationId: string, fallback: Props) => Props,
): Promise<I> {
  const replaced = replacementOf(holder);
  const from = replaced && String(replaced.olds.integrationId);
  if (!replaced || from === inputs.integrationId) return inputs;
  const carried = carriedOnMove(spec, inputs);
  if (carried.length === 0) return inputs;
  const old = await read(from!, replaced.id);
  const live = old ? toOutputs(old, from!, {}) : {};
  // Shown as null (nothing set) is carried as nothing; not shown at all cannot be carried.
  const missing = carried.filter((p) => live[p] === undefined && !(old && p in old));
  if (missing.length > 0) throw new MoveRefusalError(spec.noun, inputs.name, replaced.id, from!, missing);
  ctx.warn(
    `${spec.noun} ${JSON.stringify(inputs.name)}: moving it to integration ${inputs.integrationId}, its ${carried.join(" and ")} ${carried.length === 1 ? "is" : "are"} carried over from ${spec.noun} ${replaced.id} in integration ${from}, which is deleted next.`,
  );
  return { ...inputs, ...Object.fromEntries(carried.map((p) => [p, live[p]])) };
}
