// Per-pair entry counts of large name posting lists, kept up to date on every add and remove.

import { CLASS_SPAN, KEY_CLASS_MASK, KEY_SHIFT } from './doc-table.ts';
import type { ListPairs, PostingList } from './posting-list.ts';

/** Lists at least this long keep per-pair counts; shorter ones are cheaper to walk than to look up. */
export const LIST_PAIRS_MIN = 512;

/*
 * Why: a one-word query like "rullstol" has a 15 000-entry name list whose articles nearly all sit
 * in ISO sets the word also matches. Per-pair counts tell, without walking, how many entries lie
 * outside the matched pairs (usually none) and which pairs a list touches at all.
 */

/** Record an entry of class cls just added; builds the counts when the list reaches LIST_PAIRS_MIN. */
export function noteAdded(list: PostingList, key: Int32Array, pair: number, cls: number): void {
  if (list.pairs) {
    bump(list.pairs, pair, cls, 1);
    return;
  }
  if (list.length < LIST_PAIRS_MIN) return;
  const built: ListPairs = new Map();
  for (let k = 0; k < list.length; k++) {
    const k2 = key[list.ids[k]!]!;
    bump(built, k2 >> KEY_SHIFT, k2 & KEY_CLASS_MASK, 1);
  }
  list.pairs = built;
}

/** Record an entry just removed (the article's pair and class as they were when it was added). */
export function noteRemoved(list: PostingList, pair: number, cls: number): void {
  if (list.pairs) bump(list.pairs, pair, cls, -1);
}

/** An entry's class changed (stock crossed zero); the entry stays. */
export function noteMoved(list: PostingList, pair: number, from: number, to: number): void {
  if (!list.pairs) return;
  bump(list.pairs, pair, to, 1);
  bump(list.pairs, pair, from, -1);
}

function bump(counts: ListPairs, pair: number, cls: number, delta: number): void {
  let c = counts.get(pair);
  if (!c) {
    c = new Int32Array(CLASS_SPAN);
    counts.set(pair, c);
  }
  c[cls] = c[cls]! + delta;
  if (delta < 0 && c.every((x) => x === 0)) counts.delete(pair);
}
