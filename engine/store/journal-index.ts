// The journal index's contract (both stores implement it; test/store-contract.ts checks both). The journal holds the
// events; the index only orders references to them (seq and position) under keys the ledger and the change log page
// through, written by `append` in the same transaction as the entry (journal-index-keys.ts computes them), so a key
// cannot disagree with its entry. The change log reads every change back from the journal by seq; a ledger key carries
// its whole line (a covering index: a stock movement is a few numbers and codes, and a page then reads no entry).
// A leaf: types and key prefixes only.
import type { JournalEntry } from '../../schemas/events.ts';

export type IndexKey = ReadonlyArray<string | number>;
/** Small values: a ledger line (LEDGER_VALUE), or a change's entity and user (so filters need no journal read). */
export type IndexValue = ReadonlyArray<string | number | null>;

export interface IndexWrite {
  key: IndexKey;
  value: IndexValue;
}

/**
 * Keys, by prefix:
 * - `['ledger', artNo, seq, n]` and `['ledger-wh', artNo, warehouse, seq, n]` → the entry's n-th stock movement
 *   (stockMovements) with its balance after, fields in the order of LEDGER_VALUE; for all warehouses or one.
 * - `['change-entity', kind, id, timeMs, seq, n]` → `[userId]`; `['change-user', userId, timeMs, seq, n]` → `[kind, id]`;
 *   `['change-time', timeMs, seq, n]` → `[kind, id, userId]`: the entry's n-th event, an administrative change.
 */
export const LEDGER = 'ledger';
/** The fields of a ledger key's value, in order. */
export const LEDGER_VALUE = [
  'warehouse',
  'onHandAfter',
  'reservedAfter',
  'timeMs',
  'cause',
  'reason',
  'note',
  'userId',
  'orderNo',
  'pickupNo',
  'onHandDelta',
  'reservedDelta',
] as const;
export const LEDGER_WAREHOUSE = 'ledger-wh';
export const CHANGE_ENTITY = 'change-entity';
export const CHANGE_USER = 'change-user';
export const CHANGE_TIME = 'change-time';
/** Above every time and seq: the open upper end of a range. */
export const KEY_NUMBER_MAX = Number.MAX_SAFE_INTEGER;

/**
 * A range as lmdb-js reads one: forward `start <= key < end`; reverse (newest first) `end < key <= start`.
 * At most `limit` keys.
 */
export interface IndexRange {
  start: IndexKey;
  end: IndexKey;
  reverse: boolean;
  limit: number;
}

export interface JournalIndex {
  range(range: IndexRange): Iterable<{ key: IndexKey; value: IndexValue }>;
  /** The journal entry of `seq` (read, never copied: callers do not change it). */
  entry(seq: number): JournalEntry | undefined;
}

/** Orders keys as lmdb-js does for keys whose positions hold one type each: element by element, a prefix first. */
export function compareKeys(a: IndexKey, b: IndexKey): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    if (typeof x === 'number') return -1; // numbers before strings (as the key encoding orders them)
    if (typeof y === 'number') return 1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}
