// The access log's side of a cluster (engine/replication/access-stream.ts) against a stream in memory: what one
// event-loop turn logs goes out as one message (several past ACCESS_MESSAGE_ENTRIES_MAX, in order), a caller's promise
// resolves only once the local log applied the message, and the local log keeps the stream position with the entries.
import { describe, expect, it } from 'vitest';
import type { JetStreamClient } from '@nats-io/jetstream';
import type { JsMsg } from '@nats-io/jetstream';
import { ReplicatedAccessLog } from '../engine/replication/access-stream.ts';
import { streamNames } from '../engine/replication/journal-stream.ts';
import { MemoryAccessLog } from '../engine/store/access-log-memory.ts';
import { ACCESS_MESSAGE_ENTRIES_MAX } from '../schemas/limits.ts';
import { look } from './access-log-contract.ts';

/** A stream that numbers what is published and delivers it to the log's consumer side a moment later. */
function streamFor(log: () => ReplicatedAccessLog) {
  const published: number[] = [];
  let seq = 0;
  const js = {
    publish: async (_subject: string, data: Uint8Array) => {
      const at = ++seq;
      published.push(data.byteLength);
      setTimeout(() => (log() as unknown as { handle(m: Partial<JsMsg>): void }).handle({ seq: at, data }), 2);
      return { seq: at, duplicate: false, stream: 'test' };
    },
  } as unknown as JetStreamClient;
  return { js, published };
}

describe('the access-log stream', () => {
  it('sends a turn as one message and resolves each caller once the local log holds it', async () => {
    const local = new MemoryAccessLog();
    let log: ReplicatedAccessLog | null = null;
    const { js, published } = streamFor(() => log!);
    log = new ReplicatedAccessLog(local, js, streamNames('t'), (error) => {
      throw error;
    });
    const reads = [
      log.append([look(1, '194001011234')]),
      log.append([look(2, '195002022345'), look(3, '194001011234', 'pt1')]),
    ];
    await Promise.all(reads);
    expect(published).toHaveLength(1);
    expect(local.count()).toBe(3);
    expect(local.get(3)).toMatchObject({ userId: 'pt1', id: 3 });
    expect(log.position()).toBe(1);
    expect(local.position()).toBe(1);
    await log.addReview({ entryId: 2, reviewerId: 'log1', reviewerName: 'G', timeMs: 9, comment: 'ok' });
    expect(local.reviewsOf(2)).toHaveLength(1);
    expect(log.position()).toBe(2);
  });

  it('splits a turn that logs more than a message carries, keeping the order', async () => {
    const local = new MemoryAccessLog();
    let log: ReplicatedAccessLog | null = null;
    const { js, published } = streamFor(() => log!);
    log = new ReplicatedAccessLog(local, js, streamNames('t'), (error) => {
      throw error;
    });
    const total = ACCESS_MESSAGE_ENTRIES_MAX + 500;
    const reads = Array.from({ length: total / 100 }, (_, i) =>
      log!.append(Array.from({ length: 100 }, (_, j) => look(i * 100 + j, '194001011234'))),
    );
    await Promise.all(reads);
    expect(published).toHaveLength(2);
    expect(local.count()).toBe(total);
    expect(Array.from({ length: total }, (_, i) => local.get(i + 1)!.timeMs)).toEqual(
      Array.from({ length: total }, (_, i) => i),
    );
  });
});
