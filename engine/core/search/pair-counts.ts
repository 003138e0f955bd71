// (ISO title set × supplier) pairs: a partition of the catalogue with member lists and status counts.

import { CLASS_SPAN, KEY_IN_STOCK } from './doc-table.ts';
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
  /** Articles per class code (status | in-stock bit). */
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

  /** Add an article of class cls; returns its pair id. */
  add(set: number, supplier: number, cls: number, doc: number): number {
    const key = set * PAIR_KEY_SPAN + supplier;
    let pair = this.byKey.get(key);
    if (!pair) {
      pair = { id: this.free.pop() ?? this.pairs.length, set, supplier, counts: new Int32Array(CLASS_SPAN), docs: new PostingList() };
      this.pairs[pair.id] = pair;
      this.byKey.set(key, pair);
      (this.ofSet[set] ??= []).push(pair);
      (this.ofSupplier[supplier] ??= []).push(pair);
    }
    pair.counts[cls]!++;
    pair.docs.add(doc, 0);
    return pair.id;
  }

  /** An article's class changed (its stock crossed zero): membership stays, counters move. */
  move(pairId: number, from: number, to: number): void {
    const counts = this.pairs[pairId]!.counts;
    counts[from]!--;
    counts[to]!++;
  }

  remove(pairId: number, cls: number, doc: number): void {
    const pair = this.pairs[pairId]!;
    pair.counts[cls]!--;
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

/** Articles counted in per-class counters, summed over the admitted class codes (Filter.classes). */
export function countClasses(counts: Int32Array, classes: Int32Array): number {
  let n = 0;
  for (let i = 0; i < classes.length; i++) n += counts[classes[i]!]!;
  return n;
}

/** Add per-class counters into a per-class total. */
export function addClasses(into: Int32Array, counts: Int32Array): void {
  for (let c = 0; c < counts.length; c++) into[c] = into[c]! + counts[c]!;
}

/** Admitted articles of one status: its out-of-stock and in-stock classes. */
export function countStatus(counts: Int32Array, status: number, classOk: Uint8Array): number {
  const inStock = status | KEY_IN_STOCK;
  return (classOk[status] === 1 ? counts[status]! : 0) + (classOk[inStock] === 1 ? counts[inStock]! : 0);
}
