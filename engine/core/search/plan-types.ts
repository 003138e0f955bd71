// Types shared by the query paths (matcher, single-term and multi-word evaluation, explain, term memo): a leaf.

import type { Stream } from './level-collect.ts';
import type { MergedNames } from './merged-names.ts';
import type { NameCodes } from './name-codes.ts';
import type { QueryTerm } from './query-terms.ts';
import type { GroupScores, PairMask } from './scratch.ts';
import type { KeptCounts } from './term-counts.ts';
import type { TermReach } from './term-reach.ts';
import type { Source } from './term-sources.ts';
import type { Form } from './vocabulary.ts';

/** Article filters resolved for one query; null = no restriction. */
export interface Filter {
  /** Highest status code admitted (1 = up to outgoing, 2 = also discontinued). */
  statusMax: number;
  /** Per class code (key & KEY_CLASS_MASK): 1 when admitted (status up to statusMax, and in stock if asked). */
  classOk: Uint8Array;
  /** The admitted class codes, for summing per-class counters without testing every class. */
  classes: Int32Array;
  supplierAllowed: Uint8Array | null;
  setAllowed: Uint8Array | null;
  /** Per pair id: 1 when both its set and its supplier are allowed (null = all are). */
  pairOk: Uint8Array | null;
}

/** One query term ready to evaluate: its sources, per-group scores and per-pair scores and reach. */
export interface TermPlan {
  term: QueryTerm;
  sources: Source[];
  sets: GroupScores;
  suppliers: GroupScores;
  pairs: PairMask;
  /** Name postings to walk if this term drives or is marked. */
  docCost: number;
  /** Articles to enumerate if this term drives. */
  cost: number;
  /** Name lists merged across spellings, when the single-term path uses them (else null). */
  names: MergedNames | null;
  /** Best name score per doc id as a byte code, for terms with long name lists (else null). */
  codes: NameCodes | null;
  /** The memoised expansion behind sources (null outside a query). */
  expansion: Expansion | null;
}

/** A level stream of the single-term page (union-eval.ts) with the score all its accepted entries get. */
export interface ScoredStream extends Stream {
  score: number;
}

/** Best group source per pair id for one term (kept with its expansion: pages of the same word meet the same pairs). */
export type PairBest = Map<number, { at: number; score: number }>;

/** One term's expansion, and (for explaining hits) each form's position in it, built on first use (term-memo.ts). */
export interface Expansion {
  readonly sources: readonly Source[];
  positions: Map<Form, number> | null;
  /**
   * For explaining hits: the best group source per pair met so far (explain.ts). A pure function of the term and
   * the pair's groups, so kept with the expansion; at most one entry per pair.
   */
  pairBest: PairBest | null;
  /** Merged name lists (single-term queries), built on first use; null when merging does not pay. */
  names: MergedNames | null | undefined;
  /** "Did you mean" for this term when it matches nothing, built on first use. */
  closest: { word: string | undefined } | null;
  /** The single-term page's score streams without group filters (union-eval.ts), built on first use. */
  streams: ScoredStream[] | null;
  /** Group and pair scores and reach (term-reach.ts), kept after the first query that plans the term. */
  reach: TermReach | null;
  /** Best name score per article as byte codes (name-codes.ts), built on first use; null when not worth it. */
  codes: NameCodes | null | undefined;
  /** Per-class totals (term-counts.ts), kept for coded terms once counted without group filters. */
  counts: KeptCounts | null;
}
