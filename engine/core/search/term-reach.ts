// A term's reach, kept with its expansion: group scores, pair scores and reach bits as compact arrays.

import type { GroupScores, PairMask } from './scratch.ts';

/**
 * Why: "för" and "pro" appear in 800 of the ISO title sets and reach all 900 pairs. Raising each set
 * from each of the 45 spellings, then each pair from each set, and marking the pairs the name lists
 * reach cost 30 µs per query — more than the rest of it. All of it is a pure function of the term's
 * sources and of which pairs exist and hold which articles, which only article upserts change (they
 * clear the memo); stock changes never touch it. So it is computed once and copied into the query's
 * dense arrays afterwards: one write per touched group and pair.
 */
export interface TermReach {
  readonly setIds: Int32Array;
  readonly setScores: Int32Array;
  readonly supplierIds: Int32Array;
  readonly supplierScores: Int32Array;
  /** Touched pairs in the order they were first touched (group reach, then name reach). */
  readonly pairIds: Int32Array;
  readonly pairBits: Uint8Array;
  readonly pairScores: Int32Array;
  /** Name postings of the term's sources (TermPlan.docCost). */
  readonly docCost: number;
}

/** The reach as the plan's arrays hold it now (after Matcher.plan). */
export function snapshotReach(sets: GroupScores, suppliers: GroupScores, pairs: PairMask, docCost: number): TermReach {
  const setIds = Int32Array.from(sets.touched);
  const supplierIds = Int32Array.from(suppliers.touched);
  const pairIds = Int32Array.from(pairs.touched);
  return {
    setIds,
    setScores: setIds.map((g) => sets.scores[g]!),
    supplierIds,
    supplierScores: supplierIds.map((g) => suppliers.scores[g]!),
    pairIds,
    pairBits: Uint8Array.from(pairIds, (p) => pairs.bits[p]!),
    pairScores: pairIds.map((p) => pairs.score[p]!),
    docCost,
  };
}

/** Copy the reach into empty (reset) per-query arrays, already sized to the index's capacities. */
export function replayReach(reach: TermReach, sets: GroupScores, suppliers: GroupScores, pairs: PairMask): void {
  replayGroups(reach.setIds, reach.setScores, sets);
  replayGroups(reach.supplierIds, reach.supplierScores, suppliers);
  const { pairIds, pairBits, pairScores } = reach;
  const { bits, score } = pairs;
  pairs.ids.set(pairIds);
  pairs.count = pairIds.length;
  for (let k = 0; k < pairIds.length; k++) {
    const p = pairIds[k]!;
    bits[p] = pairBits[k]!;
    score[p] = pairScores[k]!;
  }
}

function replayGroups(ids: Int32Array, scores: Int32Array, into: GroupScores): void {
  const dense = into.scores;
  into.ids.set(ids);
  into.count = ids.length;
  for (let k = 0; k < ids.length; k++) dense[ids[k]!] = scores[k]!;
}

/** Entries a reach holds, for the memo's memory bound. */
export function reachEntries(reach: TermReach): number {
  return reach.setIds.length + reach.supplierIds.length + reach.pairIds.length;
}
