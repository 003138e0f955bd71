// The standby's side of the stream (issue 17): an ordered consumer from the stream sequence after the last entry this
// node holds; each entry is applied as the primary applied it (Engine.applyReplicated: applyEntry, rowsWritten, the
// local store, then the same commit listeners, so subscriptions get their pushes here too). Markers name the new
// primary. Lag: the consumer's pending count, and per entry the time from the stream's timestamp to local durability.
import type { JetStreamClient, JsMsg } from '@nats-io/jetstream';
import { REPLICATION_LAG_SAMPLES } from '../../schemas/limits.ts';
import type { Engine } from '../engine.ts';
import { decodeEntries } from '../entry-bytes.ts';
import { type Consuming, consumeFrom, HEADER_KIND, HEADER_URL, type StreamNames } from './journal-stream.ts';

export interface FollowerStatus {
  /** Stream sequence of the last message handled (entry or marker). */
  streamSeq: number;
  /** Messages in the stream after it, as the server last said. */
  pending: number;
  /** The leader's URL from the newest message. */
  leaderUrl: string | null;
}

/** Recent delays (ms) from the stream's timestamp to local durability, for p50/p99. */
export class LagSamples {
  private readonly samples = new Float64Array(REPLICATION_LAG_SAMPLES);
  private count = 0;

  add(ms: number): void {
    this.samples[this.count++ % this.samples.length] = ms;
  }

  quantile(q: number): number | null {
    const n = Math.min(this.count, this.samples.length);
    if (n === 0) return null;
    const sorted = this.samples.slice(0, n).sort();
    return sorted[Math.min(n - 1, Math.floor(q * n))]!;
  }

  reset(): void {
    this.count = 0;
  }
}

export class Follower {
  readonly status: FollowerStatus = { streamSeq: 0, pending: 0, leaderUrl: null };
  private consuming: Consuming | null = null;

  constructor(
    private readonly js: JetStreamClient,
    private readonly names: StreamNames,
    private readonly engine: Engine,
    readonly lag: LagSamples,
    /** A broken chain or a failed local write: the node cannot go on as a replica (main exits). */
    private readonly onFatal: (error: Error) => void,
  ) {}

  async start(fromStreamSeq: number): Promise<void> {
    this.status.streamSeq = fromStreamSeq - 1;
    this.consuming = await consumeFrom(
      this.js,
      this.names.stream,
      fromStreamSeq,
      (message) => this.handle(message),
      this.onFatal,
    );
  }

  private handle(message: JsMsg): void {
    const kind = message.headers?.get(HEADER_KIND);
    this.status.streamSeq = message.seq;
    this.status.pending = message.info.pending;
    this.status.leaderUrl = message.headers?.get(HEADER_URL) || this.status.leaderUrl;
    if (kind === 'marker') return;
    const publishedMs = message.info.timestampNanos / 1e6;
    for (const entry of decodeEntries(message.data)) {
      const expected = this.engine.state.seq + 1;
      if (entry.seq < expected) continue; // already here (the snapshot held it)
      if (entry.seq !== expected) {
        // The stream no longer holds what this node lacks (trimmed by age while it was away, or not this cluster's).
        this.onFatal(
          new Error(
            `journal stream gap: entry ${entry.seq}, expected ${expected}; start this node on an empty DATA_DIR ` +
              '(it fills from the latest snapshot)',
          ),
        );
        return;
      }
      this.engine.applyReplicated(entry).then(
        () => this.lag.add(Math.max(0, Date.now() - publishedMs)),
        (error: unknown) => this.onFatal(error instanceof Error ? error : new Error(String(error))),
      );
    }
  }

  /** Stops consuming; resolves when the last delivered message was handled. */
  async stop(): Promise<void> {
    const consuming = this.consuming;
    this.consuming = null;
    await consuming?.stop();
  }
}
