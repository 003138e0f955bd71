// engine/attachments.ts with a bucket (issue 17), against the memory store and a bucket in a Map: an upload goes to the
// bucket before the local store and is not stored locally when the bucket refuses it; a blob another node stored is
// copied once however many ask for it at the same time, and counts against its owner's quota here.
import { describe, expect, it } from 'vitest';
import { Attachments, type BlobReplica } from '../engine/attachments.ts';
import { MemoryStore } from '../engine/store/memory-store.ts';
import type { StoredBlob } from '../engine/store/store.ts';

const ID = '0b3c8a3e-5a8f-4a4e-9f5e-3c1d2b7a9e10';

function blob(ownerId: string, size: number): StoredBlob {
  return { ownerId, name: 'Intyg.pdf', contentType: 'application/pdf', timeMs: 1, bytes: new Uint8Array(size).fill(7) };
}

class MapBucket implements BlobReplica {
  readonly blobs = new Map<string, StoredBlob>();
  readonly calls: string[] = [];
  refuse = false;

  async put(id: string, value: StoredBlob): Promise<void> {
    this.calls.push(`put ${id}`);
    await Promise.resolve();
    if (this.refuse) throw new Error('no quorum');
    this.blobs.set(id, value);
  }

  async get(id: string): Promise<StoredBlob | null> {
    this.calls.push(`get ${id}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
    return this.blobs.get(id) ?? null;
  }
}

function setup() {
  const store = new MemoryStore();
  const attachments = new Attachments(store);
  const bucket = new MapBucket();
  attachments.replica = bucket;
  return { store, attachments, bucket };
}

describe('attachments with a replicated bucket', () => {
  it('puts an upload in the bucket, then in the local store', async () => {
    const { store, attachments, bucket } = setup();
    const storedLocally: boolean[] = [];
    const put = store.putBlob.bind(store);
    store.putBlob = (id, value) => {
      storedLocally.push(bucket.blobs.has(id)); // the bucket holds it already when the local write starts
      return put(id, value);
    };
    await attachments.put(ID, blob('ot1', 100));
    expect(storedLocally).toEqual([true]);
    expect(store.getBlob(ID)?.bytes.length).toBe(100);
  });

  it('stores nothing locally when the bucket refuses the upload', async () => {
    const { store, attachments, bucket } = setup();
    bucket.refuse = true;
    await expect(attachments.put(ID, blob('ot1', 100))).rejects.toThrow('no quorum');
    expect(store.hasBlob(ID)).toBe(false);
  });

  it("copies another node's blob once for concurrent askers, and counts it against its owner's quota", async () => {
    const { store, attachments, bucket } = setup();
    bucket.blobs.set(ID, blob('pt1', 1_000));
    const got = await Promise.all([attachments.get(ID), attachments.copy(ID), attachments.get(ID)]);
    expect(got.map((b) => b?.bytes.length)).toEqual([1_000, 1_000, 1_000]);
    expect(bucket.calls.filter((c) => c.startsWith('get'))).toHaveLength(1);
    expect(store.hasBlob(ID)).toBe(true);
    expect(attachments.quota.used('pt1')).toBe(1_000);
    await attachments.copy(ID); // already here: no second count
    expect(attachments.quota.used('pt1')).toBe(1_000);
  });

  it('answers undefined for an id no node stored, and never asks the bucket without one', async () => {
    const { attachments } = setup();
    expect(await attachments.get(ID)).toBeUndefined();
    const alone = new Attachments(new MemoryStore());
    expect(await alone.get(ID)).toBeUndefined();
  });

  it('does not copy a blob that is being uploaded here (the watch sees it first)', async () => {
    const { attachments, bucket } = setup();
    const upload = attachments.put(ID, blob('ot1', 10));
    await Promise.resolve();
    const copy = attachments.copy(ID);
    await Promise.all([upload, copy]);
    expect(bucket.calls).toEqual([`put ${ID}`]);
    expect(attachments.counters.copied).toBe(0);
  });
});
