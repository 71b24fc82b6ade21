import { FAILED_SYNC_STATUSES, listKnowledgeFiles, type KnowledgeFileWire } from "../client/knowledge";
import type { Context } from "../common/crud";
import { SyncFailedError } from "../errors";

/** Poll delays: quick at first (small files finish in seconds), then every 5 s. */
const POLL_DELAYS_MS = [250, 500, 1000, 2000, 3000, 5000];

export function isFailedStatus(status: unknown): boolean {
  return (FAILED_SYNC_STATUSES as readonly unknown[]).includes(status);
}

/** Why waiting ended without SYNCED; carries the last status Langdock reported. */
export class SyncError extends SyncFailedError<KnowledgeFileWire> {}

/**
 * Polls the folder's file list (shared by every file waiting in that folder) until the file is SYNCED,
 * reports each new status on stderr, and fails with the status when processing failed, the file
 * vanished, or `timeoutSeconds` passed.
 */
export async function waitForSync(
  ctx: Context,
  folderId: string,
  file: KnowledgeFileWire,
  timeoutSeconds: number,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<KnowledgeFileWire> {
  const startedAt = Date.now();
  const what = `knowledge file "${file.name}" (${file.id})`;
  let current = file;
  let reported = "";
  for (let poll = 0; ; poll++) {
    const status = current.syncStatus ?? "UPLOADING";
    if (status === "SYNCED") return current;
    if (isFailedStatus(status)) {
      throw new SyncError(
        `${what}: Langdock's processing ended in ${status}; check that the file opens and is not empty or protected, then run pulumi up again to upload it anew.`,
        current,
        true,
      );
    }
    const elapsed = Date.now() - startedAt;
    if (status !== reported) {
      ctx.log?.(`${what}: Langdock is processing it (${status}, ${Math.round(elapsed / 1000)} s so far)`);
      reported = status;
    }
    if (elapsed >= timeoutSeconds * 1000) {
      throw new SyncError(
        `${what} is still ${status} after ${timeoutSeconds} s of waiting; it stays in the state and may still finish (pulumi refresh shows its status): raise syncTimeoutSeconds or set waitForSync: false.`,
        current,
        false,
      );
    }
    await sleep(Math.min(POLL_DELAYS_MS[Math.min(poll, POLL_DELAYS_MS.length - 1)], timeoutSeconds * 1000 - elapsed));
    const found = (await listKnowledgeFiles(ctx.client, folderId)).find((f) => f.id === file.id);
    if (!found) {
      throw new SyncError(
        `${what} disappeared from knowledge base ${folderId} while Langdock was processing it; run pulumi up again.`,
        undefined,
        true,
      );
    }
    current = found;
  }
}
