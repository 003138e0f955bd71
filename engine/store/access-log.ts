// The patient-data access log's storage contract (LMDB and memory implement it; test/access-log-contract.ts checks
// both). Append-only: no method edits or deletes an entry or a review, and nothing prunes (retention: see
// ACCESS_LOG_RETENTION_YEARS_MIN). A leaf: types only.
import type { AccessEntry, AccessReview, NewAccessEntry } from '../../schemas/access-log.ts';

/** One page of entries in (timeMs, id) order, and the cursor of the next page (null on the last). */
export interface AccessPage {
  entries: AccessEntry[];
  next: string | null;
}

/** A half-open period [fromMs, toMs) and a page within it. */
export interface AccessRange {
  fromMs: number;
  toMs: number;
  limit: number;
  /** The `next` of the previous page. */
  after?: string;
}

export interface AccessLog {
  /**
   * Appends entries (ids given here, in order) in the current group commit: every append and command of one
   * event-loop turn share one transaction. Resolves only when durable on disk. `position` (issue 17, a cluster's
   * access-log stream): the stream sequence these entries came from, stored in the same transaction.
   */
  append(entries: readonly NewAccessEntry[], position?: number): Promise<void>;
  /** A patient's entries in a period, through the (pnr, time) index. */
  byPatient(pnr: string, range: AccessRange): AccessPage;
  /** A user's entries in a period, through the (user, time) index. */
  byUser(userId: string, range: AccessRange): AccessPage;
  /**
   * Ids of the care accesses in a period, in (timeMs, id) order: the population of a spot check. The reviewers' own
   * reads of the log (shown kind `accessLog`) are left out, so reviewing a sample never changes it.
   */
  idsInPeriod(fromMs: number, toMs: number): number[];
  get(id: number): AccessEntry | undefined;
  /** Stores a reviewer's mark; resolves when durable. `position`: as for append. */
  addReview(review: AccessReview, position?: number): Promise<void>;
  /** The last access-log stream sequence written here (0: none; without replication it stays 0). */
  position(): number;
  reviewsOf(entryId: number): AccessReview[];
  /** Entries ever written (the last id). */
  count(): number;
}

/** A page cursor: `<timeMs>.<id>` of the last entry returned. */
export function cursorOf(entry: AccessEntry): string {
  return `${entry.timeMs}.${entry.id}`;
}

export function parseCursor(cursor: string): { timeMs: number; id: number } {
  const [timeMs, id] = cursor.split('.').map(Number);
  return { timeMs: timeMs ?? 0, id: id ?? 0 };
}
