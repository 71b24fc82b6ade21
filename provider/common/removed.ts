/**
 * Langdock cannot delete integrations or agents. What a destroy leaves behind is marked, so that
 * people see in Langdock's UI that Pulumi no longer manages it, and a later create can recognise it.
 */
export const REMOVED_MARKER = "[removed by Pulumi]";

/** The description a removed object gets: the marker first, then as much of the old text as fits. */
export function removedDescription(description: unknown, maxLength: number): string {
  const old = typeof description === "string" && !isRemoved(description) ? description : "";
  let text = old ? `${REMOVED_MARKER} ${old}` : REMOVED_MARKER;
  if (text.length > maxLength) {
    // Langdock counts UTF-16 units; never cut a surrogate pair in half.
    text = text.slice(0, maxLength - 1);
    if (/[\uD800-\uDBFF]$/.test(text)) text = text.slice(0, -1);
    text += "…";
  }
  return text;
}

export function isRemoved(description: unknown): boolean {
  return typeof description === "string" && description.startsWith(REMOVED_MARKER);
}
