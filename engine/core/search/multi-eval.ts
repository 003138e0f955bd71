// Multi-word queries: pairs every word reaches through groups are counted and ranked in bulk.

import { FLAG_WHOLE, STATUS_RANKS, W_NAME, W_NAME_PART } from './constants.ts';
import type { IndexStore } from './index-store.ts';
import { ascending, collectLevel, MASK_ALL, type Stream } from './level-collect.ts';
import { CLASS_FULL, type Filter, type Matcher, type TermPlan } from './matcher.ts';
import { countUpTo, type Pair } from './pair-counts.ts';
import { gallop, pairsToIntersect } from './pair-walk.ts';
import type { PostingList } from './posting-list.ts';
import type { Scratch } from './scratch.ts';

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
  private histogram = new Int32Array(1024);

  constructor(
    private readonly store: IndexStore,
    private readonly scratch: Scratch,
    private readonly matcher: Matcher,
  ) {}

  /** Total and the best `need` articles in order (scores left in scratch.score). */
  run(plans: TermPlan[], f: Filter, need: number, inStock: (d: number) => boolean): { total: number; order: number[] } {
    const s = this.scratch;
    const classified = this.matcher.classify(plans, f);
    try {
      const full = classified.filter((id) => s.pairClass[id] === CLASS_FULL);
      const explicit = this.matcher.run(plans, false);
      const boosted = this.boost(plans, f.statusMax, full);
      let total = explicit;
      for (const id of full) total += countUpTo(this.pair(id).counts, f.statusMax);
      const order = this.rank(explicit, boosted, full, f.statusMax, Math.min(need, total), inStock);
      return { total, order };
    } finally {
      for (const id of classified) {
        s.pairClass[id] = 0;
        s.pairBase[id] = 0;
        s.pairBoosted.fill(0, id * STATUS_RANKS, (id + 1) * STATUS_RANKS);
      }
    }
  }

  private pair(id: number): Pair {
    return this.store.pairs.pairs[id]!;
  }

  /**
   * Articles of full pairs that some name match scores above the group score, with their exact
   * scores (base + per-term lift) in scratch.score.
   */
  private boost(plans: TermPlan[], statusMax: number, full: number[]): number[] {
    const s = this.scratch;
    const boostMark = s.nextBoostMark();
    const boosted: number[] = [];
    if (full.length === 0) return boosted;
    for (const plan of plans) {
      const bestMark = s.nextBestMark();
      const lifted: number[] = [];
      let minGroup = Infinity;
      for (const id of full) minGroup = Math.min(minGroup, groupScore(plan, this.pair(id)));
      for (const src of plan.sources) {
        const list = src.form.docs;
        const whole = src.quality * W_NAME;
        if (list && whole > minGroup) this.liftList(plan, list, whole, src.quality * W_NAME_PART, statusMax, bestMark, lifted);
      }
      for (const d of lifted) {
        if (s.boostStamp[d] !== boostMark) {
          s.boostStamp[d] = boostMark;
          s.boost[d] = s.best[d]!;
          boosted.push(d);
        } else s.boost[d] = s.boost[d]! + s.best[d]!;
      }
    }
    const { pairOf, status } = this.store.docs;
    for (const d of boosted) {
      const p = pairOf[d]!;
      s.score[d] = s.pairBase[p]! + s.boost[d]!;
      s.pairBoosted[p * STATUS_RANKS + status[d]!]!++;
    }
    return boosted;
  }

  /** Record, per article of a full pair, the best lift this term's list gives it. */
  private liftList(plan: TermPlan, list: PostingList, whole: number, part: number, statusMax: number, bestMark: number, lifted: number[]): void {
    const { pairClass, bestStamp, best } = this.scratch;
    const { status, setOf, supplierOf, pairOf } = this.store.docs;
    const setScores = plan.sets.scores;
    const supScores = plan.suppliers.scores;
    const { ids, flags, length } = list;
    const chosen = pairsToIntersect(list, this.store.pairs, pairClass, CLASS_FULL);
    // Walk the whole list (k over entries) or, for long lists, only the chosen pairs' members.
    const pairsLeft = chosen === null ? 0 : chosen.length;
    for (let c = -1; c < pairsLeft; c++) {
      if (chosen !== null && c < 0) continue;
      const members = chosen === null ? null : this.pair(chosen[c]!).docs;
      const end = members === null ? length : members.length;
      for (let i = 0, at = 0; i < end && at < length; i++) {
        let d: number;
        if (members === null) {
          at = i;
          d = ids[i]!;
          if (pairClass[pairOf[d]!] !== CLASS_FULL) continue;
        } else {
          d = members.ids[i]!;
          at = gallop(ids, length, at, d);
          if (at >= length || ids[at] !== d) continue;
        }
        if (status[d]! > statusMax) continue;
        const group = Math.max(setScores[setOf[d]!]!, supScores[supplierOf[d]!]!);
        const lift = (flags[at]! & FLAG_WHOLE ? whole : part) - group;
        if (lift <= 0) continue;
        if (bestStamp[d] !== bestMark) {
          bestStamp[d] = bestMark;
          best[d] = lift;
          lifted.push(d);
        } else if (lift > best[d]!) best[d] = lift;
      }
    }
  }

  /** Final order: levels above the need-th article in full, its own level filled lazily. */
  private rank(explicit: number, boosted: number[], full: number[], statusMax: number, need: number, inStock: (d: number) => boolean): number[] {
    if (need <= 0) return [];
    const s = this.scratch;
    const { status } = this.store.docs;
    // Explicit articles (partial-pair matches and lifted ones) side by side in the ties buffer.
    const docs = s.ties;
    let m = 0;
    for (let i = 0; i < explicit; i++) docs[m++] = s.candidates[i]!;
    for (const d of boosted) docs[m++] = d;
    const level = this.boundary(m, full, statusMax, need);
    const above: number[] = [];
    const atLevel: number[] = [];
    for (let i = 0; i < m; i++) {
      const d = docs[i]!;
      const p = primary(s.score[d]!, status[d]!);
      if (p > level) above.push(d);
      else if (p === level) atLevel.push(d);
    }
    const runs: Stream[] = [{ ids: atLevel.sort(ascending), flags: null, length: atLevel.length, mask: MASK_ALL }];
    for (const id of full) this.implicitAbove(id, level, statusMax, above, runs);
    above.sort((a, b) => primary(s.score[b]!, status[b]!) - primary(s.score[a]!, status[a]!) || +inStock(b) - +inStock(a) || a - b);
    const st = STATUS_RANKS - 1 - (level % STATUS_RANKS);
    const score = (level - (STATUS_RANKS - 1 - st)) / STATUS_RANKS;
    const boostMark = s.boostMark;
    // Implicit runs hold every status and the lifted articles: accept only this level's.
    const accept = (d: number): boolean => status[d] === st && (s.boostStamp[d] !== boostMark || s.score[d] === score);
    const from = above.length;
    collectLevel(runs, need - above.length, accept, inStock, s, above);
    for (let k = from; k < above.length; k++) s.score[above[k]!] = score;
    return above;
  }

  /** A full pair's unlifted articles: all of them when above the level, or a run at the level. */
  private implicitAbove(id: number, level: number, statusMax: number, above: number[], runs: Stream[]): void {
    const s = this.scratch;
    const { status } = this.store.docs;
    const members = this.pair(id).docs;
    for (let st = 0; st <= statusMax; st++) {
      const p = primary(s.pairBase[id]!, st);
      if (p === level) runs.push({ ids: members.ids, flags: null, length: members.length, mask: MASK_ALL });
      if (p <= level) continue;
      for (let k = 0; k < members.length; k++) {
        const d = members.ids[k]!;
        if (status[d] === st && s.boostStamp[d] !== s.boostMark) {
          s.score[d] = s.pairBase[id]!;
          above.push(d);
        }
      }
    }
  }

  /** The primary level of the need-th best article: explicit ones one by one, full pairs by counters. */
  private boundary(m: number, full: number[], statusMax: number, need: number): number {
    const s = this.scratch;
    const { status } = this.store.docs;
    const docs = s.ties;
    let max = 0;
    for (let i = 0; i < m; i++) max = Math.max(max, primary(s.score[docs[i]!]!, status[docs[i]!]!));
    for (const id of full) max = Math.max(max, primary(s.pairBase[id]!, 0));
    if (this.histogram.length <= max) this.histogram = new Int32Array(max + 1);
    const h = this.histogram;
    h.fill(0, 0, max + 1);
    for (let i = 0; i < m; i++) h[primary(s.score[docs[i]!]!, status[docs[i]!]!)]!++;
    for (const id of full) {
      const counts = this.pair(id).counts;
      for (let st = 0; st <= statusMax; st++) h[primary(s.pairBase[id]!, st)]! += counts[st]! - s.pairBoosted[id * STATUS_RANKS + st]!;
    }
    let level = max;
    for (let seen = h[level]!; seen < need; seen += h[level]!) level--;
    return level;
  }
}

/** Relevance and status folded into one integer: higher is better. */
function primary(score: number, status: number): number {
  return score * STATUS_RANKS + (STATUS_RANKS - 1 - status);
}

function groupScore(plan: TermPlan, pair: Pair): number {
  return Math.max(plan.sets.scores[pair.set]!, plan.suppliers.scores[pair.supplier]!);
}
