// Issue 17: a read worker's thread. It loads a replica of the state from the same LMDB tables the writer loaded at
// start (lmdb-js shares one environment between the threads of a process), then applies the writer's durable journal
// entries in seq order, and answers the read-only queries the writer thread hands it (read-ops.ts) with the encoded
// reply frame. It never writes: commands, sessions and pushes stay on the writer thread.
// A broken invariant (an entry out of order, a read op touching more than the state) throws: the worker ends, and the
// writer thread ends the engine loudly (read-pool.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { unpack } from 'msgpackr';
import { REPLICA_STATS_INTERVAL_MS } from '../../schemas/limits.ts';
import type { JournalEntry } from '../../schemas/events.ts';
import { applyEntry } from '../core/apply.ts';
import { stateFromTables } from '../core/load-state.ts';
import { LmdbStore } from '../store/lmdb-store.ts';
import { Histogram } from './metrics.ts';
import { REPLICA_LAG_BUCKETS_S } from './read-lag.ts';
import type { AnswersMessage, FromWorker, QueryMessage, ToWorker, ToWorkerBatch, WorkerData } from './read-protocol.ts';
import { runRead } from './read-ops.ts';
import { replyEncoder } from './reply-encode.ts';
import { tablesDigest } from './state-digest.ts';

const port = parentPort;
if (port === null) throw new Error('read-worker.ts runs as a worker thread only');
const { dataDir } = workerData as WorkerData;

/**
 * The writer thread comes first: commands wait for nothing but their fsync, so a worker busy with searches must not take
 * a core the writer needs. On Linux a thread has its own nice value (setpriority on its thread id); elsewhere the worker
 * keeps the process's priority.
 */
const READ_WORKER_NICE = 10;

function yieldToTheWriter(): void {
  try {
    const tid = Number(path.basename(fs.readlinkSync('/proc/thread-self')));
    if (Number.isInteger(tid)) os.setPriority(tid, READ_WORKER_NICE);
  } catch {
    // Not Linux (no /proc/thread-self), or not allowed: the same priority as the writer, which only costs latency.
  }
}

yieldToTheWriter();
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
/** A batch's reply bytes start in a buffer this large, doubled as needed. */
const ANSWER_BYTES_INITIAL = 64 * 1024;

/** The answers to the batch being handled, posted together at its end (read-protocol.ts, AnswersMessage). */
class AnswerBatch {
  private rids: number[] = [];
  private frames: Array<number | string> = [];
  private errorCodes: Array<string | null> = [];
  private fallbacks: number[] = [];
  private bytes = new Uint8Array(ANSWER_BYTES_INITIAL);
  private used = 0;

  get empty(): boolean {
    return this.rids.length === 0 && this.fallbacks.length === 0;
  }

  fallback(rid: number): void {
    this.fallbacks.push(rid);
  }

  /** Copies the frame: the row encoders reuse their buffer, and msgpackr hands out views of a larger one. */
  add(rid: number, frame: Uint8Array | string, errorCode: string | null): void {
    this.rids.push(rid);
    this.errorCodes.push(errorCode);
    if (typeof frame === 'string') {
      this.frames.push(frame);
      return;
    }
    if (this.used + frame.byteLength > this.bytes.byteLength) {
      const grown = new Uint8Array(Math.max(this.bytes.byteLength * 2, this.used + frame.byteLength));
      grown.set(this.bytes.subarray(0, this.used));
      this.bytes = grown;
    }
    this.bytes.set(frame, this.used);
    this.used += frame.byteLength;
    this.frames.push(this.used);
  }

  /** Posts the batch, transferring its one buffer, and starts a new one. */
  post(): void {
    const { rids, frames, errorCodes, fallbacks } = this;
    const bytes = this.bytes.subarray(0, this.used);
    const message: AnswersMessage = { kind: 'answers', rids, frames, errorCodes, bytes, fallbacks };
    port!.postMessage(message, [bytes.buffer as ArrayBuffer]);
    this.rids = [];
    this.frames = [];
    this.errorCodes = [];
    this.fallbacks = [];
    this.bytes = new Uint8Array(ANSWER_BYTES_INITIAL);
    this.used = 0;
  }
}

const answers = new AnswerBatch();
let answersScheduled = false;

function postAnswers(): void {
  answersScheduled = false;
  answers.post();
}

function post(message: FromWorker): void {
  port!.postMessage(message);
}

function answer(query: QueryMessage): void {
  queries++;
  const outcome = runRead(state, query.op, query.args, query.caller);
  if (outcome === null) {
    answers.fallback(query.rid);
    return;
  }
  answers.add(query.rid, encode(query.id, query.op, outcome, query.encoding), outcome.ok ? null : outcome.code);
}

function applyFed(bytes: Uint8Array, committedMs: number): void {
  applyEntry(state, unpack(bytes) as JournalEntry);
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
  // The port hands over every batch that is queued in this event-loop turn: answer them all in one message, once the
  // turn's batches are handled (a postMessage per batch cost a tenth of the worker's time when the writer is idle).
  if (answers.empty || answersScheduled) return;
  answersScheduled = true;
  setImmediate(postAnswers);
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
