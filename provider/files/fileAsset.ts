/** The inputs that name a local file: a file kind's `file`, an integration's `icon`. */
const FILE_INPUTS = ["file", "icon"] as const;

/**
 * A file input may be a `pulumi.asset.FileAsset`: the host hands it over as an asset object whose `path`
 * is a promise. Check turns it into the plain path, so everything after check (diff, state, upload) sees
 * a string, as for `file: "docs/a.md"`. Other assets (string, remote) are left as they are and fail check.
 */
export async function resolveFileAsset(props: Record<string, unknown>): Promise<Record<string, unknown>> {
  let resolved = props;
  for (const key of FILE_INPUTS) {
    const file = props[key];
    if (!file || typeof file !== "object" || !("path" in file)) continue;
    const path = await (file as { path: unknown }).path;
    if (typeof path === "string") resolved = { ...resolved, [key]: path };
  }
  return resolved;
}
