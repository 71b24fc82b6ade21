/**
 * Langdock cannot move an action or a trigger to another integration: the move is a replacement, which
 * deletes the old object (and with it, for an action, its place in agents that list the old id).
 */
export function movesToAnotherIntegration(noun: "action" | "trigger") {
  return (olds: Record<string, unknown>, news: Record<string, unknown>): string[] => {
    if (olds.integrationId === undefined || news.integrationId === olds.integrationId) return [];
    const name = JSON.stringify(String(news.name ?? olds.name));
    const agents = noun === "action" ? "; agents that list the old id lose it unless the program passes the new id" : "";
    return [
      `${noun} ${name}: moving it to another integration replaces it: the ${noun} ${String(olds.slug ?? "")} in integration ${String(olds.integrationId)} is deleted and a new one with a new id is created${agents}.`,
    ];
  };
}
