/**
 * The slug Langdock derives from an input field's label: camelCase, as the API reference's own
 * examples read the field labelled "User ID" as `inputs.userId`. Diacritics are folded ("Größe" →
 * `grosse`), anything but letters and digits separates words, nothing left gives `fallback`.
 * The provider never relies on it (each field's slug is read back from Langdock as an output); the
 * emulator and the local code runner use it.
 */
export function fieldSlug(label: string, fallback = "field"): string {
  const words = label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  const slug = words.map((word, i) => (i === 0 ? word.toLowerCase() : word[0].toUpperCase() + word.slice(1).toLowerCase())).join("");
  return slug || fallback;
}

/**
 * The slug Langdock derives from a skill's name when none is given (skills.md: lowercase letters,
 * digits and dashes): diacritics folded, every other run of characters a dash, at most 100 characters.
 * The import matches skills by it in upsert mode, so the provider uses it to aim an update's import.
 */
export function skillSlug(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 100)
    .replace(/-+$/, "");
  return slug || "skill";
}
