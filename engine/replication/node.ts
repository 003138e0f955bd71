// One node of a primary/standby pair on NATS JetStream (issue 17), loaded by main.ts only with REPLICATION=jetstream.
//
// States: following (a standby: consumes the stream, refuses commands with `read_only` and the leader's URL) →
// taking-over (took the free lease; drains the stream to its end, then publishes a marker that fences any older
// primary) → leading (publishes every entry before writing it locally; acknowledges only what the stream acked while
// its lease held) → deposed (a publish was refused or late, or the lease lapsed: it answers `read_only`, drops what it
// applied but could not replicate by reloading its store, and follows the stream again) → following.
//
// Why the stream first and the local write after its ack (not both in parallel): then the local journal never holds an
// entry the stream lacks, so a deposed primary needs no repair — what is on its disk is a prefix of the stream. It
// costs one stream round trip before the fsync (≈ 0.5 ms on loopback). The entries of one event-loop turn share one
// stream message, and local writes that wait behind an fsync share the next one.
import fs from 'node:fs';
import path from 'node:path';
import { type JetStreamClient, type JetStreamManager, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { Kvm } from '@nats-io/kv';
import { type ObjectStore, Objm } from '@nats-io/obj';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { JournalEntry } from '../../schemas/events.ts';
import {
  BLOB_BUCKET_BYTES_MAX,
  REPLICATION_MESSAGE_BYTES_MAX,
  REPLICATION_PUBLISH_TIMEOUT_MS,
  STREAM_REPLICAS,
} from '../../schemas/limits.ts';
import type { Engine } from '../engine.ts';
import { family } from '../io/metrics.ts';
import { entryBytes } from '../entry-bytes.ts';
import { FILE_NAME } from '../store/lmdb-store.ts';
import { ReplicatedAccessLog } from './access-stream.ts';
import { BlobBucket } from './blob-bucket.ts';
import type { ReplicationConfig } from './config.ts';
import { Follower, LagSamples } from './follower.ts';
import { NotReplicated, type ReadOnly, type ReplicationHook, readOnly } from './hook.ts';
import {
  ChainPublisher,
  ensureStream,
  resumePoint,
  type StreamNames,
  streamHead,
  streamNames,
} from './journal-stream.ts';
import { Lease } from './lease.ts';
import { getSnapshot, putSnapshot, type SnapshotSource } from './snapshot.ts';
import type { Sessions } from '../io/sessions.ts';
import { shareSessions } from './shared-sessions.ts';

type NodeState = 'starting' | 'following' | 'taking-over' | 'leading' | 'deposed' | 'stopped';

/** Entries of one turn waiting to be published as one message. */
interface Batch {
  entries: JournalEntry[];
  parts: Uint8Array[];
  bytes: number;
  done: Promise<void>;
}

const POLL_MS = 5;
/** A deposed node retries following the stream at growing intervals up to this (NATS unreachable or without quorum). */
const FOLLOW_RETRY_MS_MAX = 5_000;
const EMPTY = new Uint8Array(0);

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class ReplicationNode implements ReplicationHook {
  private state: NodeState = 'starting';
  private engine: Engine | null = null;
  private url = '';
  private lease: Lease | null = null;
  private follower: Follower | null = null;
  private publisher: ChainPublisher | null = null;
  /** The last publish's completion: each entry resolves only after the one before it (a failure fails all later). */
  private tail: Promise<void> = Promise.resolve();
  private leaderUrl: string | null = null;
  private watchTimer: NodeJS.Timeout | null = null;
  private snapshotTimer: NodeJS.Timeout | null = null;
  private snapshotSource: SnapshotSource | null = null;
  private readonly lag = new LagSamples();
  private accessLog: ReplicatedAccessLog | null = null;
  readonly counters = { takeovers: 0, stepDowns: 0, snapshots: 0, snapshotBytes: 0, lastSnapshotSeq: -1 };

  private constructor(
    readonly config: ReplicationConfig,
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly names: StreamNames,
    private readonly snapshots: ObjectStore,
    private readonly kvm: Kvm,
    private readonly blobs: BlobBucket,
    private readonly onFatal: (error: Error) => void,
  ) {}

  /** Connects and makes sure the stream and both buckets exist (the first node of a cluster creates them). */
  static async connect(config: ReplicationConfig, onFatal: (error: Error) => void): Promise<ReplicationNode> {
    const nc = await connect({ servers: config.natsUrl, maxReconnectAttempts: -1, reconnectTimeWait: 250 });
    const js = jetstream(nc, { timeout: REPLICATION_PUBLISH_TIMEOUT_MS });
    const jsm = await jetstreamManager(nc, { timeout: REPLICATION_PUBLISH_TIMEOUT_MS });
    const names = streamNames(config.prefix);
    await ensureStream(jsm, { name: names.stream, subject: names.subject }, config.streamMaxAgeMs);
    await ensureStream(jsm, { name: names.accessStream, subject: names.accessSubject }, config.streamMaxAgeMs);
    const kvm = new Kvm(js);
    await kvm.create(names.leaseBucket, { ttl: config.leaseTtlMs, history: 1, replicas: STREAM_REPLICAS });
    const objm = new Objm(js);
    const snapshots = await objm.create(names.snapshotBucket, { replicas: STREAM_REPLICAS });
    const blobs = await objm.create(names.blobBucket, { replicas: STREAM_REPLICAS, max_bytes: BLOB_BUCKET_BYTES_MAX });
    return new ReplicationNode(config, nc, js, jsm, names, snapshots, kvm, new BlobBucket(blobs), onFatal);
  }

  /**
   * Before the store opens. A standby on an empty data directory waits for and downloads the latest snapshot; a
   * primary on an empty one seeds (returns true) unless the stream already holds a journal it would fork.
   */
  async prepareDataDir(dataDir: string): Promise<{ seed: boolean }> {
    if (fs.existsSync(path.join(dataDir, FILE_NAME))) return { seed: false };
    if (this.config.role === 'primary') {
      const head = await streamHead(this.jsm, this.names);
      if (head.seq >= 0)
        throw new Error('the journal stream holds entries already: start this node with ROLE=standby to join it');
      return { seed: true };
    }
    let said = false;
    for (;;) {
      const startedMs = performance.now();
      const bytes = await getSnapshot(this.snapshots, dataDir);
      if (bytes !== null) {
        const seconds = ((performance.now() - startedMs) / 1000).toFixed(1);
        console.log(
          `aidstock: standby bootstrapped from the latest snapshot (${(bytes / 2 ** 20).toFixed(0)} MB in ${seconds} s)`,
        );
        break;
      }
      if (!said) console.log('aidstock: standby waiting for the primary’s first snapshot');
      said = true;
      await sleep(500);
    }
    return { seed: false };
  }

  /** Hooks into the engine at once (commands get `read_only` until this node leads). */
  attach(engine: Engine, snapshotSource: SnapshotSource | null): void {
    this.engine = engine;
    this.snapshotSource = snapshotSource;
    engine.replication = this;
    engine.attachments.replica = this.blobs;
    this.accessLog = new ReplicatedAccessLog(engine.store.accessLog, this.js, this.names, this.onFatal);
    engine.accessLog = this.accessLog;
  }

  /** Once the server listens: follow the stream from the local seq, and watch the lease. */
  async start(advertiseUrl: string): Promise<void> {
    const engine = this.mustEngine();
    this.url = this.config.advertiseUrl ?? advertiseUrl;
    this.lease = new Lease(
      await this.kvm.open(this.names.leaseBucket),
      this.config.leaseTtlMs,
      { nodeId: this.config.nodeId, url: this.url },
      (why) => this.stepDown(`lease lost: ${why}`),
    );
    await this.follow(engine.state.seq);
    await this.blobs.mirror(engine.attachments);
    await this.accessLog!.start(this.jsm);
    this.watchTimer = setInterval(() => void this.watchLease(), Math.max(50, this.config.leaseTtlMs / 8));
  }

  private mustEngine(): Engine {
    if (this.engine === null) throw new Error('replication node not attached to an engine');
    return this.engine;
  }

  private async follow(seq: number): Promise<void> {
    const from = await resumePoint(this.jsm, this.names, seq);
    this.follower = new Follower(this.js, this.names, this.mustEngine(), this.lag, this.onFatal);
    await this.follower.start(from);
    this.state = 'following';
  }

  /**
   * After a step-down the cause may be NATS itself (no quorum, no connection): retry until the stream answers again,
   * reads going on meanwhile, instead of ending the process.
   */
  private async followWhenReachable(seq: number): Promise<void> {
    for (let waitMs = 250; ; waitMs = Math.min(waitMs * 2, FOLLOW_RETRY_MS_MAX)) {
      try {
        await this.follow(seq);
        return;
      } catch (error) {
        if (this.state === 'stopped') return;
        console.error(`aidstock: replication: cannot follow the stream yet (${message(error)}); retrying`);
        await sleep(waitMs);
      }
    }
  }

  private watching = false;

  /** While following: learn the leader's URL; when the lease has lapsed, take it and take over. */
  private async watchLease(): Promise<void> {
    if (this.watching || this.state !== 'following' || this.lease === null) return;
    this.watching = true;
    try {
      const current = await this.lease.current();
      if (current !== null) {
        this.leaderUrl = current.url;
        return;
      }
      if (this.state !== 'following') return;
      if (!(await this.lease.tryAcquire())) return;
      await this.takeOver().catch((error: unknown) => this.abandonTakeOver(`taking over failed: ${message(error)}`));
    } catch (error) {
      console.error(`aidstock: replication: lease check failed: ${message(error)}`);
    } finally {
      this.watching = false;
    }
  }

  /** Drains the stream to its end, fences older primaries with a marker, then accepts commands. */
  private async takeOver(): Promise<void> {
    const engine = this.mustEngine();
    const lease = this.lease!;
    this.state = 'taking-over';
    const startedMs = performance.now();
    for (;;) {
      if (!lease.held()) return this.abandonTakeOver('lease ran out while taking over');
      const head = await streamHead(this.jsm, this.names);
      while (this.follower!.status.streamSeq < head.streamSeq) {
        if (!lease.held()) return this.abandonTakeOver('lease ran out while draining the stream');
        await sleep(POLL_MS);
      }
      await engine.whenDurable(engine.state.seq);
      const publisher = new ChainPublisher(this.js, this.names, head, lease.term, this.url);
      // Our own marker already last (an earlier try landed but its ack was lost): fenced already; a second one would
      // only be deduplicated by its msg id.
      if (head.msgId !== publisher.markerId) {
        try {
          await publisher.publish('marker', engine.state.seq, engine.state.seq, EMPTY);
        } catch (error) {
          console.log(`aidstock: replication: marker refused (${message(error)}), draining again`);
          await sleep(POLL_MS);
          continue;
        }
      }
      await this.follower!.stop();
      this.follower = null;
      if (!lease.held()) {
        // The marker is in, but the lease ran out meanwhile: follow again, from the marker on (nothing was accepted).
        this.abandonTakeOver('lease ran out right after the marker');
        await this.follow(engine.state.seq);
        return;
      }
      this.publisher = publisher;
      this.batch = null;
      this.tail = Promise.resolve();
      this.leaderUrl = this.url;
      this.state = 'leading';
      this.counters.takeovers++;
      console.log(
        `aidstock: replication: leading (term ${lease.term}, seq ${engine.state.seq}) after ` +
          `${(performance.now() - startedMs).toFixed(0)} ms of catching up`,
      );
      this.startSnapshots();
      return;
    }
  }

  /** Before the marker landed (the follower still runs): give the lease back at once for another standby. */
  private abandonTakeOver(why: string): void {
    console.log(`aidstock: replication: ${why}; following again`);
    void this.lease?.release();
    this.state = 'following';
  }

  refusal(): ReadOnly | null {
    if (this.state === 'leading' && this.lease !== null && this.lease.held()) return null;
    if (this.state === 'leading') this.stepDown('the lease ran out by this node’s clock');
    return readOnly(this.leaderUrl === this.url ? null : this.leaderUrl);
  }

  /**
   * Entries decided in one event-loop turn go out as one stream message (one raft proposal and one ack for the burst,
   * as the local store's group commit takes one fsync), published when the turn ends; a burst over
   * REPLICATION_MESSAGE_BYTES_MAX takes several messages, in order.
   */
  replicate(entry: JournalEntry): Promise<void> {
    if (this.state !== 'leading' || this.publisher === null)
      return Promise.reject(new NotReplicated('not leading', this.leaderUrl));
    const bytes = entryBytes(entry);
    if (this.batch === null || this.batch.bytes + bytes.length > REPLICATION_MESSAGE_BYTES_MAX) {
      const batch: Batch = { entries: [], parts: [], bytes: 0, done: Promise.resolve() };
      batch.done = new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.publishBatch(batch));
      this.batch = batch;
    }
    this.batch.entries.push(entry);
    this.batch.parts.push(bytes);
    this.batch.bytes += bytes.length;
    return this.batch.done;
  }

  private batch: Batch | null = null;

  private publishBatch(batch: Batch): Promise<void> {
    if (this.batch === batch) this.batch = null;
    if (this.state !== 'leading' || this.publisher === null) throw new NotReplicated('not leading', this.leaderUrl);
    const data = Buffer.concat(batch.parts, batch.bytes);
    const first = batch.entries[0]!.seq;
    const last = batch.entries.at(-1)!.seq;
    const ack = this.publisher.publish('entry', first, last, data);
    const done = Promise.all([this.tail, ack]).then(() => {
      // Acked, but a paused process may wake up past its lease: it must not acknowledge then.
      if (!this.lease!.held()) throw new Error('the lease ran out before the ack');
    });
    this.tail = done.catch((error: unknown) => {
      this.stepDown(`publish of seq ${first}–${last} failed: ${message(error)}`);
      throw new NotReplicated(message(error), null);
    });
    return this.tail;
  }

  /** Stops acknowledging at once; once no commit is in flight, drops the unreplicated tail and follows the stream. */
  private stepDown(why: string): void {
    if (this.state !== 'leading') return;
    this.state = 'deposed';
    this.counters.stepDowns++;
    this.leaderUrl = null;
    this.publisher = null;
    this.lease?.stop();
    this.stopSnapshots();
    console.error(`aidstock: replication: stepping down: ${why}`);
    void (async () => {
      const engine = this.mustEngine();
      while (engine.commitsInFlight > 0) await sleep(POLL_MS);
      engine.reloadDurableState();
      console.log(`aidstock: replication: deposed, kept seq ${engine.state.seq}; following the stream`);
      await this.followWhenReachable(engine.state.seq);
    })().catch((error: unknown) => this.onFatal(error instanceof Error ? error : new Error(String(error))));
  }

  private startSnapshots(): void {
    if (this.snapshotSource === null) return;
    // One at a time (a large store's copy and upload can outlast the interval), and none when nothing changed since
    // the last one: neither the journal nor the access log (both streams are bounded by the same age).
    let taking = false;
    let last = { seq: -1, accessPosition: -1 };
    const take = async () => {
      const source = this.snapshotSource;
      if (source === null || this.state !== 'leading' || taking) return;
      const seq = this.mustEngine().durableSeq;
      const accessPosition = this.accessLog?.position() ?? 0;
      if (seq === last.seq && accessPosition === last.accessPosition) return;
      taking = true;
      const startedMs = performance.now();
      try {
        const bytes = await putSnapshot(this.snapshots, source, seq);
        const seconds = ((performance.now() - startedMs) / 1000).toFixed(1);
        console.log(
          `aidstock: replication: snapshot at seq ${seq} (${(bytes / 2 ** 20).toFixed(0)} MB in ${seconds} s)`,
        );
        last = { seq, accessPosition };
        this.counters.snapshots++;
        this.counters.snapshotBytes = bytes;
        this.counters.lastSnapshotSeq = seq;
      } catch (error) {
        console.error(`aidstock: replication: snapshot failed: ${message(error)}`);
      } finally {
        taking = false;
      }
    };
    void take();
    this.snapshotTimer = setInterval(() => void take(), this.config.snapshotIntervalMs);
    this.snapshotTimer.unref();
  }

  private stopSnapshots(): void {
    if (this.snapshotTimer !== null) clearInterval(this.snapshotTimer);
    this.snapshotTimer = null;
  }

  private sharedSessions: Promise<{ stop(): void } | null> = Promise.resolve(null);

  shareSessions(sessions: Sessions): void {
    this.sharedSessions = shareSessions(this.kvm, this.names.sessionBucket, sessions).catch((error: unknown) => {
      console.error(`aidstock: replication: sessions are not shared: ${message(error)}`);
      return null;
    });
  }

  /** For /health. */
  health(): Record<string, unknown> {
    const engine = this.mustEngine();
    const leading = this.state === 'leading';
    const lagEntries = leading ? 0 : (this.follower?.status.pending ?? 0) + engine.commitsInFlight;
    return {
      role: leading ? 'primary' : 'standby',
      state: this.state,
      nodeId: this.config.nodeId,
      url: this.url,
      primary: leading ? this.url : this.leaderUrl,
      term: this.lease?.term ?? 0,
      appliedSeq: engine.durableSeq,
      lagEntries,
      lagMsP50: this.lag.quantile(0.5),
      lagMsP99: this.lag.quantile(0.99),
      snapshots: this.counters.snapshots,
      lastSnapshotSeq: this.counters.lastSnapshotSeq,
      accessLogPosition: this.accessLog?.position() ?? 0,
      attachmentsCopied: engine.attachments.counters.copied,
      attachmentsFetchedOnDemand: engine.attachments.counters.fetchedOnDemand,
    };
  }

  /** Prometheus lines appended to /metrics. */
  metrics(): string {
    const h = this.health();
    const value = (v: unknown) => (typeof v === 'number' ? v : null);
    const lines = [
      ...family(
        'aidstock_replication_leading',
        'gauge',
        '1 while this node is the primary and accepts commands.',
        h.role === 'primary' ? 1 : 0,
      ),
      ...family(
        'aidstock_replication_applied_seq',
        'gauge',
        'Highest journal seq durable on this node.',
        value(h.appliedSeq),
      ),
      ...family(
        'aidstock_replication_lag_entries',
        'gauge',
        'Stream messages this standby has not yet made durable.',
        value(h.lagEntries),
      ),
      ...family(
        'aidstock_replication_lag_ms_p50',
        'gauge',
        'Median delay from stream to local durability (recent entries).',
        value(h.lagMsP50),
      ),
      ...family('aidstock_replication_lag_ms_p99', 'gauge', '99th percentile of that delay.', value(h.lagMsP99)),
      ...family(
        'aidstock_replication_takeovers',
        'gauge',
        'Times this node became the primary.',
        this.counters.takeovers,
      ),
      ...family(
        'aidstock_replication_step_downs',
        'gauge',
        'Times this node stopped being the primary.',
        this.counters.stepDowns,
      ),
      ...family(
        'aidstock_replication_access_log_position',
        'gauge',
        'Last access-log stream sequence in the local access log.',
        value(h.accessLogPosition),
      ),
      ...family(
        'aidstock_replication_attachments_copied_total',
        'counter',
        'Attachments another node stored, copied to this one.',
        value(h.attachmentsCopied),
      ),
    ];
    return `${lines.join('\n')}\n`;
  }

  /** Shutdown: a primary gives its lease up (a standby takes over without waiting for the TTL). */
  async close(): Promise<void> {
    const wasLeading = this.state === 'leading';
    this.state = 'stopped';
    if (this.watchTimer !== null) clearInterval(this.watchTimer);
    this.stopSnapshots();
    await this.follower?.stop();
    await this.blobs.stop();
    await this.accessLog?.stop();
    if (wasLeading) {
      const engine = this.mustEngine();
      while (engine.commitsInFlight > 0) await sleep(POLL_MS);
      await this.lease?.release();
    }
    this.lease?.stop();
    (await this.sharedSessions)?.stop();
    await this.nc.close();
  }
}
