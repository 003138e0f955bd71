// Issue 17: the messages between the writer thread and its read workers (read-pool.ts, read-worker.ts). A leaf of
// types. One MessagePort per worker carries both the journal feed and the queries, in the order they were posted:
// a query posted after an entry is answered by a replica that applied it.
import type { OpName } from '../../schemas/ops.ts';
import type { RequestIdT } from '../../schemas/protocol.ts';
import type { Encoding } from './codec.ts';

/** What a query needs of its connection: serialisable, so the writer thread can post it to a worker. */
export interface ReadCaller {
  userId: string | null;
  workplaceId: string | null;
  nowMs: number;
}

/** An answered query: the reply frame as it goes on the wire, and its error code (metrics) if it is an error. */
export interface ReadAnswer {
  frame: Uint8Array | string;
  errorCode: string | null;
}

/** What a worker needs at start: where the tables are, and how it numbers itself in /metrics. */
export interface WorkerData {
  dataDir: string;
  index: number;
}

/** A durable journal entry, msgpack-encoded once on the writer thread; `committedMs` is wall clock (lag). */
export interface EntryMessage {
  kind: 'entry';
  bytes: Uint8Array;
  committedMs: number;
}

/** A query the writer thread validated; `minSeq`: the seq of the connection's last acknowledged command. */
export interface QueryMessage {
  kind: 'query';
  rid: number;
  id: RequestIdT | null;
  op: OpName;
  args: unknown;
  caller: ReadCaller;
  encoding: Encoding;
  minSeq: number;
}

/** Tests: a digest of the replica's tables, to compare with the writer's. */
export interface DigestMessage {
  kind: 'digest';
  rid: number;
}

export type ToWorker = EntryMessage | QueryMessage | DigestMessage;
/** What goes over the port: everything for one worker of one event-loop turn, in order (one message, not hundreds). */
export type ToWorkerBatch = ToWorker[];

export interface ReadyMessage {
  kind: 'ready';
  seq: number;
  loadMs: number;
}

/** The encoded reply frame, or `fallback`: the replica could not answer (the writer thread does). */
export type AnswerMessage =
  | { kind: 'answer'; rid: number; frame: Uint8Array | string; errorCode: string | null }
  | { kind: 'fallback'; rid: number };

/** The answers to one batch, in one message. */
export interface AnswersMessage {
  kind: 'answers';
  answers: AnswerMessage[];
}

export interface DigestAnswer {
  kind: 'digest';
  rid: number;
  seq: number;
  digest: string;
}

/** A histogram's state as metrics.ts keeps it. */
export interface HistogramCounts {
  counts: number[];
  sum: number;
  count: number;
}

export interface StatsMessage {
  kind: 'stats';
  appliedSeq: number;
  /** Seconds from the writer's commit to the entry applied on this replica. */
  lag: HistogramCounts;
  queries: number;
  /** This worker's V8 heap (its isolate alone); the process RSS is shared by all threads. */
  heapUsedBytes: number;
  externalBytes: number;
}

export type FromWorker = ReadyMessage | AnswersMessage | DigestAnswer | StatsMessage;
