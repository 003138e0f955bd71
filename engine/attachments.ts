// Uploaded files (work-order and deviation attachments) as the engine serves them: the local store, the quotas, and
// with REPLICATION=jetstream a replicated bucket (issue 17). With a bucket an upload is acknowledged only once it is in
// the bucket (R3) and on the local disk, on any node: blobs are not part of the ordered journal (their ids are random
// and a command names them), so no leadership is needed to store one. Every node copies the bucket's blobs to its own
// store (replication/blob-bucket.ts), and a blob asked for before its copy arrived is fetched from the bucket then.
import { AttachmentQuota } from './io/attachment-quota.ts';
import type { Store, StoredBlob } from './store/store.ts';

/** The replicated side: the bucket every node of a cluster stores uploads in. */
export interface BlobReplica {
  /** Resolves once the blob is in the bucket (then every node can serve it); rejects when it is not. */
  put(id: string, blob: StoredBlob): Promise<void>;
  /** The blob as another node stored it; null when the bucket does not hold it. */
  get(id: string): Promise<StoredBlob | null>;
}

export class Attachments {
  readonly quota: AttachmentQuota;
  /** Set by the replication node (null: the local store alone, as without REPLICATION). */
  replica: BlobReplica | null = null;
  /** Blobs being written here (an upload or a copy): a second copy of the same id waits for the first. */
  private readonly writing = new Map<string, Promise<StoredBlob | undefined>>();
  readonly counters = { copied: 0, copiedBytes: 0, fetchedOnDemand: 0 };

  constructor(private readonly store: Store) {
    this.quota = new AttachmentQuota(store);
  }

  /**
   * Stores an upload whose bytes the quota has reserved: in the bucket first, then locally, so a node never holds a
   * blob it acknowledged that the others cannot get. Rejects when either write fails (the caller gives the bytes back).
   */
  put(id: string, blob: StoredBlob): Promise<void> {
    const written = this.track(id, async () => {
      await this.replica?.put(id, blob);
      await this.store.putBlob(id, blob);
      return blob;
    });
    return written.then(() => {});
  }

  /** A write of `id` under way, found by anyone else who asks for the same blob until it settles. */
  private track(id: string, write: () => Promise<StoredBlob | undefined>): Promise<StoredBlob | undefined> {
    const written = write();
    this.writing.set(id, written);
    const done = () => this.writing.delete(id);
    written.then(done, done);
    return written;
  }

  /** The blob, from the local store, else (a cluster) from the bucket, copied here on the way. */
  async get(id: string): Promise<StoredBlob | undefined> {
    const local = this.store.getBlob(id);
    if (local !== undefined || this.replica === null) return local;
    const pending = this.writing.get(id);
    if (pending !== undefined) return pending.catch(() => undefined);
    this.counters.fetchedOnDemand++;
    return this.copy(id);
  }

  /**
   * A blob another node stored: fetched from the bucket once, written to the local store and counted against its
   * owner's quota (as if uploaded here). Resolves undefined when the bucket does not hold it.
   */
  copy(id: string): Promise<StoredBlob | undefined> {
    if (this.store.hasBlob(id)) return Promise.resolve(this.store.getBlob(id));
    const pending = this.writing.get(id);
    if (pending !== undefined) return pending;
    const replica = this.replica;
    if (replica === null) return Promise.resolve(undefined);
    return this.track(id, async () => {
      const blob = await replica.get(id);
      if (blob === null) return undefined;
      await this.store.putBlob(id, blob);
      this.quota.stored(blob.ownerId, blob.bytes.byteLength);
      this.counters.copied++;
      this.counters.copiedBytes += blob.bytes.byteLength;
      return blob;
    });
  }
}
