// Per-class totals of common terms, kept between queries and moved along when stock crosses zero.

import { TERM_COUNTS_MAX } from './constants.ts';
import type { NameCodes } from './name-codes.ts';
import type { PairMask } from './scratch.ts';

/**
 * Why: a one-word query's total is exact, and for a broad word ("stor": 50 000 articles through 64
 * spellings and 100 pairs) counting it walks tens of thousands of name entries, 50–80 µs, every time.
 * The articles a term matches change only with article upserts (which drop the memo), so its count per
 * class code (status | in stock) changes only when an article's stock crosses zero — a move the index
 * already sees (setInStock). Terms with name codes (the long ones) tell membership with two loads: the
 * article's pair is matched through a group, or its code is non-zero. So their counts are kept and moved
 * one article at a time; "in stock only" and status filters then sum a few counters. Totals stay exact.
 */
export interface KeptCounts {
  /** Matching articles per class code. */
  readonly perClass: Int32Array;
  /** Per pair id: 1 when the term matches the pair's every article (through its set or supplier). */
  readonly groupPairs: Uint8Array;
  readonly codes: Uint8Array;
}

/** Something that can hold kept counts (a term's expansion). */
export interface CountHolder {
  counts: KeptCounts | null;
}

export class TermCounts {
  /** Holders in the order counted; the oldest loses its counts beyond TERM_COUNTS_MAX. */
  private readonly kept: CountHolder[] = [];

  keep(holder: CountHolder, perClass: Int32Array, pairs: PairMask, names: NameCodes): void {
    if (this.kept.length >= TERM_COUNTS_MAX) this.kept.shift()!.counts = null;
    const groupPairs = new Uint8Array(pairs.score.length);
    for (const id of pairs.touched) if (pairs.score[id]! > 0) groupPairs[id] = 1;
    holder.counts = { perClass, groupPairs, codes: names.codes };
    this.kept.push(holder);
  }

  /** Article doc of pair moved from class code `from` to `to` (its stock crossed zero). */
  moved(doc: number, pair: number, from: number, to: number): void {
    for (const holder of this.kept) {
      const { perClass, groupPairs, codes } = holder.counts!;
      if (groupPairs[pair] === 1 || (doc < codes.length && codes[doc] !== 0)) {
        perClass[from]!--;
        perClass[to]!++;
      }
    }
  }

  /** The holders are dropped (the memo starts over): nothing is kept. */
  clear(): void {
    for (const holder of this.kept) holder.counts = null;
    this.kept.length = 0;
  }
}
