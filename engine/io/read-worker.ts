// Issue 17: a read worker's thread. It loads a replica of the state from the same LMDB tables the writer loaded at
// start (lmdb-js shares one environment between the threads of a process), then applies the writer's durable journal
// entries in seq order, and answers the read-only queries the writer thread hands it (read-ops.ts) with the encoded
// reply frame. It never writes: commands, sessions and pushes stay on the writer thread.
// A broken invariant (an entry out of order, a read op touching more than the state) throws: the worker ends, and the
// writer thread ends the engine loudly (read-pool.ts).
import v8 from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { REPLICA_STATS_INTERVAL_MS } from '../../schemas/limits.ts';
import { applyEntry } from '../core/apply.ts';
import { stateFromTables } from '../core/load-state.ts';
import { decodeEntry } from '../entry-bytes.ts';
import { LmdbStore } from '../store/lmdb-store.ts';
import { Histogram } from './metrics.ts';
import { REPLICA_LAG_BUCKETS_S } from './read-lag.ts';
import type { AnswerMessage, FromWorker, QueryMessage, ToWorker, ToWorkerBatch, WorkerData } from './read-protocol.ts';
import { runRead } from './read-ops.ts';
import { replyEncoder } from './reply-encode.ts';
import { tablesDigest } from './state-digest.ts';

const port = parentPort;
if (port === null) throw new Error('read-worker.ts runs as a worker thread only');
const { dataDir } = workerData as WorkerData;

const startedMs = performance.now();
// The store stays open for the worker's life: packed tables decode their rows with the store's shared record
// structures, which lmdb-js reads from the environment when it first meets one.
const store = new LmdbStore(dataDir);
const loaded = store.load();
const state = stateFromTables(loaded.tables, loaded.seq);
const encode = replyEncoder();
const lag = new Histogram(REPLICA_LAG_BUCKETS_S);
/** Queries whose connection sent a command this replica has not applied yet (read-your-writes). */
let waiting: QueryMessage[] = [];
let queries = 0;
/** The answers to the batch being handled, posted together at its end with their buffers to transfer. */
let answers: AnswerMessage[] = [];
let transfers: ArrayBuffer[] = [];

function post(message: FromWorker, transfer: ArrayBuffer[] = []): void {
  port!.postMessage(message, transfer);
}

function answer(query: QueryMessage): void {
  queries++;
  const outcome = runRead(state, query.op, query.args, query.caller);
  if (outcome === null) {
    answers.push({ kind: 'fallback', rid: query.rid });
    return;
  }
  const frame = encode(query.id, query.op, outcome, query.encoding);
  const errorCode = outcome.ok ? null : outcome.code;
  if (typeof frame === 'string') {
    answers.push({ kind: 'answer', rid: query.rid, frame, errorCode });
    return;
  }
  // The row encoders reuse their buffer and msgpackr hands out views of a larger one: copy the frame into a buffer of
  // its own and transfer that (no second copy on the way to the writer thread).
  const own = new Uint8Array(frame);
  answers.push({ kind: 'answer', rid: query.rid, frame: own, errorCode });
  transfers.push(own.buffer as ArrayBuffer);
}

function applyFed(bytes: Uint8Array, committedMs: number): void {
  applyEntry(state, decodeEntry(bytes));
  lag.observe(Math.max(0, performance.timeOrigin + performance.now() - committedMs) / 1000);
  if (waiting.length === 0) return;
  const ready = waiting.filter((query) => query.minSeq <= state.seq);
  if (ready.length === 0) return;
  waiting = waiting.filter((query) => query.minSeq > state.seq);
  for (const query of ready) answer(query);
}

function handle(message: ToWorker): void {
  if (message.kind === 'entry') applyFed(message.bytes, message.committedMs);
  else if (message.kind === 'query') {
    // The feed and the queries share this port, so the entry a connection waits for usually came first; a query
    // pipelined behind its command waits here for it. A connection's minSeq never falls (but after a failed commit),
    // so its queries keep their order; other connections' queries do not wait behind it.
    if (message.minSeq <= state.seq) answer(message);
    else waiting.push(message);
  } else post({ kind: 'digest', rid: message.rid, seq: state.seq, digest: tablesDigest(state) });
}

port.on('message', (batch: ToWorkerBatch) => {
  for (const message of batch) handle(message);
  if (answers.length === 0) return;
  post({ kind: 'answers', answers }, transfers);
  answers = [];
  transfers = [];
});

setInterval(() => {
  const heap = v8.getHeapStatistics();
  post({
    kind: 'stats',
    appliedSeq: state.seq,
    lag: { counts: [...lag.counts], sum: lag.sum, count: lag.count },
    queries,
    heapUsedBytes: heap.used_heap_size,
    externalBytes: heap.external_memory,
  });
}, REPLICA_STATS_INTERVAL_MS).unref();

post({ kind: 'ready', seq: state.seq, loadMs: Math.round(performance.now() - startedMs) });
