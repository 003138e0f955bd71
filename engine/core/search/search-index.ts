// SearchIndex: pure, synchronous, deterministic in-memory catalogue search (the public entry point).

import { ARTNO_DIGITS, ARTNO_PREFIX_MIN_DIGITS, MERGE_LISTS_MIN, QUERY_TERMS_MAX } from './constants.ts';
import { SEARCH_HITS_MAX, SEARCH_OFFSET_MAX, SUGGESTIONS_MAX } from '../../../schemas/limits.ts';
import { assert } from '../assert.ts';
import { IndexStore } from './index-store.ts';
import { BITSET_LIST_MIN } from './posting-list.ts';
import { Matcher } from './matcher.ts';
import type { Expansion, Filter, TermPlan } from './plan-types.ts';
import { mergeNames, worthMerging } from './merged-names.ts';
import { MultiEvaluator } from './multi-eval.ts';
import { UnionEvaluator } from './union-eval.ts';
import { FilterBuilder } from './filters.ts';
import { KEY_IN_STOCK } from './doc-table.ts';
import { fold, tokenize } from './normalize.ts';
import { clampQueryText, parseTerms, type QueryTerm } from './query-terms.ts';
import { Ranker } from './ranker.ts';
import { GroupScores, PairMask, Scratch } from './scratch.ts';
import { SCORE_ARTNO_EXACT, SCORE_ARTNO_PREFIX } from './score.ts';
import { closestWord, completions, didYouMean } from './suggestions.ts';
import { explainTerm, sourceIndex, type TermMatch } from './explain.ts';
import type { Source } from './term-sources.ts';
import { TermMemo } from './term-memo.ts';
import { replayReach, snapshotReach } from './term-reach.ts';
import { buildNameCodes, NAME_CODES_POSTINGS_MIN } from './name-codes.ts';
import type { AvailableOf, SearchDoc, SearchHit, SearchQuery, SearchResult } from './types.ts';

const ARTNO_QUERY = new RegExp(`^\\d{${ARTNO_PREFIX_MIN_DIGITS},${ARTNO_DIGITS}}$`);
const ENDS_IN_WORD = /[\p{L}\p{N}]$/u;

/** How the candidates of one query were found, for SearchHit.matched. */
type Mode =
  | { kind: 'artno'; digits: string; exact: boolean }
  | { kind: 'text'; plans: TermPlan[]; expansions: Expansion[] }
  | { kind: 'browse' };

/**
 * Thresholds between equivalent evaluation paths. Results never depend on them; tests set them low
 * so that the merged and bitset paths run on a small catalogue too.
 */
export interface SearchTuning {
  /** A term's name lists are merged from this many lists (MERGE_LISTS_MIN). */
  mergeListsMin?: number;
  /** Name lists keep bitsets from this length (BITSET_LIST_MIN). */
  bitsetListMin?: number;
  /** Terms keep name codes from this many name postings (NAME_CODES_POSTINGS_MIN). */
  nameCodesMin?: number;
}

export class SearchIndex {
  private readonly store: IndexStore;
  private readonly scratch = new Scratch();
  private readonly matcher: Matcher;
  private readonly ranker: Ranker;
  private readonly union: UnionEvaluator;
  private readonly multi: MultiEvaluator;
  /** One reusable plan per query-term slot. */
  private readonly slots: TermPlan[] = Array.from({ length: QUERY_TERMS_MAX }, () => ({
    term: { text: '', folded: '', prefix: false, typos: 0 },
    sources: [] as Source[],
    sets: new GroupScores(),
    suppliers: new GroupScores(),
    pairs: new PairMask(),
    docCost: 0,
    cost: 0,
    names: null,
    codes: null,
    expansion: null,
  }));
  private readonly filters: FilterBuilder;
  private readonly terms = new TermMemo();
  /** The expansion behind each plan slot of the current query. */
  private readonly expansions: Expansion[] = [];
  private readonly mergeListsMin: number;
  private readonly nameCodesMin: number;

  constructor(tuning: SearchTuning = {}) {
    this.store = new IndexStore(tuning.bitsetListMin ?? BITSET_LIST_MIN);
    this.mergeListsMin = tuning.mergeListsMin ?? MERGE_LISTS_MIN;
    this.nameCodesMin = tuning.nameCodesMin ?? NAME_CODES_POSTINGS_MIN;
    this.matcher = new Matcher(this.store, this.scratch);
    this.ranker = new Ranker(this.store.docs, this.scratch);
    this.union = new UnionEvaluator(this.store, this.scratch, this.terms.counts);
    this.store.onClassMoved = (doc, pair, from, to) => this.terms.counts.moved(doc, pair, from, to);
    this.multi = new MultiEvaluator(this.store, this.scratch, this.matcher);
    this.filters = new FilterBuilder(this.store);
  }

  /** Add or replace the article with doc.artNo; takes effect for the next search. */
  upsert(doc: SearchDoc): void {
    this.terms.invalidate();
    this.store.upsert(doc);
  }

  remove(artNo: string): void {
    this.terms.invalidate();
    this.store.remove(artNo);
  }

  /** The article's main-warehouse availability is now > 0 (true) or not; cheap when unchanged. */
  setInStock(artNo: string, inStock: boolean): void {
    this.store.setInStock(artNo, inStock);
  }

  /** The index's main-warehouse stock bit of an article (undefined when not indexed): for consistency checks. */
  inStockOf(artNo: string): boolean | undefined {
    const id = this.store.docs.idOf(Number(artNo));
    return id < 0 ? undefined : (this.store.docs.key[id]! & KEY_IN_STOCK) !== 0;
  }

  /**
   * Renumber now rather than at the next search (inserts out of article-number order or many
   * removals need it), and sort new vocabulary words into the prefix array: a bulk load calls
   * this once so that no search pays for either.
   */
  prepare(): void {
    this.store.prepare();
    this.store.vocab.flush();
  }

  get size(): number {
    return this.store.docs.size;
  }

  /** Index statistics for benchmarks (word count, typo-index entries, groups). */
  stats(): ReturnType<IndexStore['stats']> {
    return this.store.stats();
  }

  /**
   * Matching articles after filters: `total` counts all, `hits` is [offset, offset + limit) in
   * order of relevance, status, stock, article number. Text longer than SEARCH_TEXT_CHARS_MAX is
   * truncated; limit is capped at SEARCH_HITS_MAX, offset at SEARCH_OFFSET_MAX.
   *
   * Stock: without availableOf, the index's own main-warehouse stock bits (SearchDoc.inStock and
   * setInStock) rank and filter, and "in stock only" totals come from counters. With availableOf
   * (another warehouse), it is asked only for candidates, and "in stock only" enumerates them all.
   */
  search(q: SearchQuery, availableOf?: AvailableOf): SearchResult {
    const limit = clampInt(q.limit, SEARCH_HITS_MAX);
    const offset = clampInt(q.offset, SEARCH_OFFSET_MAX);
    this.store.prepare();
    this.scratch.ensure(this.store.docs.end);
    const own = availableOf === undefined;
    const inStock = own ? this.ownStock() : this.askedStock(availableOf);
    // With its own stock bits the index filters like a status; a callback's stock is filtered afterwards.
    const filter = this.filters.of(q, own && q.inStockOnly === true);
    const text = clampQueryText(q.text);
    const need = offset + limit;
    const inStockOnly = !own && q.inStockOnly === true;
    const byArtNo = this.searchArtNo(text.trim(), filter, need, inStockOnly, inStock);
    if (byArtNo) return this.result(byArtNo.total, byArtNo.order.slice(offset), byArtNo.mode);
    const terms = parseTerms(text);
    const plans = this.plan(terms);
    try {
      if (plans.some((p) => p.sources.length === 0)) {
        const known = plans.map((p) => p.sources.length > 0);
        const closest = (i: number) => this.closestOf(i, terms[i]!);
        return { total: 0, hits: [], ...optional(didYouMean(terms, known, closest)) };
      }
      const { total, order } = this.evaluate(plans, filter, need, inStockOnly, inStock);
      const mode: Mode =
        plans.length === 0
          ? { kind: 'browse' }
          : { kind: 'text', plans, expansions: this.expansions.slice(0, plans.length) };
      return this.result(total, order.slice(offset), mode);
    } finally {
      for (const p of plans) this.release(p);
    }
  }

  /** "Did you mean" for the query's i-th term, kept with its expansion. */
  private closestOf(i: number, term: QueryTerm): string | undefined {
    const expansion = this.expansions[i]!;
    expansion.closest ??= { word: closestWord(this.store, term.folded) };
    return expansion.closest.word;
  }

  private ownStock(): (d: number) => boolean {
    const key = this.store.docs.key;
    return (d) => (key[d]! & KEY_IN_STOCK) !== 0;
  }

  /** Stock from the caller, read at most once per article per query. */
  private askedStock(availableOf: AvailableOf): (d: number) => boolean {
    const s = this.scratch;
    const stockMark = s.nextStockMark();
    const docs = this.store.docs;
    return (d) => {
      if (s.stockStamp[d] !== stockMark) {
        s.stockStamp[d] = stockMark;
        s.inStock[d] = availableOf(docs.artNoOf(d)) > 0 ? 1 : 0;
      }
      return s.inStock[d] === 1;
    };
  }

  /** Type-ahead: completions of the last word being typed (most frequent first), then article names. */
  suggest(text: string, limit: number): string[] {
    const max = clampInt(limit, SUGGESTIONS_MAX);
    const clamped = clampQueryText(text);
    const words = tokenize(clamped);
    if (max === 0 || words.length === 0) return [];
    const out: string[] = [];
    if (ENDS_IN_WORD.test(clamped)) {
      const head = words.slice(0, -1).join(' ');
      for (const w of completions(this.store, fold(words[words.length - 1]!), max)) out.push(head ? `${head} ${w}` : w);
    }
    if (out.length < max) {
      // Names of the best matching articles; stock is irrelevant for completions.
      const { hits } = this.search({ text: clamped, limit: max, offset: 0 }, () => 1);
      for (const h of hits) {
        const name = this.store.docs.names[this.store.docs.idOf(Number(h.artNo))]!;
        if (out.length < max && !out.includes(name)) out.push(name);
      }
    }
    return out;
  }

  /** Total and the best `need` articles in order, by the cheapest path for the query's shape. */
  private evaluate(
    plans: TermPlan[],
    filter: Filter,
    need: number,
    inStockOnly: boolean,
    inStock: (d: number) => boolean,
  ): { total: number; order: number[] } {
    if (inStockOnly) {
      // Stock from a callback: every candidate's stock decides the total, so enumerate them all.
      let total =
        plans.length === 0 ? this.matcher.range(0, this.store.docs.end, 0, filter) : this.enumerateAll(plans, filter);
      total = this.keepInStock(total, inStock);
      return { total, order: this.ranker.top(total, need, inStock) };
    }
    // Several words: full pairs in bulk, the rest through the matcher.
    if (plans.length > 1) return this.multi.run(plans, filter, need, inStock);
    // One word or filters only: counters and level walks, never all candidates.
    const plan = plans[0] ?? null;
    const total = this.union.count(plan, filter);
    return { total, order: total === 0 ? [] : this.union.page(plan, filter, Math.min(need, total), inStock) };
  }

  private plan(terms: QueryTerm[]): TermPlan[] {
    return terms.map((term, i) => {
      const plan = this.slots[i]!;
      plan.term = term;
      const expansion = this.terms.get(term, this.store.vocab);
      for (const src of expansion.sources) plan.sources.push(src);
      this.expansions[i] = expansion;
      plan.expansion = expansion;
      plan.names = this.terms.namesOf(expansion, () =>
        worthMerging(expansion.sources, this.mergeListsMin) ? mergeNames(expansion.sources, this.store.docs.end) : null,
      );
      if (expansion.reach === null) {
        this.matcher.plan(plan);
        this.terms.keepReach(expansion, snapshotReach(plan.sets, plan.suppliers, plan.pairs, plan.docCost));
      } else {
        this.matcher.ensure(plan);
        replayReach(expansion.reach, plan.sets, plan.suppliers, plan.pairs);
        plan.docCost = expansion.reach.docCost;
      }
      plan.codes = this.terms.codesOf(expansion, () =>
        plan.docCost >= this.nameCodesMin ? buildNameCodes(expansion.sources, this.store.docs.end) : null,
      );
      return plan;
    });
  }

  private enumerateAll(plans: TermPlan[], filter: Filter): number {
    const classified = this.matcher.classify(plans, filter);
    try {
      return this.matcher.run(plans, true);
    } finally {
      for (let k = 0; k < classified; k++) this.scratch.pairClass[this.scratch.classified[k]!] = 0;
    }
  }

  private release(plan: TermPlan): void {
    plan.sets.reset();
    plan.suppliers.reset();
    plan.pairs.reset();
    plan.sources.length = 0;
    plan.names = null;
    plan.codes = null;
    plan.expansion = null;
  }

  /**
   * Fast path for a purely numeric query of 3–6 digits: the exact article, or every article whose
   * number starts with the digits (an id range, since ids are in article-number order). Undefined when
   * nothing matches, so the digits are then searched as text (model numbers, sizes).
   */
  private searchArtNo(
    digits: string,
    filter: Filter,
    need: number,
    inStockOnly: boolean,
    inStock: (d: number) => boolean,
  ): { total: number; order: number[]; mode: Mode } | undefined {
    if (!ARTNO_QUERY.test(digits)) return undefined;
    const width = 10 ** (ARTNO_DIGITS - digits.length);
    const lo = Number(digits) * width;
    const docs = this.store.docs;
    let total = this.matcher.range(
      docs.lowerBound(lo),
      docs.lowerBound(lo + width),
      width === 1 ? SCORE_ARTNO_EXACT : SCORE_ARTNO_PREFIX,
      filter,
    );
    if (inStockOnly) total = this.keepInStock(total, inStock);
    if (total === 0) return undefined;
    return { total, order: this.ranker.top(total, need, inStock), mode: { kind: 'artno', digits, exact: width === 1 } };
  }

  private keepInStock(n: number, inStock: (d: number) => boolean): number {
    const c = this.scratch.candidates;
    let m = 0;
    for (let i = 0; i < n; i++) if (inStock(c[i]!)) c[m++] = c[i]!;
    return m;
  }

  private result(total: number, page: number[], mode: Mode): SearchResult {
    const indexes =
      mode.kind === 'text' ? mode.plans.map((p, i) => (mode.expansions[i]!.positions ??= sourceIndex(p))) : [];
    const pairBest = mode.kind === 'text' ? mode.expansions.map((e) => (e.pairBest ??= new Map())) : [];
    const sizesBefore = pairBest.map((m) => m.size);
    const match: TermMatch = { source: undefined, score: 0 };
    const hits = page.map((d): SearchHit => {
      const artNo = this.store.docs.artNoOf(d);
      const score = this.scratch.score[d]!;
      if (mode.kind === 'browse') return { artNo, score, matched: [] };
      if (mode.kind === 'artno')
        return { artNo, score, matched: [mode.exact ? `${artNo}#` : `${mode.digits}*${artNo}`] };
      // Terms in query order (plans keep it), each with its best-scoring source.
      let sum = 0;
      const matched = mode.plans.map((p, i) => {
        const described = explainTerm(this.store, p, d, indexes[i]!, pairBest[i]!, match);
        sum += match.score;
        return described;
      });
      // Additivity, checked on every hit whichever path ranked it: the score is the sum of the terms' best scores.
      assert(sum === score, "a hit scores the sum of its terms' best scores");
      return { artNo, score, matched };
    });
    // pairBest is kept with the expansions: its growth counts against the memo's memory bound.
    if (mode.kind === 'text') this.terms.hold(pairBest.reduce((n, m, i) => n + m.size - sizesBefore[i]!, 0));
    return { total, hits };
  }
}

/** `{ suggestion }` when there is one, else nothing (the field stays absent rather than undefined). */
function optional(suggestion: string | undefined): { suggestion?: string } {
  return suggestion === undefined ? {} : { suggestion };
}

/** Integer in [0, max]; NaN and negatives become 0. */
function clampInt(value: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(0, Math.floor(value))) : 0;
}
