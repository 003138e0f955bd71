// In-memory store for tests and tools: the same contract as LMDB, durable only as long as the process lives.
import type { JournalEntry } from '../../schemas/events.ts';
import { assert } from '../core/assert.ts';
import { MemoryAccessLog } from './access-log-memory.ts';
import { emptyTables, TABLE_NAMES, type TableName, type Tables } from '../core/state.ts';
import type { Loaded, RowWrite, Store, StoreStats, StoredBlob } from './store.ts';
import { StoreWriteError } from './write-failure.ts';
import { balancesOf, journalIndexWrites } from './journal-index-keys.ts';
import { MemoryJournalIndex } from './journal-index-memory.ts';

export class MemoryStore implements Store {
  readonly kind = 'memory' as const;
  private readonly rows = new Map<TableName, Map<string | number, unknown>>(
    TABLE_NAMES.map((name) => [name, new Map()]),
  );
  private readonly entries: JournalEntry[] = [];
  private seq = 0;
  private written = false;

  load(): Loaded {
    this.broken = false;
    const tables = emptyTables();
    for (const name of TABLE_NAMES) {
      const target = tables[name] as Map<string | number, unknown>;
      // Copies, so the state never aliases what the store holds (as with LMDB's decoded values).
      for (const [key, value] of this.rows.get(name)!) target.set(key, structuredClone(value));
    }
    return { tables: tables as Tables, seq: this.seq };
  }

  isEmpty(): boolean {
    return !this.written;
  }

  /** Tests: while set, appends and probes reject with it and write nothing (a full disk). */
  failWrites: Error | null = null;
  /** An append failed: later ones fail too until `load()` (the store contract). */
  private broken = false;

  append(entries: readonly JournalEntry[], rows: readonly RowWrite[]): Promise<void> {
    if (this.failWrites !== null || this.broken) {
      this.broken = true;
      return Promise.reject(new StoreWriteError(`commit failed: ${this.failWrites?.message ?? 'an earlier one did'}`));
    }
    for (const entry of entries) {
      assert(entry.seq > this.seq, `journal seq ${entry.seq} grows past ${this.seq}`);
      this.entries.push(structuredClone(entry));
      this.seq = entry.seq;
    }
    for (const row of rows) this.rows.get(row.table)!.set(row.key, structuredClone(row.value));
    this.journalIndex.put(journalIndexWrites(entries, balancesOf(rows)));
    this.written = true;
    return Promise.resolve();
  }

  async bulkLoad(table: TableName, rows: Iterable<RowWrite>, onProgress?: (written: number) => void): Promise<void> {
    let count = 0;
    for (const row of rows) {
      assert(row.table === table, `bulk row of ${row.table} loaded into ${table}`);
      this.rows.get(table)!.set(row.key, structuredClone(row.value));
      count++;
    }
    this.written = true;
    onProgress?.(count);
  }

  probe(): Promise<void> {
    return this.failWrites === null ? Promise.resolve() : Promise.reject(new StoreWriteError(this.failWrites.message));
  }

  readonly accessLog = new MemoryAccessLog();
  private readonly blobs = new Map<string, StoredBlob>();

  putBlob(id: string, blob: StoredBlob): Promise<void> {
    this.blobs.set(id, { ...blob, bytes: blob.bytes.slice() });
    return Promise.resolve();
  }

  *blobSizes(): Iterable<{ ownerId: string; bytes: number }> {
    for (const blob of this.blobs.values()) yield { ownerId: blob.ownerId, bytes: blob.bytes.byteLength };
  }

  hasBlob(id: string): boolean {
    return this.blobs.has(id);
  }

  getBlob(id: string): StoredBlob | undefined {
    const blob = this.blobs.get(id);
    return blob === undefined ? undefined : { ...blob, bytes: blob.bytes.slice() };
  }

  /** The journal's entries by seq, through a binary search of the entries (appended in seq order). */
  private entryAt(seq: number): JournalEntry | undefined {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.entries[mid]!.seq < seq) lo = mid + 1;
      else hi = mid;
    }
    const entry = this.entries[lo];
    return entry?.seq === seq ? entry : undefined;
  }

  readonly journalIndex = new MemoryJournalIndex((seq) => this.entryAt(seq));

  *journal(fromSeq: number): Iterable<JournalEntry> {
    for (const entry of this.entries) if (entry.seq >= fromSeq) yield structuredClone(entry);
  }

  stats(): StoreStats {
    return { journalEntries: this.entries.length, bytesOnDisk: 0 };
  }

  async close(): Promise<void> {}
}
