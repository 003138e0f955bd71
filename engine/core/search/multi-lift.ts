// Lazy name lifts for multi-word queries: articles of full pairs scored above their pair's base.

import { assert } from '../assert.ts';
import { FLAG_WHOLE } from './constants.ts';
import { KEY_CLASS_MASK, KEY_SHIFT } from './doc-table.ts';
import type { IndexStore } from './index-store.ts';
import { CLASS_FULL, nameScore, searchCost } from './matcher.ts';
import type { TermPlan } from './plan-types.ts';
import { primaryOf as primary } from './ranker.ts';
import type { Pair } from './pair-counts.ts';
import { gallop, pairsToIntersect } from './pair-walk.ts';
import type { PostingList } from './posting-list.ts';
import type { Scratch } from './scratch.ts';
import { Field, termScore } from './score.ts';

export class Lifter {
  constructor(
    private readonly store: IndexStore,
    private readonly scratch: Scratch,
  ) {}

  private pair(id: number): Pair {
    return this.store.pairs.pairs[id]!;
  }

  /**
   * Articles of full pairs that name matches score above their pair's base (the summed group
   * scores), with exact scores in scratch.score. Lazy, threshold-algorithm style: lists are
   * walked best lift first, and once even the largest lifts still unwalked could not carry an
   * article to the page's boundary level, the rest are only checked, by binary search, for the
   * few articles already lifted. Total counts never depend on lifts.
   */
  boost(
    plans: TermPlan[],
    classOk: Uint8Array,
    full: number[],
    need: number,
    boundary: (lifted: number[]) => number,
  ): number[] {
    const s = this.scratch;
    s.nextBoostMark();
    const lifted: number[] = [];
    if (full.length === 0 || need <= 0) return lifted;
    const lists = this.liftLists(plans, full);
    let baseMax = 0;
    for (const id of full) baseMax = Math.max(baseMax, s.pairBase[id]!);
    const rows = new LiftRows(plans.length);
    const rest = remainingLifts(lists, plans.length);
    let done = lists.length;
    // The boundary only rises as lifts are added, so a level computed earlier is a lower bound of it: it is
    // recomputed (a pass over every candidate) only when the largest possible lift has dropped since.
    let known = -Infinity;
    let boundAtKnown = Infinity;
    let lastBound = Infinity;
    for (let i = 0; i < lists.length; i++) {
      if (i > 0) {
        // Additive scores: an article not lifted yet scores at most baseMax + rest[i], at its best status.
        const bound = primary(baseMax + rest[i]!, 0);
        // rest[] sums over ever fewer lists, so the bound only falls: once below the boundary, it stays below.
        // (Walking the largest lifts first makes it fall fastest.)
        assert(bound <= lastBound, 'the bound on unwalked lifts only falls');
        lastBound = bound;
        if (bound < boundAtKnown && bound >= known) {
          const level = boundary(lifted);
          assert(level >= known, 'the boundary level only rises as lifts arrive');
          known = level;
          boundAtKnown = bound;
        }
        if (bound < known) {
          done = i;
          break;
        }
      }
      const { plan, t, list, whole, part } = lists[i]!;
      this.liftList(plan, t, list, whole, part, classOk, rows, lifted);
    }
    if (done < lists.length) this.completeLifts(plans, lists.slice(done), rows, lifted);
    return lifted;
  }

  /** Name lists that can lift some full pair's articles, with their largest possible lift, best first. */
  private liftLists(plans: TermPlan[], full: number[]): LiftList[] {
    const out: LiftList[] = [];
    plans.forEach((plan, t) => {
      let minGroup = Infinity;
      for (const id of full) minGroup = Math.min(minGroup, plan.pairs.score[id]!);
      if (plan.names !== null) {
        // Merged: one list per name score instead of one per spelling (a short prefix has hundreds).
        for (const { list, score } of plan.names.levels)
          if (score > minGroup) out.push({ plan, t, list, whole: score, part: score, maxLift: score - minGroup });
        return;
      }
      for (const src of plan.sources) {
        const list = src.form.docs;
        const whole = termScore(src.quality, Field.Name);
        const part = termScore(src.quality, Field.NamePart);
        // maxLift bounds every lift the list gives: a compound head scores no more than the whole word.
        assert(part <= whole, 'a name part scores at most the whole word');
        if (list && whole > minGroup) out.push({ plan, t, list, whole, part, maxLift: whole - minGroup });
      }
    });
    return out.sort((a, b) => b.maxLift - a.maxLift);
  }

  /** Record, per article of a full pair, the lift this term's list gives it. */
  private liftList(
    plan: TermPlan,
    t: number,
    list: PostingList,
    whole: number,
    part: number,
    classOk: Uint8Array,
    rows: LiftRows,
    lifted: number[],
  ): void {
    const { pairClass } = this.scratch;
    const key = this.store.docs.key;
    const { ids, flags, length } = list;
    const chosen = pairsToIntersect(list, this.store.pairs, pairClass, CLASS_FULL);
    if (chosen === null) {
      for (let k = 0; k < length; k++) {
        const d = ids[k]!;
        const dk = key[d]!;
        if (pairClass[dk >> KEY_SHIFT] !== CLASS_FULL || classOk[dk & KEY_CLASS_MASK] !== 1) continue;
        this.lift(d, t, (flags[k]! & FLAG_WHOLE ? whole : part) - plan.pairs.score[dk >> KEY_SHIFT]!, rows, lifted);
      }
      return;
    }
    for (const id of chosen) {
      if (whole <= plan.pairs.score[id]!) continue;
      const members = this.pair(id).docs;
      for (let i = 0, at = 0; i < members.length && at < length; i++) {
        const d = members.ids[i]!;
        at = gallop(ids, length, at, d);
        if (at >= length || ids[at] !== d || classOk[key[d]! & KEY_CLASS_MASK] !== 1) continue;
        this.lift(d, t, (flags[at]! & FLAG_WHOLE ? whole : part) - plan.pairs.score[id]!, rows, lifted);
      }
    }
  }

  /** A skipped list's lifts for the articles lifted before (the others cannot reach the page any more). */
  private liftExisting(
    plan: TermPlan,
    t: number,
    list: PostingList,
    whole: number,
    part: number,
    rows: LiftRows,
    lifted: number[],
  ): void {
    const s = this.scratch;
    const key = this.store.docs.key;
    const { ids, flags, length } = list;
    for (let k = 0; k < length; k++) {
      const d = ids[k]!;
      if (s.boostStamp[d] !== s.boostMark) continue;
      this.lift(d, t, (flags[k]! & FLAG_WHOLE ? whole : part) - plan.pairs.score[key[d]! >> KEY_SHIFT]!, rows, lifted);
    }
  }

  /** Raise article d's lift for term t; keeps scratch.score = base + lifts. */
  private lift(d: number, t: number, lift: number, rows: LiftRows, lifted: number[]): void {
    if (lift <= 0) return;
    const s = this.scratch;
    let row: number;
    if (s.boostStamp[d] !== s.boostMark) {
      s.boostStamp[d] = s.boostMark;
      row = s.boost[d] = rows.add();
      lifted.push(d);
      const dk = this.store.docs.key[d]!;
      s.score[d] = s.pairBase[dk >> KEY_SHIFT]!;
    } else row = s.boost[d]!;
    const gain = rows.raise(row, t, lift);
    s.score[d] = s.score[d]! + gain;
  }

  /**
   * Exact lifts of already-lifted articles from the lists the lazy walk skipped: each article scored per
   * term (one load with name codes, else a search per spelling), or — when that costs more — the skipped
   * lists walked once, lifting only articles lifted before.
   */
  private completeLifts(plans: TermPlan[], skipped: LiftList[], rows: LiftRows, lifted: number[]): void {
    const terms = new Set(skipped.map((l) => l.t));
    let perArticle = 0;
    for (const t of terms) perArticle += searchCost(plans[t]!);
    let walk = 0;
    for (const l of skipped) walk += l.list.length;
    if (walk < lifted.length * perArticle) {
      for (const { plan, t, list, whole, part } of skipped) this.liftExisting(plan, t, list, whole, part, rows, lifted);
      return;
    }
    const key = this.store.docs.key;
    for (const d of lifted) {
      const pair = key[d]! >> KEY_SHIFT;
      for (const t of terms) {
        const plan = plans[t]!;
        const group = plan.pairs.score[pair]!;
        const gain = rows.raise(this.scratch.boost[d]!, t, nameScore(plan, d, group) - group);
        this.scratch.score[d] = this.scratch.score[d]! + gain;
      }
    }
  }
}

/** A name list of term t that can lift full-pair articles by up to maxLift. */
interface LiftList {
  plan: TermPlan;
  t: number;
  list: PostingList;
  whole: number;
  part: number;
  maxLift: number;
}

/** rest[i]: the largest total lift the lists from index i on could still add to one article (per term, its largest). */
function remainingLifts(lists: LiftList[], terms: number): Float64Array {
  const rest = new Float64Array(lists.length + 1);
  const best = new Array<number>(terms).fill(0);
  let sum = 0;
  for (let i = lists.length - 1; i >= 0; i--) {
    const { t, maxLift } = lists[i]!;
    if (maxLift > best[t]!) {
      sum += maxLift - best[t]!;
      best[t] = maxLift;
    }
    rest[i] = sum;
  }
  return rest;
}

/** Per lifted article (row) and term: the best lift so far. */
class LiftRows {
  private lifts = new Int32Array(64);
  private rows = 0;

  constructor(private readonly terms: number) {}

  add(): number {
    const need = (this.rows + 1) * this.terms;
    if (need > this.lifts.length) {
      const grown = new Int32Array(need * 2);
      grown.set(this.lifts);
      this.lifts = grown;
    }
    // A loop, not fill(): a row is two or three slots, and fill() costs a native call per row.
    for (let at = this.rows * this.terms; at < need; at++) this.lifts[at] = 0;
    return this.rows++;
  }

  /** Raise row's lift for term t to at least lift; returns the increase. */
  raise(row: number, t: number, lift: number): number {
    const at = row * this.terms + t;
    const gain = lift - this.lifts[at]!;
    if (gain <= 0) return 0;
    this.lifts[at] = lift;
    return gain;
  }
}
