// Snapshots for new standbys (issue 17): the primary copies its LMDB online (lmdb-backup.ts: one read transaction, so
// the copy is the consistent state at one seq, and it holds only replicated entries: the local write follows the
// stream's ack) and puts it in a JetStream object store bucket under one name, replacing the previous one. A standby
// started on an empty data directory downloads it, opens it as its store, and consumes the stream from its seq on —
// so the stream may be bounded by age and a new machine can still join.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { ObjectStore } from '@nats-io/obj';
import { OBJECT_CHUNK_BYTES } from '../../schemas/limits.ts';
import { FILE_NAME } from '../store/lmdb-store.ts';

export const SNAPSHOT_NAME = 'latest';

export interface SnapshotSource {
  backup(file: string): Promise<void>;
}

/** Copies the live store to a temp file, uploads it, removes the temp file; resolves with its size in bytes. */
export async function putSnapshot(bucket: ObjectStore, source: SnapshotSource, seq: number): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aidstock-snapshot-'));
  const file = path.join(dir, FILE_NAME);
  try {
    await source.backup(file);
    const size = fs.statSync(file).size;
    const data = Readable.toWeb(fs.createReadStream(file)) as ReadableStream<Uint8Array>;
    // `seq` is informative (the store's own seq is read when the copy is opened): the backup ran after it was read.
    const options = { max_chunk_size: OBJECT_CHUNK_BYTES };
    await bucket.put({ name: SNAPSHOT_NAME, metadata: { minSeq: String(seq) }, options }, data);
    return size;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Writes the latest snapshot as `dataDir`'s LMDB file; resolves with its size in bytes, or null when there is none yet.
 * Never overwrites a store.
 */
export async function getSnapshot(bucket: ObjectStore, dataDir: string): Promise<number | null> {
  const target = path.join(dataDir, FILE_NAME);
  if (fs.existsSync(target)) throw new Error(`${target} exists: a snapshot only fills an empty data directory`);
  const result = await bucket.get(SNAPSHOT_NAME);
  if (result === null) return null;
  fs.mkdirSync(dataDir, { recursive: true });
  const partial = `${target}.partial`;
  const out = fs.createWriteStream(partial);
  for await (const chunk of result.data as unknown as AsyncIterable<Uint8Array>) {
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  const error = await result.error;
  if (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  fs.renameSync(partial, target);
  return fs.statSync(target).size;
}
