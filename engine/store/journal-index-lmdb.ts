// The journal index in LMDB, in the store's environment: one database of array keys (journal-index.ts), written by the
// store's append inside its conditional transaction, so an entry and its keys commit together or not at all. A data
// dir from before the index (no marker in meta, or an older version) gets it built once at open, from the journal
// walked backwards with the stock table's balances (what journalIndexWrites needs to know balances after).
import type { Database, RootDatabase } from 'lmdb';
import type { JournalEntry } from '../../schemas/events.ts';
import type { StockRow } from '../../schemas/entities.ts';
import type { Balance } from './journal-index-keys.ts';
import { journalIndexWrites } from './journal-index-keys.ts';
import type { IndexKey, IndexRange, IndexValue, IndexWrite, JournalIndex } from './journal-index.ts';

/** The meta record saying which version of the index the data dir holds; a new version rebuilds it. */
export const META_JOURNAL_INDEX = 'journal-index-version';
export const JOURNAL_INDEX_VERSION = 3;
/** Journal entries indexed per write transaction while building. */
const BUILD_BATCH_ENTRIES = 10_000;

type Key = Array<string | number>;

export class LmdbJournalIndex implements JournalIndex {
  private readonly db: Database<IndexValue, Key>;

  constructor(
    private readonly root: RootDatabase,
    private readonly journalDb: Database<JournalEntry, number>,
  ) {
    this.db = root.openDB<IndexValue, Key>({ name: 'journal-index' });
  }

  /** Issues the puts (call inside the append's transaction callback). */
  put(writes: readonly IndexWrite[]): void {
    for (const write of writes) void this.db.put(write.key as Key, write.value);
  }

  range(range: IndexRange): Iterable<{ key: IndexKey; value: IndexValue }> {
    // lmdb-js's own iterable, not re-yielded through a generator: a page walks it once, per request.
    const options = { start: range.start as Key, end: range.end as Key, reverse: range.reverse, limit: range.limit };
    return this.db.getRange(options) as Iterable<{ key: IndexKey; value: IndexValue }>;
  }

  entry(seq: number): JournalEntry | undefined {
    return this.journalDb.get(seq);
  }

  /** True when the data dir holds this version of the index. */
  isCurrent(meta: Database<unknown, string>): boolean {
    return meta.get(META_JOURNAL_INDEX) === JOURNAL_INDEX_VERSION;
  }

  /**
   * Builds the index from the journal (newest first, with the balances after the last entry taken from `stock`),
   * then writes the marker. Synchronous transactions: nothing else runs during start-up. An interrupted build has
   * no marker and starts again from scratch at the next open.
   */
  build(meta: Database<unknown, string>, stock: Iterable<StockRow>): number {
    const balances = new Map<string, Balance>();
    for (const row of stock)
      balances.set(`${row.warehouse}:${row.artNo}`, { onHand: row.onHand, reserved: row.reserved });
    this.root.transactionSync(() => void this.db.clearSync());
    let batch: JournalEntry[] = [];
    let indexed = 0;
    const flush = () => {
      // journalIndexWrites walks its entries backwards: give it the batch oldest first.
      const writes = journalIndexWrites(batch.reverse(), balances);
      this.root.transactionSync(() => this.put(writes));
      indexed += batch.length;
      batch = [];
    };
    for (const { value } of this.journalDb.getRange({ reverse: true })) {
      batch.push(value);
      if (batch.length === BUILD_BATCH_ENTRIES) flush();
    }
    flush();
    this.root.transactionSync(() => void meta.put(META_JOURNAL_INDEX, JOURNAL_INDEX_VERSION));
    return indexed;
  }

  /** Marks a new, empty data dir as indexed (its first append writes keys as any other). */
  markCurrent(meta: Database<unknown, string>): void {
    this.root.transactionSync(() => void meta.put(META_JOURNAL_INDEX, JOURNAL_INDEX_VERSION));
  }
}
