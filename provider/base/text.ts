/** Pure text helpers shared by every layer (errors, client, schemas, messages); they import nothing. */

/** `["inputFields", 2, "type"]` → `inputFields[2].type`, the form Pulumi users see in check failures. */
export function formatPath(path: ReadonlyArray<unknown>): string {
  return path.reduce<string>((acc, seg) => (typeof seg === "number" ? `${acc}[${seg}]` : acc ? `${acc}.${String(seg)}` : String(seg)), "");
}

/** At most `max` characters of a value, JSON-quoted, with an ellipsis and the full length when cut. */
export function quote(value: unknown, max = 40): string {
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  if (text.length <= max) return typeof value === "string" ? JSON.stringify(text) : text;
  return `${JSON.stringify(text.slice(0, max))}… (${text.length.toLocaleString("en-US")} characters)`;
}

/** `https://user:pw@host/x` → `https://host/x`; anything unparseable is shortened. */
export function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = "";
    parsed.password = "";
    return parsed.toString().replace(/\/$/, "");
  } catch {
    return quote(url.replace(/\/\/[^/@]*@/, "//"), 60);
  }
}

/** A message to embed in a sentence: without its final period (and trailing space). */
export function trimPeriod(text: string): string {
  return text.replace(/[.\s]+$/, "");
}
