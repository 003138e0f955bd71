// The access log in LMDB, in the store's environment: entries by id, and key-only indexes (pnr, time, id),
// (user, time, id) and (time, id) of care accesses, so a patient's extract or a user's accesses is a key range, never a scan.
// Appends share the group commit of commands (puts issued synchronously, then the current transaction's `flushed`).
import type { Database, RootDatabase } from 'lmdb';
import type { AccessEntry, AccessReview, NewAccessEntry } from '../../schemas/access-log.ts';
import { type AccessLog, type AccessPage, type AccessRange, cursorOf, parseCursor } from './access-log.ts';

type IndexKey = Array<string | number>;
const POSITION_KEY = 'stream';

/** Resolves when the transaction holding the puts just issued is on disk (call synchronously after the puts). */
function flushed(root: RootDatabase): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    (root.flushed as PromiseLike<unknown>).then(() => resolve(), reject);
  });
}

export class LmdbAccessLog implements AccessLog {
  private readonly entries: Database<AccessEntry, number>;
  private readonly byPnr: Database<number, IndexKey>;
  private readonly byUserDb: Database<number, IndexKey>;
  private readonly byTime: Database<number, IndexKey>;
  private readonly reviews: Database<AccessReview, IndexKey>;
  /** Issue 17: the last access-log stream sequence written, under one key, in the transaction of what it carried. */
  private readonly positionDb: Database<number, string>;
  private streamPosition: number;
  private lastId = 0;
  private reviewCount = 0;

  constructor(private readonly root: RootDatabase) {
    this.entries = root.openDB<AccessEntry, number>({ name: 'access-log' });
    this.byPnr = root.openDB<number, IndexKey>({ name: 'access-log-by-pnr' });
    this.byUserDb = root.openDB<number, IndexKey>({ name: 'access-log-by-user' });
    this.byTime = root.openDB<number, IndexKey>({ name: 'access-log-by-time' });
    this.reviews = root.openDB<AccessReview, IndexKey>({ name: 'access-log-reviews' });
    this.positionDb = root.openDB<number, string>({ name: 'access-log-position' });
    this.streamPosition = this.positionDb.get(POSITION_KEY) ?? 0;
    for (const key of this.entries.getKeys({ reverse: true, limit: 1 })) this.lastId = key;
  }

  position(): number {
    return this.streamPosition;
  }

  append(entries: readonly NewAccessEntry[], position?: number): Promise<void> {
    if (position !== undefined) {
      this.streamPosition = position;
      void this.positionDb.put(POSITION_KEY, position);
    }
    for (const fields of entries) {
      const entry: AccessEntry = { ...fields, id: ++this.lastId };
      void this.entries.put(entry.id, entry);
      void this.byPnr.put([entry.pnr, entry.timeMs, entry.id], entry.id);
      void this.byUserDb.put([entry.userId, entry.timeMs, entry.id], entry.id);
      // The time index holds care accesses only: it is the spot check's population (see AccessLog.idsInPeriod).
      if (entry.shown.kind !== 'accessLog') void this.byTime.put([entry.timeMs, entry.id], entry.id);
    }
    return flushed(this.root);
  }

  /** A page of the index `db` under `prefix` (empty for the time index). */
  private page(db: Database<number, IndexKey>, prefix: IndexKey, range: AccessRange): AccessPage {
    const after = range.after === undefined ? null : parseCursor(range.after);
    const start = after === null ? [...prefix, range.fromMs] : [...prefix, after.timeMs, after.id + 1];
    const entries: AccessEntry[] = [];
    let more = false;
    for (const { value } of db.getRange({ start, end: [...prefix, range.toMs], limit: range.limit + 1 })) {
      if (entries.length === range.limit) more = true;
      else entries.push(this.entries.get(value)!);
    }
    return { entries, next: more ? cursorOf(entries[entries.length - 1]!) : null };
  }

  byPatient(pnr: string, range: AccessRange): AccessPage {
    return this.page(this.byPnr, [pnr], range);
  }

  byUser(userId: string, range: AccessRange): AccessPage {
    return this.page(this.byUserDb, [userId], range);
  }

  idsInPeriod(fromMs: number, toMs: number): number[] {
    const ids: number[] = [];
    for (const { value } of this.byTime.getRange({ start: [fromMs], end: [toMs] })) ids.push(value);
    return ids;
  }

  get(id: number): AccessEntry | undefined {
    return this.entries.get(id);
  }

  addReview(review: AccessReview, position?: number): Promise<void> {
    if (position !== undefined) {
      this.streamPosition = position;
      void this.positionDb.put(POSITION_KEY, position);
    }
    // Keyed by time and a per-process counter: two reviews in one transaction never overwrite each other.
    void this.reviews.put([review.entryId, review.timeMs, this.reviewCount++], review);
    return flushed(this.root);
  }

  reviewsOf(entryId: number): AccessReview[] {
    return [...this.reviews.getRange({ start: [entryId], end: [entryId + 1] })].map(({ value }) => value);
  }

  count(): number {
    return this.lastId;
  }
}
