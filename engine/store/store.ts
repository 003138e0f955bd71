// The store contract: an append-only journal plus materialised table rows, written together and durable before append resolves.
import type { JournalEntry } from '../../schemas/events.ts';
import type { TableName, Tables } from '../core/state.ts';
import type { AccessLog } from './access-log.ts';
import type { JournalIndex } from './journal-index.ts';

export interface RowWrite {
  table: TableName;
  key: string | number;
  value: unknown;
}

/** An uploaded file (a work order's attachment): kept outside the in-memory state, read on demand. */
export interface StoredBlob {
  ownerId: string;
  name: string;
  contentType: string;
  timeMs: number;
  bytes: Uint8Array;
}

export interface Loaded {
  tables: Tables;
  /** Sequence number of the last journal entry whose rows are in `tables`. */
  seq: number;
}

export interface StoreStats {
  journalEntries: number;
  /** Bytes of the data file on disk (0 for the memory store). */
  bytesOnDisk: number;
}

export interface Store {
  readonly kind: 'memory' | 'lmdb';
  /** Reads every table into memory (start-up). */
  load(): Loaded;
  /** True until anything was ever written (decides whether to seed). */
  isEmpty(): boolean;
  /**
   * Writes journal entries and the rows they changed in one transaction (group commit: everything
   * appended in one event-loop turn shares it). Resolves only when durable on disk; never rejects
   * for business reasons. Rejects with a StoreWriteError when the write failed (disk full, I/O error): then nothing of
   * it is on disk, and every later append rejects too, unwritten, until `load()` re-reads the durable state — so
   * nothing decided on top of a failed command can reach the disk.
   */
  append(entries: readonly JournalEntry[], rows: readonly RowWrite[]): Promise<void>;
  /** Full disk: a write of its own (STORAGE_PROBE_BYTES, removed again) that resolves once durable, if writing works. */
  probe(): Promise<void>;
  /** Seeding: writes many rows of one table, in batches; resolves when durable. */
  bulkLoad(table: TableName, rows: Iterable<RowWrite>, onProgress?: (written: number) => void): Promise<void>;
  /** The patient-data access log: append-only, durable before the reply that shows the person (access-log.ts). */
  readonly accessLog: AccessLog;
  /** Stores an uploaded file under a new id; resolves when durable (the upload is acknowledged after). */
  putBlob(id: string, blob: StoredBlob): Promise<void>;
  getBlob(id: string): StoredBlob | undefined;
  /** Whether a blob is stored (a key check: no bytes are read). */
  hasBlob(id: string): boolean;
  /** Owner and size of every stored blob (start-up: the attachment quotas count from them). */
  blobSizes(): Iterable<{ ownerId: string; bytes: number }>;
  /**
   * The journal's index (journal-index.ts): keys written by `append` in the entry's transaction, so the stock ledger and
   * the change log page through the journal without a scan. A store opened on a journal without it builds it once.
   */
  readonly journalIndex: JournalIndex;
  /** Journal entries from `fromSeq` on, in order (audit, tests, replay). */
  journal(fromSeq: number): Iterable<JournalEntry>;
  stats(): StoreStats;
  close(): Promise<void>;
}
