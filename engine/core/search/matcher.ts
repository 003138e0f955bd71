// Multi-word candidate generation: AND of terms, enumerating only (set, supplier) pairs all terms can match.

import { FLAG_WHOLE } from './constants.ts';
import { KEY_CLASS_MASK, KEY_SHIFT } from './doc-table.ts';
import type { IndexStore } from './index-store.ts';
import { mergedScore } from './merged-names.ts';
import { codedScore } from './name-codes.ts';
import { gallop, pairsToIntersect } from './pair-walk.ts';
import type { PostingList } from './posting-list.ts';
import type { Filter, TermPlan } from './plan-types.ts';
import type { Scratch } from './scratch.ts';
import { Field, nameField, termScore, titleField } from './score.ts';

/** A bitset look-up (two bit tests) counted in comparisons of a binary search. */
const BIT_TEST_COST = 1;

export const CLASS_FULL = 1;
export const CLASS_PARTIAL = 2;
export const PAIR_GROUP = 1;
export const PAIR_NAMES = 2;

/**
 * Why pairs: "invacare rullstol" matches a supplier group and ISO sets. Enumerating the Invacare
 * group visits every Invacare article; enumerating only the pairs (set, Invacare) that "rullstol"
 * can also reach — by a matched set or an entry in one of its name lists — visits a few hundred.
 */
export class Matcher {
  private wantedClass = 0;
  private classOk: Uint8Array = new Uint8Array(0);
  /** Narrowing terms with name codes: the driver's entries they cannot match are never taken as candidates. */
  private sieveTerms: TermPlan[] = [];
  /** The codes of such terms that match through names only: checked before the article's key is even read. */
  private nameSieves: Uint8Array[] = [];

  constructor(
    private readonly store: IndexStore,
    private readonly scratch: Scratch,
  ) {}

  /** Size the plan's per-group and per-pair arrays to the index (before planning or replaying a kept reach). */
  ensure(plan: TermPlan): void {
    plan.sets.ensure(this.store.sets.capacity);
    plan.suppliers.ensure(this.store.suppliers.capacity);
    plan.pairs.ensure(this.store.pairs.capacity);
  }

  /**
   * Score the term's groups, and through them its pairs (articles then read their pair's score), and mark
   * the pairs its name lists reach. A pure function of the sources and the index: kept as the term's reach.
   */
  plan(plan: TermPlan): void {
    const { pairs } = this.store;
    this.ensure(plan);
    let docCost = 0;
    for (const src of plan.sources) {
      const { docs, sets, suppliers } = src.form;
      if (docs) docCost += docs.length;
      if (sets) {
        for (let k = 0; k < sets.length; k++)
          plan.sets.raise(sets.ids[k]!, termScore(src.quality, titleField(sets.flags[k]!)));
      }
      if (suppliers) {
        const score = termScore(src.quality, Field.Supplier);
        for (let k = 0; k < suppliers.length; k++) plan.suppliers.raise(suppliers.ids[k]!, score);
      }
    }
    for (const g of plan.sets.touched)
      for (const p of pairs.ofSet[g] ?? []) plan.pairs.raise(p.id, PAIR_GROUP, plan.sets.scores[g]!);
    for (const g of plan.suppliers.touched) {
      for (const p of pairs.ofSupplier[g] ?? []) plan.pairs.raise(p.id, PAIR_GROUP, plan.suppliers.scores[g]!);
    }
    this.reachByName(plan);
    plan.docCost = docCost;
  }

  /**
   * Classify the pairs every term reaches and the filters allow, into scratch.pairClass: full
   * when every term reaches through a group (pairBase = the summed group scores), else partial.
   * Returns how many pair ids it wrote to scratch.classified; the caller zeroes their entries after the query.
   */
  classify(plans: TermPlan[], f: Filter): number {
    const s = this.scratch;
    s.ensurePairs(this.store.pairs.capacity);
    this.classOk = f.classOk;
    // A typed buffer, not a growing array: a query classifies hundreds of pairs.
    const out = s.classified;
    let n = 0;
    // A pair must be reached by every term: walk the term that reaches the fewest.
    let fewest = plans[0]!;
    for (const p of plans) if (p.pairs.count < fewest.pairs.count) fewest = p;
    const { ids, count } = fewest.pairs;
    const { pairOk } = f;
    const { pairClass, pairBase } = s;
    const bitsOf = plans.map((p) => p.pairs.bits);
    const scoreOf = plans.map((p) => p.pairs.score);
    for (let k = 0; k < count; k++) {
      const id = ids[k]!;
      if (pairOk !== null && pairOk[id] !== 1) continue;
      let all = PAIR_GROUP | PAIR_NAMES;
      let base = 0;
      for (let t = 0; t < bitsOf.length; t++) {
        const b = bitsOf[t]![id]!;
        // A term that does not reach the pair leaves no bit; one that reaches it only by name clears PAIR_GROUP.
        all = b === 0 ? 0 : all & (b | PAIR_NAMES);
        base += scoreOf[t]![id]!;
      }
      if (all === 0) continue;
      pairClass[id] = all & PAIR_GROUP ? CLASS_FULL : CLASS_PARTIAL;
      pairBase[id] = base;
      out[n++] = id;
    }
    return n;
  }

  /**
   * Candidates matching every term, into scratch.candidates with summed scores; returns the count.
   * Only classified pairs are enumerated; full ones only with includeFull (the multi-word path
   * counts those in bulk).
   */
  run(plans: TermPlan[], includeFull: boolean): number {
    this.wantedClass = includeFull ? CLASS_FULL | CLASS_PARTIAL : CLASS_PARTIAL;
    for (const p of plans) p.cost = this.driveCost(p);
    // The cheapest term drives; the others only narrow, most selective first.
    const order = plans.slice().sort((a, b) => a.cost - b.cost);
    this.sieveTerms = order.slice(1).filter((p) => p.codes !== null && hasGroups(p));
    this.nameSieves = order
      .slice(1)
      .filter((p) => p.codes !== null && !hasGroups(p))
      .map((p) => p.codes!.codes);
    let n = this.enumerate(order[0]!);
    const rest = order.slice(1);
    // Terms scored by a load or two (coded, or matching through groups only) narrow together: one pass, one key read.
    if (rest.length > 0 && rest.every((p) => p.codes !== null || p.docCost === 0))
      return n > 0 ? this.narrowAll(rest, n) : 0;
    for (const plan of rest) if (n > 0) n = this.narrow(plan, n);
    return n;
  }

  /** Ids in [lo, hi) that are articles passing the filters, all with one score. */
  range(lo: number, hi: number, score: number, f: Filter): number {
    const { candidates, score: scores } = this.scratch;
    let n = 0;
    for (let d = lo; d < Math.min(hi, this.store.docs.end); d++) {
      if (this.passes(d, f)) {
        scores[d] = score;
        candidates[n++] = d;
      }
    }
    return n;
  }

  passes(d: number, f: Filter): boolean {
    const key = this.store.docs.key[d]!;
    return f.classOk[key & KEY_CLASS_MASK] === 1 && (f.pairOk === null || f.pairOk[key >> KEY_SHIFT] === 1);
  }

  /** Mark the pairs the term reaches through a name-list entry (after the group reach). */
  private reachByName(plan: TermPlan): void {
    const key = this.store.docs.key;
    for (const src of plan.sources) {
      const list = src.form.docs;
      if (!list) continue;
      if (list.pairs) for (const id of list.pairs.keys()) plan.pairs.set(id, PAIR_NAMES);
      else for (let k = 0; k < list.length; k++) plan.pairs.set(key[list.ids[k]!]! >> KEY_SHIFT, PAIR_NAMES);
    }
  }

  /** Articles the term would enumerate as driver: wanted pairs of its groups plus its name lists. */
  private driveCost(plan: TermPlan): number {
    const pairClass = this.scratch.pairClass;
    let cost = plan.docCost;
    const { ids, count, bits } = plan.pairs;
    for (let k = 0; k < count; k++) {
      const id = ids[k]!;
      if (bits[id]! & PAIR_GROUP && pairClass[id]! & this.wantedClass) cost += this.store.pairs.pairs[id]!.docs.length;
    }
    return cost;
  }

  private enumerate(plan: TermPlan): number {
    const s = this.scratch;
    const mark = s.nextMark();
    const key = this.store.docs.key;
    const pairClass = s.pairClass;
    const wanted = this.wantedClass;
    let n = 0;
    const touched = plan.pairs.ids;
    for (let t = 0; t < plan.pairs.count; t++) {
      const id = touched[t]!;
      if (!(plan.pairs.bits[id]! & PAIR_GROUP) || !(pairClass[id]! & wanted)) continue;
      const v = plan.pairs.score[id]!;
      const { ids, length } = this.store.pairs.pairs[id]!.docs;
      for (let k = 0; k < length; k++) {
        const d = ids[k]!;
        if (this.named(d) && this.classOk[key[d]! & KEY_CLASS_MASK] === 1 && this.sieve(d, id))
          n = this.take(d, v, mark, n);
      }
    }
    for (const src of plan.sources) {
      const list = src.form.docs;
      if (!list) continue;
      n = this.enumerateList(list, termScore(src.quality, Field.Name), termScore(src.quality, Field.NamePart), mark, n);
    }
    return n;
  }

  /** Entries of a name list in wanted pairs, by walking it or by intersecting those pairs' members. */
  private enumerateList(list: PostingList, whole: number, part: number, mark: number, n: number): number {
    const pairClass = this.scratch.pairClass;
    const key = this.store.docs.key;
    const wanted = this.wantedClass;
    const classOk = this.classOk;
    const { ids, flags, length } = list;
    const chosen = pairsToIntersect(list, this.store.pairs, pairClass, wanted);
    if (chosen === null) {
      for (let k = 0; k < length; k++) {
        const d = ids[k]!;
        if (!this.named(d)) continue;
        const dk = key[d]!;
        if (
          pairClass[dk >> KEY_SHIFT]! & wanted &&
          classOk[dk & KEY_CLASS_MASK] === 1 &&
          this.sieve(d, dk >> KEY_SHIFT)
        ) {
          n = this.take(d, flags[k]! & FLAG_WHOLE ? whole : part, mark, n);
        }
      }
      return n;
    }
    for (const id of chosen) {
      const members = this.store.pairs.pairs[id]!.docs;
      for (let i = 0, at = 0; i < members.length && at < length; i++) {
        const d = members.ids[i]!;
        at = gallop(ids, length, at, d);
        if (
          at < length &&
          ids[at] === d &&
          this.named(d) &&
          classOk[key[d]! & KEY_CLASS_MASK] === 1 &&
          this.sieve(d, id)
        )
          n = this.take(d, flags[at]! & FLAG_WHOLE ? whole : part, mark, n);
      }
    }
    return n;
  }

  /**
   * Whether article d of pair p can match every coded narrowing term: reached through a group, or named
   * (code non-zero). Exact for those terms; narrow() still scores every candidate.
   */
  private sieve(d: number, p: number): boolean {
    const terms = this.sieveTerms;
    for (let t = 0; t < terms.length; t++) {
      const plan = terms[t]!;
      if ((plan.pairs.bits[p]! & PAIR_GROUP) === 0 && plan.codes!.codes[d] === 0) return false;
    }
    return true;
  }

  /** Whether every names-only coded narrowing term names article d (one byte each; the article's key is not read). */
  private named(d: number): boolean {
    const sieves = this.nameSieves;
    for (let t = 0; t < sieves.length; t++) if (sieves[t]![d] === 0) return false;
    return true;
  }

  /** Add d as a candidate with score v, or raise its score; returns the new candidate count. */
  private take(d: number, v: number, mark: number, n: number): number {
    const { stamp, score, candidates } = this.scratch;
    if (stamp[d] === mark) {
      if (v > score[d]!) score[d] = v;
      return n;
    }
    stamp[d] = mark;
    score[d] = v;
    candidates[n] = d;
    return n + 1;
  }

  /** Keep candidates that also match this term, adding its score. */
  private narrow(plan: TermPlan, n: number): number {
    const { candidates, score, termStamp, termBest } = this.scratch;
    const key = this.store.docs.key;
    const pairScore = plan.pairs.score;
    const bits = plan.pairs.bits;
    // Coded terms score a candidate with one load; others mark when walking their postings is cheaper than searching.
    const marked = plan.codes === null && plan.docCost <= n * searchCost(plan);
    const tMark = marked ? this.mark(plan) : 0;
    let m = 0;
    for (let i = 0; i < n; i++) {
      const d = candidates[i]!;
      const p = key[d]! >> KEY_SHIFT;
      let v = pairScore[p]!;
      if (bits[p]! & PAIR_NAMES) {
        if (!marked) v = nameScore(plan, d, v);
        else if (termStamp[d] === tMark && termBest[d]! > v) v = termBest[d]!;
      }
      if (v > 0) {
        score[d] = score[d]! + v;
        candidates[m++] = d;
      }
    }
    return m;
  }

  /** narrow() for several terms at once, each scored by its pair and, when it has them, its name codes. */
  private narrowAll(plans: TermPlan[], n: number): number {
    const { candidates, score } = this.scratch;
    const key = this.store.docs.key;
    let m = 0;
    for (let i = 0; i < n; i++) {
      const d = candidates[i]!;
      const p = key[d]! >> KEY_SHIFT;
      let sum = 0;
      let t = 0;
      for (; t < plans.length; t++) {
        const plan = plans[t]!;
        let v = plan.pairs.score[p]!;
        if (plan.pairs.bits[p]! & PAIR_NAMES && plan.codes !== null) v = Math.max(v, codedScore(plan.codes, d));
        if (v === 0) break;
        sum += v;
      }
      if (t < plans.length) continue;
      score[d] = score[d]! + sum;
      candidates[m++] = d;
    }
    return m;
  }

  /** Walk the term's name postings once, remembering scores of current candidates. */
  private mark(plan: TermPlan): number {
    const s = this.scratch;
    const tMark = s.nextTermMark();
    const { stamp, termStamp, termBest } = s;
    const mark = s.mark;
    for (const src of plan.sources) {
      const list = src.form.docs;
      if (!list) continue;
      const whole = termScore(src.quality, Field.Name);
      const part = termScore(src.quality, Field.NamePart);
      const { ids, flags, length } = list;
      for (let k = 0; k < length; k++) {
        const d = ids[k]!;
        if (stamp[d] !== mark) continue;
        const v = flags[k]! & FLAG_WHOLE ? whole : part;
        if (termStamp[d] !== tMark) {
          termStamp[d] = tMark;
          termBest[d] = v;
        } else if (v > termBest[d]!) termBest[d] = v;
      }
    }
    return tMark;
  }
}

/**
 * Best name score of one article for the term (at least `floor`): one load when the term has codes,
 * one binary search in the merged lists when it has them, else a look-up in each posting list. Sources are sorted best
 * first, so lists that cannot beat the floor are skipped.
 */
export function nameScore(plan: TermPlan, d: number, floor: number): number {
  if (plan.codes !== null) {
    const coded = codedScore(plan.codes, d);
    return Math.max(coded, floor);
  }
  if (plan.names !== null) {
    const merged = mergedScore(plan.names, d);
    return Math.max(merged, floor);
  }
  let best = floor;
  for (const src of plan.sources) {
    if (termScore(src.quality, Field.Name) <= best) break;
    const flag = src.form.docs?.flagOf(d) ?? 0;
    if (flag) best = Math.max(best, termScore(src.quality, nameField(flag)));
  }
  return best;
}

/** Comparisons per candidate when checking the term by look-ups (a code, bit tests or binary search) instead of marking. */
export function searchCost(plan: TermPlan): number {
  if (plan.codes !== null) return BIT_TEST_COST;
  if (plan.names !== null) return Math.log2(plan.names.ids.length + 1) + 1;
  let c = 0;
  for (const src of plan.sources) {
    const list = src.form.docs;
    if (list) c += list.hasBitsets ? BIT_TEST_COST : Math.log2(list.length + 1) + 1;
  }
  return c;
}

/** Whether the term matches some set or supplier (then a pair's every article may match it without a name entry). */
function hasGroups(plan: TermPlan): boolean {
  return plan.sets.count > 0 || plan.suppliers.count > 0;
}
