// The journal index in memory (the memory store's): keys in one sorted array, found by binary search, so a page is a
// walk from one position as in LMDB. Inserting is a splice (linear): fine for the tests and tools this store serves.
import type { JournalEntry } from '../../schemas/events.ts';
import {
  compareKeys,
  type IndexKey,
  type IndexRange,
  type IndexValue,
  type IndexWrite,
  type JournalIndex,
} from './journal-index.ts';

/** The first position whose key is >= `key` (or > with `after`). */
function lowerBound(keys: readonly IndexWrite[], key: IndexKey, after: boolean): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const order = compareKeys(keys[mid]!.key, key);
    if (order < 0 || (after && order === 0)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class MemoryJournalIndex implements JournalIndex {
  private readonly keys: IndexWrite[] = [];

  constructor(private readonly entryOf: (seq: number) => JournalEntry | undefined) {}

  put(writes: readonly IndexWrite[]): void {
    for (const write of writes) {
      const at = lowerBound(this.keys, write.key, false);
      const existing = this.keys[at];
      if (existing !== undefined && compareKeys(existing.key, write.key) === 0) this.keys[at] = write;
      else this.keys.splice(at, 0, write);
    }
  }

  *range(range: IndexRange): Iterable<{ key: IndexKey; value: IndexValue }> {
    let count = 0;
    if (range.reverse) {
      const low = lowerBound(this.keys, range.end, true);
      for (let i = lowerBound(this.keys, range.start, true) - 1; i >= low && count < range.limit; i--, count++) {
        yield this.keys[i]!;
      }
      return;
    }
    const high = lowerBound(this.keys, range.end, false);
    for (let i = lowerBound(this.keys, range.start, false); i < high && count < range.limit; i++, count++) {
      yield this.keys[i]!;
    }
  }

  entry(seq: number): JournalEntry | undefined {
    return this.entryOf(seq);
  }

  /** Keys held (tests: a failed commit leaves none). */
  get size(): number {
    return this.keys.length;
  }
}
