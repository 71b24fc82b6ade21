import type { ResourceKind } from "../kinds";
import type { Props } from "./crud";
import { isUnknown } from "./unknown";

/**
 * Changes that destroy data users made in Langdock, found at diff time, so that the warning is part
 * of the preview the user confirms — before any write. (The up runs the diff again, so it shows there too.)
 */
export function destructiveChanges(kind: ResourceKind, olds: Props, news: Props): string[] {
  const name = JSON.stringify(String(news.name ?? olds.name));
  if (kind === "Integration") {
    const before = String(olds.authType ?? "NONE");
    if (isUnknown(news.authType)) {
      return [
        `integration ${name}: authType is not known until apply; if it changes from ${before}, Langdock deletes every user's existing connection to the integration.`,
      ];
    }
    const after = String(news.authType ?? "NONE");
    if (before !== after) {
      return [
        `integration ${name}: changing authType from ${before} to ${after} deletes every user's existing connection to it in Langdock; users must connect again.`,
      ];
    }
  }
  if ((kind === "Action" || kind === "Trigger") && olds.integrationId !== undefined && news.integrationId !== olds.integrationId) {
    const noun = kind === "Action" ? "action" : "trigger";
    return [
      `${noun} ${name}: moving it to another integration replaces it: the ${noun} ${String(olds.slug ?? "")} in integration ${String(olds.integrationId)} is deleted and a new one with a new id is created${kind === "Action" ? "; agents that list the old id lose it unless the program passes the new id" : ""}.`,
    ];
  }
  return [];
}
