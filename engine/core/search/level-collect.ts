// Page filling within one (score, status) level: in-stock first, then article number, walking lists lazily.

import { FLAG_WHOLE } from './constants.ts';
import type { Scratch } from './scratch.ts';

/** Which entries of a name posting list a stream yields. */
export const MASK_ALL = 0;
export const MASK_WHOLE = 1;
export const MASK_DERIVED_ONLY = 2;

/** Ascending doc ids (in article-number order); flags only for name lists filtered by mask. */
export interface Stream {
  ids: ArrayLike<number>;
  flags: Uint8Array | null;
  length: number;
  mask: number;
  /** Ids in any order: walked to the end (selecting beats sorting thousands of ids to take the first few). */
  unsorted: boolean;
}

/**
 * Append to out the best r articles among the streams' accepted entries: in stock first, then by
 * article number. Each stream is walked only until it has yielded r in-stock articles (the union's
 * first r in-stock ones are among each stream's first r), and once r are known, only below the
 * r-th smallest id. Out-of-stock articles are used only when fewer than r are in stock.
 */
export function collectLevel(
  streams: readonly Stream[],
  r: number,
  accept: (d: number) => boolean,
  inStock: (d: number) => boolean,
  scratch: Scratch,
  out: number[],
): void {
  if (r <= 0) return;
  const { stamp } = scratch;
  const mark = scratch.nextMark();
  // The r smallest ids seen, in stock and not: sorted and capped, so many streams stay cheap.
  const yes: number[] = [];
  const no: number[] = [];
  for (const { ids, flags, length, mask, unsorted } of streams) {
    // A sorted stream stops after r in stock, or past the r-th smallest in-stock id; an unsorted one cannot.
    const cap = unsorted ? Infinity : r;
    let got = 0;
    for (let k = 0; k < length && got < cap; k++) {
      const d = ids[k]!;
      if (yes.length === r && d > yes[r - 1]!) {
        if (unsorted) continue;
        break;
      }
      if (mask !== MASK_ALL && ((flags![k]! & FLAG_WHOLE) === 0) === (mask === MASK_WHOLE)) continue;
      if (stamp[d] === mark || !accept(d)) continue;
      stamp[d] = mark;
      if (inStock(d)) {
        insertCapped(yes, d, r);
        got++;
      } else insertCapped(no, d, r);
    }
  }
  for (let i = 0; i < yes.length; i++) out.push(yes[i]!);
  for (let i = 0; i < no.length && i < r - yes.length; i++) out.push(no[i]!);
}

/** Insert d into ascending a, keeping at most cap smallest entries. */
function insertCapped(a: number[], d: number, cap: number): void {
  if (a.length === cap && d > a[cap - 1]!) return;
  let i = a.length;
  if (a.length < cap) a.push(d);
  else i = cap - 1;
  while (i > 0 && a[i - 1]! > d) {
    a[i] = a[i - 1]!;
    i--;
  }
  a[i] = d;
}
