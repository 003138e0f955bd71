// Page filling within one (score, status) level: in-stock first, then article number, walking lists lazily.

import { FLAG_WHOLE } from './constants.ts';
import type { Scratch } from './scratch.ts';

/** Which entries of a name posting list a stream yields. */
export const MASK_ALL = 0;
export const MASK_WHOLE = 1;
export const MASK_DERIVED_ONLY = 2;

/** Ascending doc ids (= article numbers); flags only for name lists filtered by mask. */
export interface Stream {
  ids: ArrayLike<number>;
  flags: Uint8Array | null;
  length: number;
  mask: number;
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
  const { stamp } = scratch;
  const mark = scratch.nextMark();
  const yes: number[] = [];
  const no: number[] = [];
  let cutoff = Infinity;
  for (const { ids, flags, length, mask } of streams) {
    let got = 0;
    for (let k = 0; k < length && got < r; k++) {
      const d = ids[k]!;
      if (d > cutoff) break;
      if (mask !== MASK_ALL && ((flags![k]! & FLAG_WHOLE) === 0) === (mask === MASK_WHOLE)) continue;
      if (stamp[d] === mark || !accept(d)) continue;
      stamp[d] = mark;
      if (inStock(d)) {
        yes.push(d);
        got++;
      } else no.push(d);
    }
    if (yes.length >= r) cutoff = yes.sort(ascending)[r - 1]!;
  }
  yes.sort(ascending);
  if (yes.length < r) no.sort(ascending);
  const take = yes.length < r ? yes.concat(no) : yes;
  for (let i = 0; i < take.length && i < r; i++) out.push(take[i]!);
}

export function ascending(a: number, b: number): number {
  return a - b;
}
