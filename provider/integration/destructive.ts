import { isUnknown } from "../common/unknown";

/**
 * Changing authType makes Langdock delete every user's connection to the integration: the diff warns,
 * so the warning is part of the preview the user confirms, before any write.
 */
export function movesAuthType(olds: Record<string, unknown>, news: Record<string, unknown>): string[] {
  const name = JSON.stringify(String(news.name ?? olds.name));
  const before = String(olds.authType ?? "NONE");
  if (isUnknown(news.authType)) {
    return [
      `integration ${name}: authType is not known until apply; if it changes from ${before}, Langdock deletes every user's existing connection to the integration.`,
    ];
  }
  const after = String(news.authType ?? "NONE");
  if (before === after) return [];
  return [
    `integration ${name}: changing authType from ${before} to ${after} deletes every user's existing connection to it in Langdock; users must connect again.`,
  ];
}
