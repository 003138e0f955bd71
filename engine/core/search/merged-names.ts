// One term's name postings merged across all its spellings: unique articles with their best name score.

import { FLAG_WHOLE, MERGE_ENTRIES_MAX } from './constants.ts';
import { PostingList } from './posting-list.ts';
import { Field, termScore } from './score.ts';
import type { Source } from './term-sources.ts';

/** Articles of one name score, ascending (article-number order). */
export interface NameLevel {
  readonly score: number;
  readonly ids: Int32Array;
  /** The same as a posting list (every entry flagged whole, at this score), for the multi-word lifts. */
  readonly list: PostingList;
}

/**
 * Why: a two- or three-letter prefix matches hundreds of words whose name lists hold a few entries
 * each ("gra": 337 lists, 2 826 entries at 100 000 articles). Per-list work — two streams each,
 * sorting them, de-duplicating every list against the longest — then outweighs the entries. Merged
 * once per index change (kept with the term's expansion), the single-term path walks one array to
 * count and a handful of per-score runs to fill the page. Stock and status are not part of it, so
 * stock changes never invalidate it.
 */
export interface MergedNames {
  /** Unique article ids, ascending. */
  readonly ids: Int32Array;
  /** Best name score of ids[k] for the term. */
  readonly best: Int32Array;
  /** The same articles grouped by best score, best first. */
  readonly levels: readonly NameLevel[];
}

/** Whether merging pays: listsMin name lists or more, and not so many entries that per-pair counts would be cheaper. */
export function worthMerging(sources: readonly Source[], listsMin: number): boolean {
  let lists = 0;
  let entries = 0;
  for (const src of sources) {
    if (!src.form.docs) continue;
    lists++;
    entries += src.form.docs.length;
  }
  return lists >= listsMin && entries <= MERGE_ENTRIES_MAX;
}

/** Merge the name lists of the sources; docEnd bounds the ids (a per-build buffer, freed after). */
export function mergeNames(sources: readonly Source[], docEnd: number): MergedNames {
  const bestOf = new Int32Array(docEnd);
  const seen: number[] = [];
  for (const src of sources) {
    const list = src.form.docs;
    if (!list) continue;
    const whole = termScore(src.quality, Field.Name);
    const part = termScore(src.quality, Field.NamePart);
    for (let k = 0; k < list.length; k++) {
      const d = list.ids[k]!;
      const v = list.flags[k]! & FLAG_WHOLE ? whole : part;
      if (bestOf[d] === 0) seen.push(d);
      if (v > bestOf[d]!) bestOf[d] = v;
    }
  }
  const ids = Int32Array.from(seen).sort();
  const best = new Int32Array(ids.length);
  const byScore = new Map<number, number[]>();
  for (let k = 0; k < ids.length; k++) {
    const d = ids[k]!;
    best[k] = bestOf[d]!;
    const run = byScore.get(best[k]!);
    if (run === undefined) byScore.set(best[k]!, [d]);
    else run.push(d);
  }
  const levels = [...byScore].sort((a, b) => b[0] - a[0]).map(([score, run]) => level(score, Int32Array.from(run)));
  return { ids, best, levels };
}

function level(score: number, ids: Int32Array): NameLevel {
  const list = new PostingList();
  list.ids = ids;
  list.flags = new Uint8Array(ids.length).fill(FLAG_WHOLE);
  list.length = ids.length;
  return { score, ids, list };
}

/** Best name score of article d, or 0 when no spelling names it (binary search). */
export function mergedScore(names: MergedNames, d: number): number {
  const { ids } = names;
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid]! < d) lo = mid + 1;
    else hi = mid;
  }
  return lo < ids.length && ids[lo] === d ? names.best[lo]! : 0;
}
