// Attachments in a cluster (issue 17): every upload goes to an R3 JetStream object store bucket before it is
// acknowledged (engine/attachments.ts), named by its id, with its owner, file name, type and time as metadata. Every
// node watches the bucket from its start (history included) and copies each blob it lacks into its own store, so a
// standby that takes over holds the uploads the old primary acknowledged, and an upload to any node can be named in a
// command on the primary.
import type { ObjectInfo, ObjectStore } from '@nats-io/obj';
import { OBJECT_CHUNK_BYTES } from '../../schemas/limits.ts';
import type { Attachments, BlobReplica } from '../attachments.ts';
import type { StoredBlob } from '../store/store.ts';

type Watcher = Awaited<ReturnType<ObjectStore['watch']>>;

function metadataOf(blob: StoredBlob): Record<string, string> {
  return { ownerId: blob.ownerId, fileName: blob.name, contentType: blob.contentType, timeMs: String(blob.timeMs) };
}

async function bytesOf(data: ReadableStream<Uint8Array>, size: number): Promise<Uint8Array> {
  const bytes = new Uint8Array(size);
  let at = 0;
  for await (const chunk of data as unknown as AsyncIterable<Uint8Array>) {
    if (at + chunk.byteLength > size) throw new Error(`blob larger than its ${size} bytes`);
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  if (at !== size) throw new Error(`blob of ${at} bytes, expected ${size}`);
  return bytes;
}

function blobOf(info: ObjectInfo, bytes: Uint8Array): StoredBlob {
  const meta = info.metadata ?? {};
  const timeMs = Number(meta.timeMs);
  if (meta.ownerId === undefined || meta.fileName === undefined || meta.contentType === undefined || !(timeMs >= 0))
    throw new Error(`blob ${info.name} has no owner, name, type or time`);
  return { ownerId: meta.ownerId, name: meta.fileName, contentType: meta.contentType, timeMs, bytes };
}

export class BlobBucket implements BlobReplica {
  private watcher: Watcher | null = null;
  private mirroring: Promise<void> | null = null;

  constructor(private readonly bucket: ObjectStore) {}

  async put(id: string, blob: StoredBlob): Promise<void> {
    const options = { max_chunk_size: OBJECT_CHUNK_BYTES };
    await this.bucket.putBlob({ name: id, metadata: metadataOf(blob), options }, blob.bytes);
  }

  async get(id: string): Promise<StoredBlob | null> {
    const result = await this.bucket.get(id);
    if (result === null || result.info.deleted) return null;
    const bytes = await bytesOf(result.data, result.info.size);
    const error = await result.error;
    if (error) throw error;
    return blobOf(result.info, bytes);
  }

  /** Copies every blob of the bucket this node lacks (those stored before it started too), one at a time. */
  async mirror(attachments: Attachments): Promise<void> {
    const watcher = await this.bucket.watch({ includeHistory: true, ignoreDeletes: true });
    this.watcher = watcher;
    this.mirroring = (async () => {
      for await (const info of watcher) {
        try {
          await attachments.copy(info.name);
        } catch (error) {
          // Not fatal: a download or a command naming it fetches it again (and reports a failure to its client).
          console.error(`aidstock: replication: copying attachment ${info.name} failed:`, (error as Error).message);
        }
      }
    })();
  }

  async stop(): Promise<void> {
    this.watcher?.stop();
    await this.mirroring;
  }
}
