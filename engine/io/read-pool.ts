// Issue 17: the writer thread's side of the read workers. It starts READ_WORKERS threads before the server accepts
// connections (no command runs, so the LMDB tables they load are the ones the writer loaded), feeds them every durable
// journal entry in seq order (msgpack-encoded once, the same bytes to each), and hands them the read-only queries
// (read-ops.ts), least busy first. A query carries the writer's seq after its connection's last command, and the worker
// answers only from a replica at or past it: a connection reads its own writes.
// Contract: every query handed out is answered exactly once: by its worker, by the writer thread (the replica did not
// know the caller yet, or its worker failed), or `overloaded` after READ_REPLY_TIMEOUT_MS. A worker that fails (a
// broken invariant, out of memory) leaves the rotation at once and is started again on the LMDB tables as they are then
// (one read transaction: a consistent state at some seq), then fed the journal from that seq on; too many failures in
// a window end the engine, so a replica that keeps breaking is seen, never silently serving stale reads.
import { Worker } from 'node:worker_threads';
import type { JournalEntry } from '../../schemas/events.ts';
import {
  READ_REPLY_TIMEOUT_MS,
  READ_WORKER_RESTART_WINDOW_MS,
  READ_WORKER_RESTARTS_MAX,
  REPLICA_START_MS_MAX,
} from '../../schemas/limits.ts';
import type { OpName } from '../../schemas/ops.ts';
import type { RequestIdT } from '../../schemas/protocol.ts';
import { assert } from '../core/assert.ts';
import type { Engine } from '../engine.ts';
import { entryBytes } from '../entry-bytes.ts';
import type { Encoding } from './codec.ts';
import { family, Histogram, histogramFamily } from './metrics.ts';
import { REPLICA_LAG_BUCKETS_S } from './read-lag.ts';
import { runRead } from './read-ops.ts';
import type {
  AnswerMessage,
  FromWorker,
  ReadAnswer,
  ReadCaller,
  StatsMessage,
  ToWorker,
  WorkerData,
} from './read-protocol.ts';
import { replyEncoder } from './reply-encode.ts';
import { tablesDigest } from './state-digest.ts';

/** A read op as handed to the pool: what the writer thread needs to answer it itself. */
interface ReadRequest {
  op: OpName;
  id: RequestIdT | null;
  args: unknown;
  caller: ReadCaller;
  encoding: Encoding;
}

interface Pending extends ReadRequest {
  startedMs: number;
  replica: Replica;
  resolve: (answer: ReadAnswer) => void;
}

interface Replica {
  index: number;
  worker: Worker;
  pending: number;
  stats: StatsMessage | null;
  readyMs: number;
  loadMs: number;
  /** The seq of the tables the replica loaded: the writer's, as no command ran meanwhile. */
  seqAtStart: number;
  /** Messages of this event-loop turn, posted together (setImmediate): one postMessage per turn, not per query. */
  outbox: ToWorker[];
}

const OVERLOADED = {
  ok: false as const,
  code: 'overloaded' as const,
  message: 'Sökningen tog för lång tid; försök igen.',
};
const WORKER_URL = new URL('./read-worker.ts', import.meta.url).href;
/**
 * A worker starts with no module hooks, so it registers tsx itself before importing its TypeScript entry (Node 20
 * passes `--import tsx` on to workers, but not the hooks it registered).
 */
const BOOT = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => { register(); return import(${JSON.stringify(WORKER_URL)}); });`;

function spawn(dataDir: string, index: number): Worker {
  const workerData: WorkerData = { dataDir, index };
  return new Worker(BOOT, { eval: true, workerData, name: `aidstock-read-${index}` });
}

export interface ReadPoolOptions {
  /**
   * A worker failed more than READ_WORKER_RESTARTS_MAX times in the window (or could not start again): the default
   * ends the engine (exit code 70, as a broken invariant does).
   */
  onWorkerDeath?: (index: number, error: unknown) => void;
}

function endEngine(index: number, error: unknown): void {
  console.error(`aidstock: fatal: read worker ${index} failed:`, error);
  process.exit(70);
}

export class ReadPool {
  private readonly pending = new Map<number, Pending>();
  private nextRid = 1;
  private nextStart = 0;
  private readonly sweep: NodeJS.Timeout;
  private closing = false;
  /** The last entry posted to the workers, and entries that became durable before one with a lower seq. */
  private fedSeq: number;
  private readonly early = new Map<number, JournalEntry>();
  private flushScheduled = false;
  private readonly encode = replyEncoder();
  /** Queries answered on the writer thread because the replica did not know the caller, or after a timeout. */
  fallbacks = 0;
  timeouts = 0;
  /** Process RSS grown while the replicas loaded, per replica (start-up figure; RSS is shared by all threads). */
  rssPerReplicaBytes = 0;
  /** Workers started again after a failure (ever), and when (within the window) for the limit. */
  restarts = 0;
  private restartTimesMs: number[] = [];
  private readonly onDeath: (index: number, error: unknown) => void;

  private constructor(
    private readonly engine: Engine,
    private readonly dataDir: string,
    private readonly replicas: Replica[],
    options: ReadPoolOptions,
  ) {
    this.fedSeq = engine.state.seq;
    this.onDeath = options.onWorkerDeath ?? endEngine;
    for (const replica of replicas) this.watch(replica);
    engine.onCommitted((entry) => this.feed(entry));
    this.sweep = setInterval(() => this.expire(), READ_REPLY_TIMEOUT_MS / 5);
    this.sweep.unref();
  }

  /** Starts `count` workers on the LMDB data in `dataDir` and waits until each holds the writer's state. */
  static async start(engine: Engine, dataDir: string, count: number, options: ReadPoolOptions = {}): Promise<ReadPool> {
    assert(count > 0, 'a read pool has workers');
    const rssBefore = process.memoryUsage().rss;
    const replicas = await Promise.all(Array.from({ length: count }, (_, index) => startReplica(dataDir, index)));
    for (const replica of replicas) {
      assert(
        replica.seqAtStart === engine.state.seq,
        `read worker ${replica.index} loaded seq ${replica.seqAtStart}, the writer is at ${engine.state.seq}`,
      );
    }
    const pool = new ReadPool(engine, dataDir, replicas, options);
    pool.rssPerReplicaBytes = Math.max(0, process.memoryUsage().rss - rssBefore) / count;
    return pool;
  }

  private watch(replica: Replica): void {
    let failed = false;
    const fail = (error: unknown) => {
      if (failed || this.closing) return;
      failed = true;
      this.failed(replica, error);
    };
    replica.worker.on('message', (message: FromWorker) => this.received(replica, message));
    replica.worker.on('error', fail);
    replica.worker.on('exit', (code) => fail(new Error(`exited with code ${code}`)));
  }

  /** Out of the rotation at once; its queries answered here; started again unless it failed too often. */
  private failed(replica: Replica, error: unknown): void {
    const at = this.replicas.indexOf(replica);
    if (at >= 0) this.replicas.splice(at, 1);
    this.nextStart = 0;
    void replica.worker.terminate();
    for (const [rid, pending] of this.pending) {
      if (pending.replica !== replica) continue;
      this.settle(rid);
      this.fallbacks++;
      pending.resolve(this.answerHere(pending));
    }
    const nowMs = performance.now();
    this.restartTimesMs = this.restartTimesMs.filter((t) => t > nowMs - READ_WORKER_RESTART_WINDOW_MS);
    if (this.restartTimesMs.length >= READ_WORKER_RESTARTS_MAX) {
      this.onDeath(replica.index, error);
      return;
    }
    this.restartTimesMs.push(nowMs);
    console.error(`aidstock: read worker ${replica.index} failed, starting it again:`, error);
    startReplica(this.dataDir, replica.index).then(
      (fresh) => this.rejoin(fresh),
      (startError: unknown) => this.onDeath(replica.index, startError),
    );
  }

  /**
   * A worker started again loaded the tables at some seq S while the writer went on: it gets the journal from S + 1 to
   * what was fed (read back from the store), then joins the feed; entries up to S it skips (post).
   */
  private rejoin(replica: Replica): void {
    if (this.closing) {
      void replica.worker.terminate();
      return;
    }
    for (const entry of this.engine.store.journal(replica.seqAtStart + 1)) {
      if (entry.seq > this.fedSeq) break;
      this.enqueue(replica, entryMessage(entry));
    }
    this.watch(replica);
    this.replicas.push(replica);
    this.restarts++;
    console.log(
      `aidstock: read worker ${replica.index} ready again in ${replica.readyMs} ms (loaded seq ${replica.seqAtStart})`,
    );
  }

  /** Workers in the rotation (fewer than started while a failed one starts again). */
  get size(): number {
    return this.replicas.length;
  }

  /** Tests: ends worker `index` as a crash would (it is started again like any failed worker). */
  async crashWorker(index: number): Promise<void> {
    const replica = this.replicas.find((r) => r.index === index);
    if (replica !== undefined) await replica.worker.terminate();
  }

  /** Start-up figures per replica: ms from spawn to ready, and of that the load of its state. */
  get startFigures(): Array<{ readyMs: number; loadMs: number }> {
    return this.replicas.map((r) => ({ readyMs: r.readyMs, loadMs: r.loadMs }));
  }

  /**
   * Commit listeners run as each append's durability promise settles, and under load a later transaction's can settle
   * before an earlier one's (both are durable by then): entries wait here until the ones before them came, so every
   * replica gets them in seq order (applyEntry asserts it).
   */
  private feed(entry: JournalEntry): void {
    if (entry.seq !== this.fedSeq + 1) {
      assert(entry.seq > this.fedSeq, `entry ${entry.seq} committed again after ${this.fedSeq} was fed`);
      this.early.set(entry.seq, entry);
      return;
    }
    this.post(entry);
    for (let next = this.early.get(this.fedSeq + 1); next !== undefined; next = this.early.get(this.fedSeq + 1)) {
      this.early.delete(next.seq);
      this.post(next);
    }
  }

  private post(entry: JournalEntry): void {
    const message = entryMessage(entry);
    // A replica started again may have loaded tables that hold this entry already.
    for (const replica of this.replicas) if (entry.seq > replica.seqAtStart) this.enqueue(replica, message);
    this.fedSeq = entry.seq;
  }

  /**
   * A message to a worker goes out at the end of this event-loop turn with the others of the turn (uWS delivers a
   * turn's frames together): a postMessage costs microseconds on both threads, and hundreds per turn would cost more
   * than the queries. Order is kept: entries and queries travel in the order they were enqueued.
   */
  private enqueue(replica: Replica, message: ToWorker): void {
    replica.outbox.push(message);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(this.flush);
  }

  private readonly flush = (): void => {
    this.flushScheduled = false;
    for (const replica of this.replicas) {
      if (replica.outbox.length === 0) continue;
      replica.worker.postMessage(replica.outbox);
      replica.outbox = [];
    }
  };

  /** Hands a validated read op to the least busy worker; resolves with its encoded reply. */
  query(
    id: RequestIdT | null,
    op: OpName,
    args: unknown,
    caller: ReadCaller,
    encoding: Encoding,
    minSeq: number,
  ): Promise<ReadAnswer> {
    if (this.replicas.length === 0) {
      // Every worker is starting again: the writer thread answers, as it does without workers.
      this.fallbacks++;
      return Promise.resolve(this.answerHere({ op, id, args, caller, encoding }));
    }
    const replica = this.leastBusy();
    const rid = this.nextRid++;
    replica.pending++;
    this.enqueue(replica, { kind: 'query', rid, id, op, args, caller, encoding, minSeq });
    return new Promise((resolve) => {
      this.pending.set(rid, { startedMs: performance.now(), replica, resolve, op, id, args, caller, encoding });
    });
  }

  private leastBusy(): Replica {
    const n = this.replicas.length;
    const start = this.nextStart;
    this.nextStart = (start + 1) % n;
    let best = this.replicas[start];
    for (let i = 1; i < n && best.pending > 0; i++) {
      const candidate = this.replicas[(start + i) % n];
      if (candidate.pending < best.pending) best = candidate;
    }
    return best;
  }

  private settle(rid: number): Pending | null {
    const pending = this.pending.get(rid);
    if (pending === undefined) return null; // timed out already
    this.pending.delete(rid);
    pending.replica.pending--;
    return pending;
  }

  private received(replica: Replica, message: FromWorker): void {
    if (message.kind === 'stats') {
      replica.stats = message;
      return;
    }
    if (message.kind !== 'answers') return;
    for (const answer of message.answers) this.answered(answer);
  }

  private answered(answer: AnswerMessage): void {
    const pending = this.settle(answer.rid);
    if (pending === null) return;
    if (answer.kind === 'answer') {
      pending.resolve({ frame: answer.frame, errorCode: answer.errorCode });
      return;
    }
    this.fallbacks++;
    pending.resolve(this.answerHere(pending));
  }

  /** The writer thread answers from its own state (same handler); a caller it does not know either is refused. */
  private answerHere(pending: ReadRequest): ReadAnswer {
    const outcome = runRead(this.engine.state, pending.op, pending.args, pending.caller) ?? {
      ok: false as const,
      code: 'unauthorized' as const,
      message: 'Logga in först.',
    };
    const frame = this.encode(pending.id, pending.op, outcome, pending.encoding);
    return {
      frame: typeof frame === 'string' ? frame : new Uint8Array(frame),
      errorCode: outcome.ok ? null : outcome.code,
    };
  }

  /** Queries older than READ_REPLY_TIMEOUT_MS (insertion order is age order) are answered `overloaded`. */
  private expire(): void {
    const oldest = performance.now() - READ_REPLY_TIMEOUT_MS;
    for (const [rid, pending] of this.pending) {
      if (pending.startedMs > oldest) break;
      this.settle(rid);
      this.timeouts++;
      const frame = this.encode(pending.id, pending.op, OVERLOADED, pending.encoding);
      pending.resolve({ frame: typeof frame === 'string' ? frame : new Uint8Array(frame), errorCode: 'overloaded' });
    }
  }

  /** Tests: each replica's seq and table digest, beside the writer's (call when no command is in flight). */
  async digests(): Promise<{
    writer: { seq: number; digest: string };
    replicas: Array<{ seq: number; digest: string }>;
  }> {
    const replicas = await Promise.all(
      this.replicas.map((replica) => {
        const rid = this.nextRid++;
        const answer = digestOf(replica, rid);
        this.enqueue(replica, { kind: 'digest', rid });
        return answer;
      }),
    );
    return { writer: { seq: this.engine.state.seq, digest: tablesDigest(this.engine.state) }, replicas };
  }

  /** Prometheus lines: workers, per-replica applied seq, seq behind, lag histogram, heap, queries. */
  render(): string {
    const durable = this.engine.durableSeq;
    const reporting = this.replicas.filter((r) => r.stats !== null) as Array<Replica & { stats: StatsMessage }>;
    const perWorker = (value: (s: StatsMessage) => number) =>
      reporting.map((r) => ({ labels: `worker="${r.index}"`, value: value(r.stats) }));
    const lagOf = (r: Replica & { stats: StatsMessage }): [string, Histogram] => {
      const h = new Histogram(REPLICA_LAG_BUCKETS_S);
      h.counts.splice(0, h.counts.length, ...r.stats.lag.counts);
      h.sum = r.stats.lag.sum;
      h.count = r.stats.lag.count;
      return [`worker="${r.index}"`, h];
    };
    const lines = [
      ...family(
        'aidstock_read_workers',
        'gauge',
        'Threads answering read-only queries from a replica (READ_WORKERS).',
        this.replicas.length,
      ),
      ...family('aidstock_read_fallbacks_total', 'counter', '', this.fallbacks),
      ...family(
        'aidstock_read_worker_restarts_total',
        'counter',
        'Read workers started again after a failure.',
        this.restarts,
      ),
      ...family('aidstock_read_timeouts_total', 'counter', '', this.timeouts),
      ...family(
        'aidstock_replica_rss_bytes',
        'gauge',
        'Process RSS grown while the replicas loaded, per replica (at start).',
        Math.round(this.rssPerReplicaBytes),
      ),
      ...family(
        'aidstock_replica_seq_behind',
        'gauge',
        'Durable seq minus the seq the replica last reported applied.',
        perWorker((s) => Math.max(0, durable - s.appliedSeq)),
      ),
      ...family(
        'aidstock_replica_applied_seq',
        'gauge',
        '',
        perWorker((s) => s.appliedSeq),
      ),
      ...family(
        'aidstock_replica_heap_bytes',
        'gauge',
        "The worker's own V8 heap in use.",
        perWorker((s) => s.heapUsedBytes),
      ),
      ...family(
        'aidstock_replica_external_bytes',
        'gauge',
        '',
        perWorker((s) => s.externalBytes),
      ),
      ...family(
        'aidstock_replica_queries_total',
        'counter',
        '',
        perWorker((s) => s.queries),
      ),
      ...histogramFamily(
        'aidstock_replica_lag_seconds',
        "From the writer's commit to the entry applied on the replica.",
        reporting.map(lagOf),
      ),
    ];
    return `${lines.join('\n')}\n`;
  }

  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.sweep);
    await Promise.all(this.replicas.map((r) => r.worker.terminate()));
  }
}

function entryMessage(entry: JournalEntry): ToWorker {
  // The bytes the journal stream carries too (entry-bytes.ts): encoded once, whoever needs them first.
  return { kind: 'entry', bytes: entryBytes(entry), committedMs: performance.timeOrigin + performance.now() };
}

function startReplica(dataDir: string, index: number): Promise<Replica> {
  const startedMs = performance.now();
  const worker = spawn(dataDir, index);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`read worker ${index} not ready within ${REPLICA_START_MS_MAX} ms`));
    }, REPLICA_START_MS_MAX);
    const fail = (error: unknown) => {
      clearTimeout(timer);
      worker.off('message', onReady);
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    const onExit = (code: number) => fail(new Error(`read worker ${index} exited with code ${code} before ready`));
    const onReady = (message: FromWorker) => {
      clearTimeout(timer);
      worker.off('error', fail);
      worker.off('exit', onExit);
      if (message.kind !== 'ready') return reject(new Error(`read worker ${index} sent ${message.kind} before ready`));
      const readyMs = Math.round(performance.now() - startedMs);
      resolve({
        index,
        worker,
        pending: 0,
        stats: null,
        readyMs,
        loadMs: message.loadMs,
        seqAtStart: message.seq,
        outbox: [],
      });
    };
    worker.once('error', fail);
    worker.once('exit', onExit);
    worker.once('message', onReady);
  });
}

/** The worker's answer to the digest request `rid` (enqueued after the entries fed before it). */
function digestOf(replica: Replica, rid: number): Promise<{ seq: number; digest: string }> {
  return new Promise((resolve) => {
    const listener = (message: FromWorker) => {
      if (message.kind !== 'digest' || message.rid !== rid) return;
      replica.worker.off('message', listener);
      resolve({ seq: message.seq, digest: message.digest });
    };
    replica.worker.on('message', listener);
  });
}
