// Agreement with the oracle: tie-aware recall@10 (any engine), and the strict ordered top-10 check for our index.

import type { ReferenceResult } from './reference-search.ts';

export const RECALL_K = 10;

/**
 * Tie-aware recall@k. The reference order is total (relevance, status, stock, article number), but
 * only relevance is something another engine can be expected to reproduce: when 2 000 articles
 * share the top relevance, any 10 of them are an equally correct answer. So the acceptable set is
 * every reference match whose relevance is at least that of the reference's k-th hit, and
 *   recall = |engine top-k ∩ acceptable| / min(k, reference total).
 * A query the reference answers with nothing scores 1 only if the engine returns nothing too.
 */
export function recallAtK(ref: ReferenceResult, engineTop: readonly string[], k = RECALL_K): number {
  if (ref.total === 0) return engineTop.length === 0 ? 1 : 0;
  const kth = ref.score.get(ref.ranked[Math.min(k, ref.total) - 1]!)!;
  let hits = 0;
  for (const a of engineTop.slice(0, k)) {
    const s = ref.score.get(a);
    if (s !== undefined && s >= kth) hits++;
  }
  return hits / Math.min(k, ref.total);
}

/** Strict check for our index: the same k article numbers in the same order. */
export function sameTopK(ref: ReferenceResult, engineTop: readonly string[], k = RECALL_K): boolean {
  const want = ref.ranked.slice(0, k);
  return (
    want.length === Math.min(k, engineTop.length) && want.every((a, i) => engineTop[i] === a) && engineTop.length <= k
  );
}
