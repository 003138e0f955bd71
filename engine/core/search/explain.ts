// SearchHit.matched: for each query term, the source that gave an article its score for that term.

import { assert } from '../assert.ts';
import type { IndexStore } from './index-store.ts';
import type { PairBest, TermPlan } from './plan-types.ts';
import { Field, nameField, termScore, titleField } from './score.ts';
import { describeMatch, type Source } from './term-sources.ts';
import type { Form } from './vocabulary.ts';

/** Up to this many sources are checked one by one; beyond (short prefixes) the article's words are. */
const SOURCES_SCAN_MAX = 8;

/** A term's best source on one article and the score it gives (one object reused for a page: no allocation per hit). */
export interface TermMatch {
  source: Source | undefined;
  score: number;
}

/**
 * How the term matched article d: the best-scoring source, first in source order on ties. Its score is left in
 * `match.score`, so that the caller can check the hit's score against the sum over terms (additivity).
 */
export function explainTerm(
  store: IndexStore,
  plan: TermPlan,
  d: number,
  index: Map<Form, number> | null,
  pairBest: PairBest,
  match: TermMatch,
): string {
  if (index === null) scanSources(store, plan, d, match);
  else scanWords(store, plan, d, index, pairBest, match);
  return match.source ? describeMatch(plan.term, match.source) : plan.term.text;
}

/** Form → position in the term's sources, when there are too many sources to scan per hit. */
export function sourceIndex(plan: TermPlan): Map<Form, number> | null {
  if (plan.sources.length <= SOURCES_SCAN_MAX) return null;
  return new Map(plan.sources.map((s, i) => [s.form, i]));
}

function scanSources(store: IndexStore, plan: TermPlan, d: number, match: TermMatch): void {
  const pair = store.pairs.pairs[store.docs.pair(d)]!;
  let best: Source | undefined;
  let bestScore = 0;
  let lastQuality = Infinity;
  for (const src of plan.sources) {
    // Sorted best first, and the name field weighs most (score.ts): nothing later can win.
    assert(src.quality <= lastQuality, "a term's sources are sorted best quality first");
    lastQuality = src.quality;
    if (termScore(src.quality, Field.Name) <= bestScore) break;
    const { docs, sets, suppliers } = src.form;
    const nameFlag = docs?.flagOf(d) ?? 0;
    const setFlag = sets?.flagOf(pair.set) ?? 0;
    let v = nameFlag ? termScore(src.quality, nameField(nameFlag)) : 0;
    if (setFlag) v = Math.max(v, termScore(src.quality, titleField(setFlag)));
    if (suppliers?.flagOf(pair.supplier)) v = Math.max(v, termScore(src.quality, Field.Supplier));
    if (v > bestScore) {
      best = src;
      bestScore = v;
    }
  }
  match.source = best;
  match.score = bestScore;
}

/**
 * The same answer from the article's own words looked up by form: its name words, then the
 * supplier and ISO title words of its pair (computed once per pair; the best is the highest score,
 * then the earliest source, so the order of looking does not matter).
 */
function scanWords(
  store: IndexStore,
  plan: TermPlan,
  d: number,
  index: Map<Form, number>,
  pairBest: PairBest,
  match: TermMatch,
): void {
  const pairId = store.docs.pair(d);
  let group = pairBest.get(pairId);
  if (group === undefined) {
    group = groupBest(store, plan, pairId, index);
    pairBest.set(pairId, group);
  }
  let bestAt = group.at;
  let bestScore = group.score;
  for (const form of store.docs.forms[d]!) {
    const at = index.get(form);
    if (at === undefined) continue;
    const v = termScore(plan.sources[at]!.quality, nameField(form.docs!.flagOf(d)));
    if (v > bestScore || (v === bestScore && at < bestAt)) {
      bestAt = at;
      bestScore = v;
    }
  }
  match.source = bestAt < 0 ? undefined : plan.sources[bestAt];
  match.score = bestScore;
}

/** Best source among a pair's supplier and ISO title words (at -1 when none). */
function groupBest(
  store: IndexStore,
  plan: TermPlan,
  pairId: number,
  index: Map<Form, number>,
): { at: number; score: number } {
  const best = { at: -1, score: 0 };
  const consider = (form: Form, field: Field): void => {
    const at = index.get(form);
    if (at === undefined) return;
    const v = termScore(plan.sources[at]!.quality, field);
    if (v > best.score || (v === best.score && at < best.at)) {
      best.at = at;
      best.score = v;
    }
  };
  const pair = store.pairs.pairs[pairId]!;
  for (const form of store.suppliers.groups[pair.supplier]!.forms) consider(form, Field.Supplier);
  const set = store.sets.groups[pair.set]!;
  for (let i = 0; i < set.forms.length; i++) consider(set.forms[i]!, titleField(set.words[i]![1]));
  return best;
}
