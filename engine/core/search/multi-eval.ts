// Multi-word queries: pairs every word reaches through groups are counted and ranked in bulk.

import { STATUS_RANKS } from './constants.ts';
import { CLASS_SPAN, KEY_CLASS_MASK, KEY_SHIFT, KEY_STATUS_MASK } from './doc-table.ts';
import type { IndexStore } from './index-store.ts';
import { collectLevel, MASK_ALL, type Stream } from './level-collect.ts';
import { CLASS_FULL, type Matcher } from './matcher.ts';
import type { Filter, TermPlan } from './plan-types.ts';
import { Lifter } from './multi-lift.ts';
import { primaryOf as primary } from './ranker.ts';
import { countStatus, type Pair } from './pair-counts.ts';
import type { Scratch } from './scratch.ts';

/**
 * The full pairs' admitted articles per primary level, before lifts: a few distinct levels however many pairs
 * ("hjälpmedel för" reaches 873 pairs through titles, all at one base score). Built once per query, so the
 * boundary — recomputed as lifts arrive — costs O(lifted articles + levels), not O(pairs × statuses).
 */
interface FullLevels {
  levels: number[];
  counts: number[];
  total: number;
  /** Highest level with an article (−1 when none). */
  max: number;
}

/**
 * Why: in "invacare rullstol" every article of the pairs (wheelchair set, Invacare) matches both
 * words through groups, with the same base score, unless a name match lifts it higher. So:
 *  - full pairs (reached by every word through a group) are counted from their counters;
 *  - only articles lifted by a name match ("Rullstol Invacare …") are enumerated, from the name
 *    lists that can beat the group score;
 *  - the rest of a full pair is an implicit run at the base score, read in article-number order
 *    only as far as the page needs;
 *  - partial pairs (some word reaches them only by name) go through the general matcher.
 */
export class MultiEvaluator {
  /** Per primary level; all zeros between uses. */
  private histogram: Int32Array = new Int32Array(1024);
  private readonly lifter: Lifter;

  constructor(
    private readonly store: IndexStore,
    private readonly scratch: Scratch,
    private readonly matcher: Matcher,
  ) {
    this.lifter = new Lifter(store, scratch);
  }

  /** Total and the best `need` articles in order (scores left in scratch.score). */
  run(plans: TermPlan[], f: Filter, need: number, inStock: (d: number) => boolean): { total: number; order: number[] } {
    const s = this.scratch;
    const classified = this.matcher.classify(plans, f);
    try {
      const full: number[] = [];
      for (let k = 0; k < classified; k++)
        if (s.pairClass[s.classified[k]!] === CLASS_FULL) full.push(s.classified[k]!);
      const explicit = this.matcher.run(plans, false);
      const levels = this.fullLevels(full, f);
      const total = explicit + levels.total;
      const boundary = (lifted: number[]): number => this.boundary(explicit, lifted, levels, Math.min(need, total));
      const boosted = this.lifter.boost(plans, f.classOk, full, Math.min(need, total), boundary);
      const order = this.rank(explicit, boosted, full, levels, f, Math.min(need, total), inStock);
      return { total, order };
    } finally {
      for (let k = 0; k < classified; k++) {
        const id = s.classified[k]!;
        s.pairClass[id] = 0;
        s.pairBase[id] = 0;
      }
    }
  }

  private pair(id: number): Pair {
    return this.store.pairs.pairs[id]!;
  }

  /** Final order: levels above the need-th article in full, its own level filled lazily. */
  private rank(
    explicit: number,
    boosted: number[],
    full: number[],
    levels: FullLevels,
    f: Filter,
    need: number,
    inStock: (d: number) => boolean,
  ): number[] {
    if (need <= 0) return [];
    const s = this.scratch;
    const key = this.store.docs.key;
    const status = (d: number): number => key[d]! & KEY_STATUS_MASK;
    const level = this.boundary(explicit, boosted, levels, need);
    const { ties, tiesLevel, atLevel } = s;
    const m = explicit + boosted.length;
    const above: number[] = [];
    let atCount = 0;
    for (let i = 0; i < m; i++) {
      const p = tiesLevel[i]!;
      if (p > level) above.push(ties[i]!);
      else if (p === level) atLevel[atCount++] = ties[i]!;
    }
    const runs: Stream[] = [{ ids: atLevel, flags: null, length: atCount, mask: MASK_ALL, unsorted: true }];
    for (const id of full) this.implicitAbove(id, level, f, above, runs);
    above.sort(
      (a, b) => primary(s.score[b]!, status(b)) - primary(s.score[a]!, status(a)) || +inStock(b) - +inStock(a) || a - b,
    );
    const st = STATUS_RANKS - 1 - (level % STATUS_RANKS);
    const score = (level - (STATUS_RANKS - 1 - st)) / STATUS_RANKS;
    const boostMark = s.boostMark;
    // Implicit runs hold every class and the lifted articles: accept only this level's admitted ones.
    const { classOk } = f;
    const accept = (d: number): boolean =>
      status(d) === st &&
      classOk[key[d]! & KEY_CLASS_MASK] === 1 &&
      (s.boostStamp[d] !== boostMark || s.score[d] === score);
    const from = above.length;
    collectLevel(runs, need - above.length, accept, inStock, s, above);
    for (let k = from; k < above.length; k++) s.score[above[k]!] = score;
    return above;
  }

  /** A full pair's unlifted articles: all of them when above the level, or a run at the level. */
  private implicitAbove(id: number, level: number, f: Filter, above: number[], runs: Stream[]): void {
    const s = this.scratch;
    const key = this.store.docs.key;
    const members = this.pair(id).docs;
    const { classOk } = f;
    for (let st = 0; st <= f.statusMax; st++) {
      const p = primary(s.pairBase[id]!, st);
      if (p === level)
        runs.push({ ids: members.ids, flags: null, length: members.length, mask: MASK_ALL, unsorted: false });
      if (p <= level) continue;
      for (let k = 0; k < members.length; k++) {
        const d = members.ids[k]!;
        const dk = key[d]!;
        if ((dk & KEY_STATUS_MASK) === st && classOk[dk & KEY_CLASS_MASK] === 1 && s.boostStamp[d] !== s.boostMark) {
          s.score[d] = s.pairBase[id]!;
          above.push(d);
        }
      }
    }
  }

  /** The full pairs' admitted articles per level (one pass over the pairs' counters per query). */
  private fullLevels(full: number[], f: Filter): FullLevels {
    const s = this.scratch;
    let h = this.histogram;
    const levels: number[] = [];
    let max = -1;
    let total = 0;
    const { classCounts } = this.store.pairs;
    for (const id of full) {
      const at = id * CLASS_SPAN;
      for (let st = 0; st <= f.statusMax; st++) {
        const n = countStatus(classCounts, at, st, f.classOk);
        if (n === 0) continue;
        const p = primary(s.pairBase[id]!, st);
        if (h.length <= p) h = this.growHistogram(p);
        // The histogram is all zeros between uses: a level's first count records it.
        if (h[p] === 0) levels.push(p);
        h[p]! += n;
        total += n;
        if (p > max) max = p;
      }
    }
    const counts = levels.map((p) => h[p]!);
    for (const p of levels) h[p] = 0;
    return { levels, counts, total, max };
  }

  private growHistogram(level: number): Int32Array {
    const grown = new Int32Array(Math.max(level + 1, this.histogram.length * 2));
    grown.set(this.histogram);
    this.histogram = grown;
    return grown;
  }

  /**
   * The primary level of the need-th best article: explicit ones (partial-pair matches and lifted
   * articles, gathered into the ties buffer) one by one, the rest of full pairs by their levels' counts
   * less the lifted articles (each lifted out of its pair's base level).
   */
  private boundary(explicit: number, lifted: number[], full: FullLevels, need: number): number {
    const s = this.scratch;
    const key = this.store.docs.key;
    const { ties, tiesLevel, candidates, score, pairBase } = s;
    let m = 0;
    for (let i = 0; i < explicit; i++) ties[m++] = candidates[i]!;
    for (const d of lifted) ties[m++] = d;
    // Each article's level once (rank reads them again), and the highest.
    let max = Math.max(0, full.max);
    for (let i = 0; i < m; i++) {
      const d = ties[i]!;
      const p = primary(score[d]!, key[d]! & KEY_STATUS_MASK);
      tiesLevel[i] = p;
      if (p > max) max = p;
    }
    const h = this.histogram.length <= max ? this.growHistogram(max) : this.histogram;
    for (let i = 0; i < m; i++) h[tiesLevel[i]!]!++;
    for (let k = 0; k < full.levels.length; k++) h[full.levels[k]!]! += full.counts[k]!;
    for (const d of lifted) {
      const dk = key[d]!;
      h[primary(pairBase[dk >> KEY_SHIFT]!, dk & KEY_STATUS_MASK)]!--;
    }
    let level = max;
    for (let seen = h[level]!; seen < need && level > 0; seen += h[level]!) level--;
    // Leave the histogram zeroed for the next use (fullLevels relies on it).
    h.fill(0, 0, max + 1);
    return level;
  }
}
