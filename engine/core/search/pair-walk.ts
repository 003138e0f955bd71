// Which pairs' members to intersect with a long name list instead of walking all of it.

import type { PairTable } from './pair-counts.ts';
import type { PostingList } from './posting-list.ts';

/** Intersecting is worth it when the wanted pairs hold this many times fewer articles than the list. */
const INTERSECT_ADVANTAGE = 4;

/**
 * "till" has 7 600 name entries, but a query may need only those in one (set, supplier) pair of
 * 130 articles. Long lists know their pairs (list-pairs.ts), so then the pair's members are
 * galloped into the list instead of walking it. Returns the pair ids to intersect, or null when
 * walking the whole list (checking each entry's pair) is cheaper. Hot loops stay in the callers:
 * a visitor callback would cost more than the walk itself.
 */
export function pairsToIntersect(
  list: PostingList,
  table: PairTable,
  pairClass: Uint8Array,
  wanted: number,
): number[] | null {
  if (list.pairs === null) return null;
  let members = 0;
  const chosen: number[] = [];
  for (const id of list.pairs.keys()) {
    if ((pairClass[id]! & wanted) === 0) continue;
    chosen.push(id);
    members += table.pairs[id]!.docs.length;
  }
  return members * INTERSECT_ADVANTAGE < list.length ? chosen : null;
}

/** First index >= from whose id is >= target (exponential then binary search). */
export function gallop(ids: Int32Array, length: number, from: number, target: number): number {
  let step = 1;
  let hi = from;
  while (hi < length && ids[hi]! < target) {
    from = hi + 1;
    hi += step;
    step *= 2;
  }
  hi = Math.min(hi, length);
  while (from < hi) {
    const mid = (from + hi) >>> 1;
    if (ids[mid]! < target) from = mid + 1;
    else hi = mid;
  }
  return from;
}
