/**
 * `file` may be a `pulumi.asset.FileAsset`: the host hands it over as an asset object whose `path` is a
 * promise. Check turns it into the plain path, so everything after check (diff, state, upload) sees a
 * string, as for `file: "docs/a.md"`. Other assets (string, remote) are left as they are and fail check.
 */
export async function resolveFileAsset(props: Record<string, unknown>): Promise<Record<string, unknown>> {
  const file = props.file;
  if (!file || typeof file !== "object" || !("path" in file)) return props;
  const path = await (file as { path: unknown }).path;
  return typeof path === "string" ? { ...props, file: path } : props;
}
