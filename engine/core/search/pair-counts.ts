// (ISO title set × supplier) pairs: a partition of the catalogue with member lists and status counts.

import { STATUS_RANKS } from './constants.ts';
import { PostingList } from './posting-list.ts';

/**
 * Every article belongs to exactly one title set and one supplier, so the (set, supplier) pairs
 * partition the catalogue. A term matching whole groups (a title word matches every article of
 * its ISO code) then counts its articles by summing pair counters instead of touching each
 * article, and a multi-word query only enumerates pairs every word can match.
 */
export interface Pair {
  /** Dense id, reused after the pair empties. */
  readonly id: number;
  readonly set: number;
  readonly supplier: number;
  /** Articles per status code. */
  readonly counts: Int32Array;
  readonly docs: PostingList;
}

/** Group ids stay far below this; it keeps pair keys exact integers. */
const PAIR_KEY_SPAN = 1 << 21;

export class PairTable {
  private readonly byKey = new Map<number, Pair>();
  readonly pairs: (Pair | undefined)[] = [];
  /** Pairs per set id and per supplier id. */
  readonly ofSet: Pair[][] = [];
  readonly ofSupplier: Pair[][] = [];
  private readonly free: number[] = [];

  get capacity(): number {
    return this.pairs.length;
  }

  /** Add an article; returns its pair id. */
  add(set: number, supplier: number, status: number, doc: number): number {
    const key = set * PAIR_KEY_SPAN + supplier;
    let pair = this.byKey.get(key);
    if (!pair) {
      pair = { id: this.free.pop() ?? this.pairs.length, set, supplier, counts: new Int32Array(STATUS_RANKS), docs: new PostingList() };
      this.pairs[pair.id] = pair;
      this.byKey.set(key, pair);
      (this.ofSet[set] ??= []).push(pair);
      (this.ofSupplier[supplier] ??= []).push(pair);
    }
    pair.counts[status]!++;
    pair.docs.add(doc, 0);
    return pair.id;
  }

  remove(pairId: number, status: number, doc: number): void {
    const pair = this.pairs[pairId]!;
    pair.counts[status]!--;
    pair.docs.remove(doc);
    if (pair.docs.length > 0) return;
    this.byKey.delete(pair.set * PAIR_KEY_SPAN + pair.supplier);
    drop(this.ofSet[pair.set]!, pair);
    drop(this.ofSupplier[pair.supplier]!, pair);
    this.pairs[pairId] = undefined;
    this.free.push(pairId);
  }
}

function drop(list: Pair[], pair: Pair): void {
  list.splice(list.indexOf(pair), 1);
}

/** Articles counted in per-status counters with status code <= statusMax. */
export function countUpTo(counts: Int32Array, statusMax: number): number {
  let n = 0;
  for (let s = 0; s <= statusMax; s++) n += counts[s]!;
  return n;
}
