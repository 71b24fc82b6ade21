import { LangdockClient } from "../../provider/client";
import { DEFAULT_SETTINGS } from "../../provider/config";
import { Cooldown } from "../../provider/client/retry";
import { uploadKnowledgeFile } from "../../provider/client/knowledge";
import { LangdockEmulator } from "../../provider/emulator";
import { SyncError, waitForSync } from "../../provider/knowledgeFile/wait";

/** The bounded wait for Langdock's processing: progress lines, a deadline, a vanished file. */
let emulator: LangdockEmulator;
let client: LangdockClient;
const lines: string[] = [];
const ctx = () => ({ client, warn: (m: string) => lines.push(`warning: ${m}`), log: (m: string) => lines.push(m) });

beforeAll(async () => {
  // Each stage takes a minute: nothing finishes during this test.
  emulator = await LangdockEmulator.start({ knowledgeStageMs: 60_000 });
  client = new LangdockClient({ ...DEFAULT_SETTINGS, apiKey: emulator.apiKey, baseUrl: emulator.url, cooldown: new Cooldown() });
});
afterAll(() => emulator.close());

it("gives up after syncTimeoutSeconds with the last status, having reported it on stderr", async () => {
  const folderId = emulator.createKnowledgeBase({ name: "Slow" });
  const file = await uploadKnowledgeFile(client, folderId, new Blob(["# S\n"]), "slow.md");
  const startedAt = Date.now();
  const err = await waitForSync(ctx(), folderId, file, 1).catch((e) => e);
  expect(Date.now() - startedAt).toBeLessThan(5_000);
  expect(err).toBeInstanceOf(SyncError);
  expect(err.failed).toBe(false);
  expect(err.message).toBe(
    `knowledge file "slow.md" (${file.id}) is still UPLOADING after 1 s of waiting; it stays in the state and may still finish (pulumi refresh shows its status): raise syncTimeoutSeconds or set waitForSync: false.`,
  );
  expect(lines).toEqual([`knowledge file "slow.md" (${file.id}): Langdock is processing it (UPLOADING, 0 s so far)`]);
});

it("fails when the file disappears while waiting", async () => {
  const folderId = emulator.createKnowledgeBase({ name: "Vanishing" });
  const file = await uploadKnowledgeFile(client, folderId, new Blob(["# V\n"]), "v.md");
  emulator.deleteKnowledgeFile(file.id);
  await expect(waitForSync(ctx(), folderId, file, 5)).rejects.toThrow(
    `knowledge file "v.md" (${file.id}) disappeared from knowledge base ${folderId}`,
  );
});
