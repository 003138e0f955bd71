// Single-term and filter-only queries: exact totals from pair counters, pages by walking score levels.

import { CLASS_SPAN, KEY_CLASS_MASK, KEY_SHIFT, KEY_STATUS_MASK } from './doc-table.ts';
import type { IndexStore } from './index-store.ts';
import { collectLevel, MASK_ALL, MASK_DERIVED_ONLY, MASK_WHOLE } from './level-collect.ts';
import { assert } from '../assert.ts';
import { nameScore } from './matcher.ts';
import type { Filter, ScoredStream, TermPlan } from './plan-types.ts';
import { addClasses, countClasses } from './pair-counts.ts';
import type { TermCounts } from './term-counts.ts';
import { gallop } from './pair-walk.ts';
import type { PostingList } from './posting-list.ts';
import type { Scratch } from './scratch.ts';
import { Field, termScore } from './score.ts';
import type { MergedNames } from './merged-names.ts';

/**
 * Why a separate path: a one-word query ("rullstol", "för", "med") can match half the catalogue,
 * mostly through ISO titles. Enumerating those articles costs far more than the 50 µs budget.
 * With one term, an article's score is simply the best of its sources, and every source — a name
 * posting list (whole words or compound heads) or a whole group — gives all its articles one
 * score. So:
 *  - total = articles of matched pairs, summed from (set, supplier, status) counters, plus the
 *    name-list articles outside those pairs (long lists count those from per-pair counts too);
 *  - the page = walk the sources level by level, best score first; within a level and status the
 *    lists are in article-number order, so the walk stops after `need` in-stock articles.
 */

/** A gallop step (compare and branch on a random position) costs about this many sequential stamp writes. */
const GALLOP_STEPS_PER_STAMP = 2;

/** Counting for the kept per-class counts: every group admitted (classes are summed afterwards). */
const NO_GROUP_FILTER: Filter = {
  statusMax: 2,
  classOk: new Uint8Array(CLASS_SPAN).fill(1),
  classes: new Int32Array(0),
  supplierAllowed: null,
  setAllowed: null,
  pairOk: null,
};

export class UnionEvaluator {
  /** Per-class counts of the current query (uncached path). */
  private readonly perClass = new Int32Array(CLASS_SPAN);

  constructor(
    private readonly store: IndexStore,
    private readonly scratch: Scratch,
    private readonly counted: TermCounts,
  ) {}

  /** Total articles matching the single term (or, with plan null, only the filters). */
  count(plan: TermPlan | null, f: Filter): number {
    const { pairs, classCounts } = this.store.pairs;
    let n = 0;
    if (plan === null) {
      for (const p of pairs)
        if (p && (f.pairOk === null || f.pairOk[p.id] === 1))
          n += countClasses(classCounts, f.classes, p.id * CLASS_SPAN);
      return n;
    }
    // Without group filters a coded term's per-class counts are kept, and moved along by stock changes (term-counts.ts).
    const kept = f.pairOk === null && plan.codes !== null && plan.expansion !== null ? this.keptCounts(plan) : null;
    return countClasses(kept ?? this.classCounts(plan, f, this.perClass), f.classes);
  }

  /** The term's articles per class code, admitted by the filter's groups (every class counted). */
  private classCounts(plan: TermPlan, f: Filter, into: Int32Array): Int32Array {
    into.fill(0);
    const { classCounts } = this.store.pairs;
    const { ids, count, score } = plan.pairs;
    for (let k = 0; k < count; k++) {
      const id = ids[k]!;
      if (score[id]! > 0 && (f.pairOk === null || f.pairOk[id] === 1)) addClasses(into, classCounts, id * CLASS_SPAN);
    }
    if (plan.names === null) this.countOutside(plan, f, into);
    else this.countMergedOutside(plan.names, plan, f, into);
    return into;
  }

  private keptCounts(plan: TermPlan): Int32Array {
    const expansion = plan.expansion!;
    if (expansion.counts === null) {
      const counts = this.classCounts(plan, NO_GROUP_FILTER, new Int32Array(CLASS_SPAN));
      this.counted.keep(expansion, counts, plan.pairs, plan.codes!);
    }
    return expansion.counts!.perClass;
  }

  /** Merged name entries outside the matched pairs: one walk, no de-duplication needed. */
  private countMergedOutside(names: MergedNames, plan: TermPlan, f: Filter, into: Int32Array): void {
    const key = this.store.docs.key;
    const pairScore = plan.pairs.score;
    const { pairOk } = f;
    const { ids } = names;
    for (let k = 0; k < ids.length; k++) {
      const dk = key[ids[k]!]!;
      const p = dk >> KEY_SHIFT;
      if (pairScore[p]! === 0 && (pairOk === null || pairOk[p] === 1)) into[dk & KEY_CLASS_MASK]!++;
    }
  }

  /** The best `need` articles in final order; their scores are left in scratch.score. */
  page(plan: TermPlan | null, f: Filter, need: number, inStock: (d: number) => boolean): number[] {
    const streams = plan === null ? this.browseStreams(f) : this.termStreams(plan, f);
    const key = this.store.docs.key;
    const { pairOk, classOk } = f;
    const score = this.scratch.score;
    const out: number[] = [];
    let lastLevel = Infinity;
    for (let i = 0; i < streams.length && out.length < need; ) {
      const level = streams[i]!.score;
      // Best first: levels are walked in falling score order, so the page is final once it holds `need`.
      assert(level < lastLevel, 'single-term levels are walked best first');
      lastLevel = level;
      let j = i;
      while (j < streams.length && streams[j]!.score === level) j++;
      for (let s = 0; s <= f.statusMax && out.length < need; s++) {
        const accept = (d: number): boolean => {
          const k = key[d]!;
          return (
            (k & KEY_STATUS_MASK) === s &&
            classOk[k & KEY_CLASS_MASK] === 1 &&
            (pairOk === null || pairOk[k >> KEY_SHIFT] === 1) &&
            (plan === null || !this.scoresAbove(plan, d, level))
          );
        };
        const from = out.length;
        collectLevel(streams.slice(i, j), need - out.length, accept, inStock, this.scratch, out);
        for (let k = from; k < out.length; k++) score[out[k]!] = level;
      }
      i = j;
    }
    return out;
  }

  /**
   * Name-list articles outside the matched pairs (which count() already has), each once, per class. Long
   * lists answer from their per-pair counts; the longest list with outside entries is counted
   * that way and every other list with outside entries is walked, skipping what that one holds.
   */
  private countOutside(plan: TermPlan, f: Filter, into: Int32Array): void {
    let anchor: PostingList | null = null;
    let anchorCount = 0;
    const walk: PostingList[] = [];
    for (const src of plan.sources) {
      const list = src.form.docs;
      if (!list) continue;
      if (list.pairs === null) {
        walk.push(list);
        continue;
      }
      const c = this.outsideFromPairs(list, plan, f, null);
      if (c === 0) continue;
      if (c > anchorCount) {
        if (anchor) walk.push(anchor);
        anchor = list;
        anchorCount = c;
      } else walk.push(list);
    }
    if (anchor !== null) this.outsideFromPairs(anchor, plan, f, into);
    this.walkOutside(walk, anchor, plan, f, into);
  }

  /** Entries of a long list outside the matched pairs, from its per-pair counts (added per class to into, if given). */
  private outsideFromPairs(list: PostingList, plan: TermPlan, f: Filter, into: Int32Array | null): number {
    let n = 0;
    for (const [id, counts] of list.pairs!) {
      if (plan.pairs.score[id] !== 0 || (f.pairOk !== null && f.pairOk[id] !== 1)) continue;
      if (into === null) for (let c = 0; c < CLASS_SPAN; c++) n += counts[c]!;
      else addClasses(into, counts);
    }
    return n;
  }

  /** Outside entries of the walked lists that are not in the anchor list, each once, per class. */
  private walkOutside(
    walk: PostingList[],
    anchor: PostingList | null,
    plan: TermPlan,
    f: Filter,
    into: Int32Array,
  ): void {
    const { stamp } = this.scratch;
    const mark = this.scratch.nextMark();
    const key = this.store.docs.key;
    const pairScore = plan.pairs.score;
    const { pairOk } = f;
    // A long anchor answers membership by bit tests; else stamp it or gallop into it, whichever is cheaper.
    const bits = anchor?.hasBitsets ? anchor : null;
    if (bits) anchor = null;
    if (anchor && stampCheaper(anchor, walk)) {
      // Stamped anchor entries are skipped below like duplicates: each is either in a matched
      // pair or already counted from the anchor's per-pair counts.
      for (let k = 0; k < anchor.length; k++) stamp[anchor.ids[k]!] = mark;
      anchor = null;
    }
    for (const list of walk) {
      const { ids, length } = list;
      let cursor = 0;
      for (let k = 0; k < length; k++) {
        const d = ids[k]!;
        const dk = key[d]!;
        const p = dk >> KEY_SHIFT;
        if (pairScore[p]! > 0 || (pairOk !== null && pairOk[p] !== 1)) continue;
        if (stamp[d] === mark) continue;
        stamp[d] = mark;
        if (bits && bits.flagOf(d) !== 0) continue;
        if (anchor) {
          cursor = gallop(anchor.ids, anchor.length, cursor, d);
          if (cursor < anchor.length && anchor.ids[cursor] === d) continue;
        }
        into[dk & KEY_CLASS_MASK]!++;
      }
    }
  }

  /**
   * Name lists (whole words, then compound heads) and matched groups, best score first. Without
   * group filters they depend on the term and the index only, so they are kept with its expansion.
   */
  private termStreams(plan: TermPlan, f: Filter): ScoredStream[] {
    if (f.setAllowed !== null || f.supplierAllowed !== null || plan.expansion === null)
      return this.buildStreams(plan, f);
    plan.expansion.streams ??= this.buildStreams(plan, f);
    return plan.expansion.streams;
  }

  private buildStreams(plan: TermPlan, f: Filter): ScoredStream[] {
    const streams: ScoredStream[] = [];
    if (plan.names !== null) {
      for (const { ids, score } of plan.names.levels)
        streams.push({ ids, flags: null, length: ids.length, mask: MASK_ALL, unsorted: false, score });
    } else {
      for (const src of plan.sources) {
        const list = src.form.docs;
        if (!list) continue;
        streams.push(stream(list, MASK_WHOLE, termScore(src.quality, Field.Name)));
        streams.push(stream(list, MASK_DERIVED_ONLY, termScore(src.quality, Field.NamePart)));
      }
    }
    for (const g of plan.sets.touched) {
      if (f.setAllowed === null || f.setAllowed[g] === 1)
        streams.push(stream(this.store.sets.groups[g]!.docs, MASK_ALL, plan.sets.scores[g]!));
    }
    for (const g of plan.suppliers.touched) {
      if (f.supplierAllowed === null || f.supplierAllowed[g] === 1) {
        streams.push(stream(this.store.suppliers.groups[g]!.docs, MASK_ALL, plan.suppliers.scores[g]!));
      }
    }
    return streams.sort((a, b) => b.score - a.score);
  }

  /** Filter-only query: the allowed suppliers' (or else ISO sets') member lists, all at score 0. */
  private browseStreams(f: Filter): ScoredStream[] {
    const bySupplier = f.supplierAllowed !== null;
    const table = bySupplier ? this.store.suppliers : this.store.sets;
    const allowed = bySupplier ? f.supplierAllowed : f.setAllowed;
    const streams: ScoredStream[] = [];
    for (const g of table.groups)
      if (g && (allowed === null || allowed[g.id] === 1)) streams.push(stream(g.docs, MASK_ALL, 0));
    return streams;
  }

  /** Whether another source of the term gives the article a better score than this level. */
  private scoresAbove(plan: TermPlan, d: number, level: number): boolean {
    if (plan.pairs.score[this.store.docs.key[d]! >> KEY_SHIFT]! > level) return true;
    return nameScore(plan, d, level) > level;
  }
}

/**
 * Whether stamping every anchor entry once (a sequential pass) costs less than galloping into
 * the anchor for each walked entry (a prefix like "gra" walks hundreds of short lists).
 */
function stampCheaper(anchor: PostingList, walk: readonly PostingList[]): boolean {
  let walked = 0;
  for (const list of walk) walked += list.length;
  return anchor.length < walked * Math.log2(anchor.length + 1) * GALLOP_STEPS_PER_STAMP;
}

function stream(list: PostingList, mask: number, score: number): ScoredStream {
  return { ids: list.ids, flags: list.flags, length: list.length, mask, unsorted: false, score };
}
