// The patient-data access log in a cluster (issue 17). Every node logs the reads it serves, so without this a standby's
// reads would stay in its own log and a failover would leave the old primary's reads behind. Instead every node
// publishes what it logs (entries, and reviewers' marks) to one R3 stream and answers the read only once the stream
// has acked it AND its own log has applied it; every node consumes the whole stream, in stream order, into its local
// log. So all logs hold the same entries with the same ids (assigned in stream order on top of the same snapshot), a
// reviewer on any node sees every node's reads, and a read is durable on three NATS servers before it is sent.
// The local log stores the stream sequence it reached in the transaction of what it wrote (AccessLog.position), so a
// restart or a node bootstrapped from a snapshot resumes right after it.
import type { JetStreamClient, JetStreamManager, JsMsg } from '@nats-io/jetstream';
import { Packr } from 'msgpackr';
import type { AccessEntry, AccessReview, NewAccessEntry } from '../../schemas/access-log.ts';
import { ACCESS_MESSAGE_ENTRIES_MAX, REPLICATION_PUBLISH_TIMEOUT_MS } from '../../schemas/limits.ts';
import type { AccessLog, AccessPage, AccessRange } from '../store/access-log.ts';
import { type Consuming, consumeFrom, type StreamNames } from './journal-stream.ts';

/** What one event-loop turn logged on this node: one stream message (one raft proposal, one local fsync). */
interface AccessMessage {
  entries: NewAccessEntry[];
  reviews: AccessReview[];
}

const packr = new Packr({ useRecords: false });

interface Waiter {
  seq: number;
  resolve: () => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export class ReplicatedAccessLog implements AccessLog {
  /** The last stream sequence durable in the local log. */
  private applied: number;
  private waiters: Waiter[] = [];
  private consuming: Consuming | null = null;
  readonly counters = { published: 0, applied: 0 };

  constructor(
    private readonly local: AccessLog,
    private readonly js: JetStreamClient,
    private readonly names: StreamNames,
    /** A gap in the stream or a failed local write: the logs would diverge, so the node stops (main exits). */
    private readonly onFatal: (error: Error) => void,
  ) {
    this.applied = local.position();
  }

  /** Consumes the stream from the message after the local log's position. */
  async start(jsm: JetStreamManager): Promise<void> {
    const from = this.local.position() + 1;
    const { first_seq: first, last_seq: last } = (await jsm.streams.info(this.names.accessStream)).state;
    if (from > last + 1)
      throw new Error(`the local access log (stream seq ${from - 1}) is ahead of the access-log stream (${last})`);
    if (from <= last && from < first)
      throw new Error(
        `the access-log stream no longer holds seq ${from} (first kept: ${first}): start on an empty DATA_DIR (snapshot)`,
      );
    this.consuming = await consumeFrom(
      this.js,
      this.names.accessStream,
      from,
      (message) => this.handle(message),
      this.onFatal,
    );
  }

  private handle(message: JsMsg): void {
    const seq = message.seq;
    const body = packr.unpack(message.data) as AccessMessage;
    // Issued together, so one transaction: the entries (ids in order), then the marks, and the position with them.
    const written = Promise.all([
      this.local.append(body.entries, seq),
      ...body.reviews.map((review) => this.local.addReview(review, seq)),
    ]);
    written.then(
      () => this.applyTo(seq),
      (error: unknown) => this.onFatal(error instanceof Error ? error : new Error(String(error))),
    );
  }

  private applyTo(seq: number): void {
    this.applied = Math.max(this.applied, seq);
    this.counters.applied++;
    const ready = this.waiters.filter((w) => w.seq <= this.applied);
    if (ready.length === 0) return;
    this.waiters = this.waiters.filter((w) => w.seq > this.applied);
    for (const waiter of ready) {
      clearTimeout(waiter.timer);
      waiter.resolve();
    }
  }

  private turn: { body: AccessMessage; done: Promise<void> } | null = null;

  /**
   * What this turn logs goes out as one message when the turn ends (as the journal's entries do), so a burst of reads
   * costs one stream round trip and one local fsync. Every caller of the turn waits for the same message.
   */
  private logged(count: number, add: (body: AccessMessage) => void): Promise<void> {
    const body = this.turn?.body;
    if (body !== undefined && body.entries.length + body.reviews.length + count > ACCESS_MESSAGE_ENTRIES_MAX)
      this.turn = null; // it still goes out at the end of the turn, before the next one
    if (this.turn === null) {
      const turn = { body: { entries: [], reviews: [] } as AccessMessage, done: Promise.resolve() };
      turn.done = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
        if (this.turn === turn) this.turn = null;
        return this.publish(turn.body);
      });
      this.turn = turn;
    }
    add(this.turn.body);
    return this.turn.done;
  }

  /** Resolves once the stream acked the message and the local log holds it; rejects if either fails or is late. */
  private async publish(body: AccessMessage): Promise<void> {
    const ack = await this.js.publish(this.names.accessSubject, packr.pack(body), {
      timeout: REPLICATION_PUBLISH_TIMEOUT_MS,
    });
    this.counters.published++;
    if (ack.seq <= this.applied) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.timer !== timer);
        reject(
          new Error(`access-log stream seq ${ack.seq} not applied locally in ${REPLICATION_PUBLISH_TIMEOUT_MS} ms`),
        );
      }, REPLICATION_PUBLISH_TIMEOUT_MS);
      this.waiters.push({ seq: ack.seq, resolve, reject, timer });
    });
  }

  append(entries: readonly NewAccessEntry[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    return this.logged(entries.length, (body) => body.entries.push(...entries));
  }

  addReview(review: AccessReview): Promise<void> {
    return this.logged(1, (body) => body.reviews.push(review));
  }

  /** Stream messages acked but not yet in the local log, as far as this node knows (its own waits). */
  get waiting(): number {
    return this.waiters.length;
  }

  position(): number {
    return this.applied;
  }

  byPatient(pnr: string, range: AccessRange): AccessPage {
    return this.local.byPatient(pnr, range);
  }

  byUser(userId: string, range: AccessRange): AccessPage {
    return this.local.byUser(userId, range);
  }

  idsInPeriod(fromMs: number, toMs: number): number[] {
    return this.local.idsInPeriod(fromMs, toMs);
  }

  get(id: number): AccessEntry | undefined {
    return this.local.get(id);
  }

  reviewsOf(entryId: number): AccessReview[] {
    return this.local.reviewsOf(entryId);
  }

  count(): number {
    return this.local.count();
  }

  /** Stops consuming; what is waiting fails (its reads are not sent). */
  async stop(): Promise<void> {
    const consuming = this.consuming;
    this.consuming = null;
    await consuming?.stop();
    for (const waiter of this.waiters.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error('the access-log stream was closed'));
    }
  }
}
