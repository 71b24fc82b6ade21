import { unmanagedOf } from "../common/schema";
import { containsUnknown } from "../common/unknown";
import type { ChildResourceSpec } from "./spec";

type Props = Record<string, unknown>;

/**
 * What a move to another integration carries from the old object to the new one: what the program leaves
 * as it is in Langdock (`unmanaged`), and the code it omits (which an update would have kept).
 */
export function carriedOnMove<I>(spec: ChildResourceSpec<I>, inputs: Props): string[] {
  const carried = unmanagedOf(inputs).filter((p) => !p.includes("."));
  if (inputs[spec.keptWhenOmitted] === undefined && !carried.includes(spec.keptWhenOmitted)) carried.push(spec.keptWhenOmitted);
  return carried;
}

/**
 * Langdock cannot move an action or a trigger to another integration: the move is a replacement, which
 * creates a new object and deletes the old one. The warning says exactly what moves and what is lost.
 */
export function movesToAnotherIntegration<I>(spec: ChildResourceSpec<I>) {
  const { noun } = spec;
  return (olds: Props, news: Props): string[] => {
    if (olds.integrationId === undefined || news.integrationId === olds.integrationId) return [];
    const name = JSON.stringify(String(news.name ?? olds.name));
    const carried = carriedOnMove(spec, news);
    const moves =
      carried.length === 0
        ? "with the program's properties"
        : `with the program's properties and the old one's ${carried.join(" and ")}, read from Langdock (the up refuses the move before any write if Langdock's answer does not show them)`;
    const agents = noun === "action" ? " and its place in agents that list the old id, unless the program passes them the new id" : "";
    const slug = olds.slug ? ` and its slug ${String(olds.slug)}` : "";
    return [
      `${noun} ${name}: moving it to another integration replaces it: a new ${noun} is created in ${containsUnknown(news.integrationId) ? "the new integration" : `integration ${String(news.integrationId)}`} ${moves}, then the ${noun} in integration ${String(olds.integrationId)} is deleted; lost with it: its id${slug}${agents}.`,
    ];
  };
}
