// LMDB store: journal and tables in one environment. Group commit via lmdb-js (all puts of one event-loop
// turn share a transaction); append resolves on `flushed`, i.e. after fsync, not merely at commit.
import fs from 'node:fs';
import path from 'node:path';
import { open, type Database, type DatabaseOptions, type RootDatabase, type Transaction } from 'lmdb';
import type { JournalEntry } from '../../schemas/events.ts';
import type { StockRow } from '../../schemas/entities.ts';
import { assert } from '../core/assert.ts';
import { LmdbAccessLog } from './access-log-lmdb.ts';
import { emptyTables, TABLE_NAMES, type TableName, type Tables } from '../core/state.ts';
import { PackedTable } from '../core/packed-table.ts';
import type { Loaded, RowWrite, Store, StoreStats, StoredBlob } from './store.ts';
import { STORAGE_PROBE_BYTES } from '../../schemas/limits.ts';
import { StoreWriteError, storeWriteErrorOf } from './write-failure.ts';
import { balancesOf, journalIndexWrites } from './journal-index-keys.ts';
import { LmdbJournalIndex } from './journal-index-lmdb.ts';

/** Rows written between two waits for commit while seeding, to bound memory held by pending writes. */
const BULK_BATCH_ROWS = 50_000;
export const FILE_NAME = 'aidstock.mdb';
/**
 * Named databases LMDB may open in the file: one per table plus the journal, meta, chain and index databases (~30 in
 * issue 15), with room to grow; running out fails the start with MDB_DBS_FULL.
 */
export const LMDB_DBS_MAX = 64;
/** Written by earlier versions with every append; now the journal's last key is the seq (see the constructor). */
const META_SEQ = 'seq';
const META_WRITTEN = 'written';
/** Full disk: the probe's own record, written and removed again. */
const META_PROBE = 'probe';
/** The commit chain's one key: its version is the seq of the last entry appended (see `append`). */
const CHAIN_HEAD = 'head';

type Key = string | number;

/**
 * An lmdb-js encoder that copies a row's stored bytes straight into the packed table being loaded (lmdb-js hands the
 * decoder its shared read buffer, no copy) and yields the row's slot there; only ever used to read, never to write.
 */
const rawRows = {
  into: null as PackedTable<Key, unknown> | null,
  decode(bytes: Buffer, size: number): number {
    return rawRows.into!.appendStored(bytes, size);
  },
  encode(): never {
    throw new Error('raw table handles are read-only');
  },
};

export class LmdbStore implements Store {
  readonly kind = 'lmdb' as const;
  private readonly root: RootDatabase;
  private readonly tables: Map<TableName, Database<unknown, Key>>;
  private readonly rawTables: Map<TableName, Database<number, Key>>;
  private readonly journalDb: Database<JournalEntry, number>;
  private readonly meta: Database<unknown, string>;
  readonly accessLog: LmdbAccessLog;
  readonly journalIndex: LmdbJournalIndex;
  private readonly blobDb: Database<StoredBlob, string>;
  private readonly filePath: string;
  private seq: number;
  private written: boolean;
  /** Versioned, one key: each append is conditional on the head being where the previous append left it. */
  private readonly chain: Database<true, string>;
  private chainHead: number | null;
  /** An append failed: later ones are refused until `load()` re-reads what is durable. */
  private broken = false;

  constructor(dataDir: string) {
    fs.mkdirSync(dataDir, { recursive: true });
    this.filePath = path.join(dataDir, FILE_NAME);
    this.root = open({ path: this.filePath, maxDbs: LMDB_DBS_MAX });
    const structures = Symbol.for('structures');
    this.tables = new Map(
      TABLE_NAMES.map((name) => [
        name,
        this.root.openDB<unknown, Key>({ name: `t-${name}`, sharedStructuresKey: structures }),
      ]),
    );
    // Issue 16: the same tables read as raw rows (latin1 strings of the stored bytes), for packed tables.
    this.rawTables = new Map(
      TABLE_NAMES.map((name) => [
        name,
        this.root.openDB<number, Key>({ name: `t-${name}`, encoder: rawRows } as DatabaseOptions & { name: string }),
      ]),
    );
    this.journalDb = this.root.openDB<JournalEntry, number>({ name: 'journal', sharedStructuresKey: structures });
    this.meta = this.root.openDB<unknown, string>({ name: 'meta' });
    this.accessLog = new LmdbAccessLog(this.root);
    this.blobDb = this.root.openDB<StoredBlob, string>({ name: 'blobs' });
    // The journal and the rows are written in one transaction, so the journal's last key is the seq the tables are
    // at: no per-append meta record to encode and write (two puts per command at tens of thousands per second).
    this.seq = this.durableSeq();
    this.written = this.meta.get(META_WRITTEN) !== undefined;
    this.chain = this.root.openDB<true, string>({ name: 'commit-chain', useVersions: true });
    this.chainHead = this.chain.getEntry(CHAIN_HEAD)?.version ?? null;
    this.journalIndex = new LmdbJournalIndex(this.root, this.journalDb);
    this.openJournalIndex();
  }

  /** A data dir from before the journal index (or of an older version) gets it built once, here. */
  private openJournalIndex(): void {
    if (this.journalIndex.isCurrent(this.meta)) return;
    if (this.seq === 0) {
      this.journalIndex.markCurrent(this.meta);
      return;
    }
    const startedMs = Date.now();
    const stock = this.tables.get('stock')!.getRange();
    const indexed = this.journalIndex.build(
      this.meta,
      stock.map(({ value }) => value as StockRow),
    );
    console.log(`aidstock: journal index built from ${indexed} journal entries in ${Date.now() - startedMs} ms`);
  }

  private durableSeq(transaction?: Transaction): number {
    const metaSeq = (this.meta.get(META_SEQ, { transaction }) as number | undefined) ?? 0;
    return Math.max(metaSeq, this.lastJournalSeq(transaction));
  }

  private lastJournalSeq(transaction?: Transaction): number {
    for (const key of this.journalDb.getKeys({ reverse: true, transaction })) if (typeof key === 'number') return key;
    return 0;
  }

  /**
   * Every table and the seq they are at, read in one read transaction: a consistent state even while another thread
   * of the process commits (issue 17: a read worker started again while the writer runs).
   */
  load(): Loaded {
    if (this.broken) {
      // After a failed commit: back to what is on disk, and appends chain on from there again.
      this.seq = this.durableSeq();
      this.chainHead = this.chain.getEntry(CHAIN_HEAD)?.version ?? null;
      this.broken = false;
    }
    const transaction = this.root.useReadTransaction();
    try {
      const tables = emptyTables();
      for (const name of TABLE_NAMES) {
        const target = tables[name] as Map<Key, unknown>;
        if (target instanceof PackedTable) this.loadPacked(name, target, transaction);
        else
          for (const { key, value } of this.tables.get(name)!.getRange({ transaction })) target.set(key as Key, value);
      }
      return { tables: tables as Tables, seq: this.durableSeq(transaction) };
    } finally {
      transaction.done();
    }
  }

  /**
   * A packed table takes each row's bytes as they are on disk (issue 16): no decode into objects and encode again at
   * start. They are decoded, when read, by the table's own decoder (its shared record structures).
   */
  private loadPacked(name: TableName, target: PackedTable<Key, unknown>, transaction: Transaction): void {
    const db = this.tables.get(name)! as unknown as { decoder: { decode(bytes: Uint8Array): unknown } };
    const decode = (bytes: Uint8Array) => db.decoder.decode(bytes);
    target.beginStored(decode);
    rawRows.into = target;
    try {
      for (const { key, value } of this.rawTables.get(name)!.getRange({ transaction }))
        target.bindStored(key as Key, value);
    } finally {
      rawRows.into = null;
    }
  }

  isEmpty(): boolean {
    return !this.written;
  }

  /** Marks the store as written (once, in the transaction of the first write). */
  private markWritten(): void {
    if (this.written) return;
    this.written = true;
    void this.meta.put(META_WRITTEN, true);
  }

  async putBlob(id: string, blob: StoredBlob): Promise<void> {
    assert(!this.blobDb.doesExist(id), `blob ${id} is new`); // a key check: get would decode up to 2 MiB
    await this.durable(this.blobDb.put(id, blob), () => {}); // a failed write rejects (full disk), never hangs
  }

  hasBlob(id: string): boolean {
    return this.blobDb.doesExist(id);
  }

  getBlob(id: string): StoredBlob | undefined {
    const blob = this.blobDb.get(id);
    return blob === undefined ? undefined : { ...blob, bytes: new Uint8Array(blob.bytes) };
  }

  *blobSizes(): Iterable<{ ownerId: string; bytes: number }> {
    for (const { value } of this.blobDb.getRange()) yield { ownerId: value.ownerId, bytes: value.bytes.byteLength };
  }

  append(entries: readonly JournalEntry[], rows: readonly RowWrite[]): Promise<void> {
    if (this.broken) return Promise.reject(new StoreWriteError('commit refused: an earlier commit failed'));
    // All puts below are issued synchronously, so lmdb-js puts them in the same transaction: a journal entry and its
    // rows are never half-written. They are conditional on the chain head: lmdb-js commits a later transaction even
    // when an earlier one failed, and rows decided on top of a failed command must not reach the disk. A failed
    // transaction leaves the head behind, so every append queued after it finds its condition false and writes nothing.
    const indexWrites = journalIndexWrites(entries, balancesOf(rows));
    const writes = () => {
      for (const entry of entries) {
        assert(entry.seq > this.seq, `journal seq ${entry.seq} grows past ${this.seq}`);
        void this.journalDb.put(entry.seq, entry);
        this.seq = entry.seq;
      }
      for (const row of rows) void this.tables.get(row.table)!.put(row.key, row.value);
      this.journalIndex.put(indexWrites);
      void this.chain.put(CHAIN_HEAD, true, this.seq);
    };
    const head = this.chainHead;
    const committed =
      head === null ? this.chain.ifNoExists(CHAIN_HEAD, writes) : this.chain.ifVersion(CHAIN_HEAD, head, writes);
    this.chainHead = this.seq;
    this.markWritten();
    return this.durable(committed, () => {
      this.broken = true;
    });
  }

  /**
   * Resolves once the transaction of the writes just issued committed and is flushed. `flushed` is a thenable that
   * picks the flush of the current transaction when `then` is called: call it now, synchronously after the puts, not
   * in a later microtask. A failed transaction never settles its flush, so the commit promise decides a failure.
   */
  private durable(committed: Promise<boolean>, onFailure: () => void): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let committedOk = false;
      let flushedOk = false;
      const fail = (error: StoreWriteError) => {
        onFailure();
        reject(error);
      };
      committed.then(
        (applied) => {
          if (!applied) return fail(new StoreWriteError('commit skipped: an earlier commit failed'));
          committedOk = true;
          if (flushedOk) resolve();
        },
        (error: unknown) => fail(storeWriteErrorOf(error)),
      );
      (this.root.flushed as PromiseLike<unknown>).then(() => {
        flushedOk = true;
        if (committedOk) resolve();
      });
    });
  }

  async probe(): Promise<void> {
    await this.durable(this.meta.put(META_PROBE, new Uint8Array(STORAGE_PROBE_BYTES)), () => {});
    await this.durable(this.meta.remove(META_PROBE), () => {});
  }

  async bulkLoad(table: TableName, rows: Iterable<RowWrite>, onProgress?: (written: number) => void): Promise<void> {
    const db = this.tables.get(table)!;
    let count = 0;
    for (const row of rows) {
      assert(row.table === table, `bulk row of ${row.table} loaded into ${table}`);
      void db.put(row.key, row.value);
      if (++count % BULK_BATCH_ROWS === 0) {
        await this.root.committed;
        onProgress?.(count);
      }
    }
    this.markWritten();
    await this.root.flushed;
    onProgress?.(count);
  }

  *journal(fromSeq: number): Iterable<JournalEntry> {
    for (const { value } of this.journalDb.getRange({ start: fromSeq })) yield value;
  }

  stats(): StoreStats {
    // getStats counts the shared-structures record too; the journal's keys are exactly 1..seq.
    const entries = this.seq;
    let bytes = 0;
    try {
      bytes = fs.statSync(this.filePath).size;
    } catch {
      bytes = 0;
    }
    return { journalEntries: entries, bytesOnDisk: bytes };
  }

  /** A consistent copy of the environment at `file`, taken while writes go on (lmdb-backup.ts schedules it). */
  backup(file: string): Promise<void> {
    return this.root.backup(file, false);
  }

  async close(): Promise<void> {
    await this.root.flushed;
    await this.root.close();
  }
}
