// Run as a child process by full-disk.process.test.ts: on a data directory whose file system the caller filled
// (leaving a little room), one LMDB commit too big for what is left, then one that would fit, queued before the first
// one's failure is known. Prints what happened as one JSON line. A child of its own because lmdb-js rejects promises
// of its own for a failed transaction; the engine's main ignores exactly those, as this script does.
import fs from 'node:fs';
import { LmdbStore } from '../../engine/store/lmdb-store.ts';
import { isLmdbCommitFailure } from '../../engine/store/write-failure.ts';
import type { JournalEntry } from '../../schemas/events.ts';

process.on('unhandledRejection', (error) => {
  if (isLmdbCommitFailure(error)) return;
  console.error(error);
  process.exit(70);
});

const [dataDir, fillerPath] = process.argv.slice(2) as [string, string];
const entry = (seq: number, note: string): JournalEntry => ({
  seq,
  timeMs: seq,
  events: [{ type: 'profile.updated', userId: 'ot1', email: note, phone: '' } as never],
});
const notesOf = (store: LmdbStore) =>
  [...store.journal(1)].map((e) => `${e.seq}:${(e.events[0] as unknown as { email: string }).email.slice(0, 8)}`);

let store = new LmdbStore(dataDir);
const big = store.append([entry(2, 'x'.repeat(4 * 1024 * 1024))], []);
await new Promise((resolve) => setImmediate(resolve));
const small = store.append([entry(3, 'small')], []);
const settled = (await Promise.allSettled([big, small])).map((s) => s.status);
const seqAfterFailure = store.load().seq;
fs.rmSync(fillerPath);
await store.probe();
await store.append([entry(2, 'after')], []);
await store.close();
store = new LmdbStore(dataDir);
console.log(JSON.stringify({ settled, seqAfterFailure, journal: notesOf(store) }));
await store.close();
