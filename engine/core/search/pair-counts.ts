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
  readonly docs: PostingList;
}

/** Pair slots the flat counters start with (doubled as pairs are added). */
const INITIAL_PAIRS = 1024;

/** Group ids stay far below this; it keeps pair keys exact integers. */
const PAIR_KEY_SPAN = 1 << 21;

export class PairTable {
  private readonly byKey = new Map<number, Pair>();
  /**
   * Articles per pair and class code (status | in-stock bit), at pair id × CLASS_SPAN + class: one flat array, so
   * the loops that sum hundreds of pairs' counters per query read consecutive memory, not one object per pair.
   */
  classCounts = new Int32Array(INITIAL_PAIRS * CLASS_SPAN);
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
      pair = { id: this.free.pop() ?? this.pairs.length, set, supplier, docs: new PostingList() };
      if ((pair.id + 1) * CLASS_SPAN > this.classCounts.length) this.growCounts();
      this.pairs[pair.id] = pair;
      this.byKey.set(key, pair);
      pushTo(this.ofSet, set, pair);
      pushTo(this.ofSupplier, supplier, pair);
    }
    this.classCounts[pair.id * CLASS_SPAN + cls]!++;
    pair.docs.add(doc, 0);
    return pair.id;
  }

  /** An article's class changed (its stock crossed zero): membership stays, counters move. */
  move(pairId: number, from: number, to: number): void {
    const at = pairId * CLASS_SPAN;
    this.classCounts[at + from]!--;
    this.classCounts[at + to]!++;
  }

  remove(pairId: number, cls: number, doc: number): void {
    const pair = this.pairs[pairId]!;
    this.classCounts[pairId * CLASS_SPAN + cls]!--;
    pair.docs.remove(doc);
    if (pair.docs.length > 0) return;
    this.byKey.delete(pair.set * PAIR_KEY_SPAN + pair.supplier);
    drop(this.ofSet[pair.set]!, pair);
    drop(this.ofSupplier[pair.supplier]!, pair);
    this.pairs[pairId] = undefined;
    this.free.push(pairId);
  }

  private growCounts(): void {
    const grown = new Int32Array(this.classCounts.length * 2);
    grown.set(this.classCounts);
    this.classCounts = grown;
  }
}

function drop(list: Pair[], pair: Pair): void {
  list.splice(list.indexOf(pair), 1);
}

/** Articles counted in per-class counters from `at`, summed over the admitted class codes (Filter.classes). */
export function countClasses(counts: Int32Array, classes: Int32Array, at = 0): number {
  let n = 0;
  for (let i = 0; i < classes.length; i++) n += counts[at + classes[i]!]!;
  return n;
}

/** Add CLASS_SPAN per-class counters from `at` into a per-class total. */
export function addClasses(into: Int32Array, counts: Int32Array, at = 0): void {
  for (let c = 0; c < CLASS_SPAN; c++) into[c] = into[c]! + counts[at + c]!;
}

/** Admitted articles of one status: its out-of-stock and in-stock classes (counters from `at`). */
export function countStatus(counts: Int32Array, at: number, status: number, classOk: Uint8Array): number {
  const inStock = status | KEY_IN_STOCK;
  return (classOk[status] === 1 ? counts[at + status]! : 0) + (classOk[inStock] === 1 ? counts[at + inStock]! : 0);
}

/** Append pair to the list at lists[at], creating the list on first use. */
function pushTo(lists: Pair[][], at: number, pair: Pair): void {
  const list = lists[at];
  if (list === undefined) lists[at] = [pair];
  else list.push(pair);
}
