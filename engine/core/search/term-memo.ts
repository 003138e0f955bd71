// Memo of term expansion: the vocabulary spellings a query term matches, kept until the index changes.

import { TERM_MEMO_MAX, TERM_MEMO_HELD_ENTRIES_MAX } from './constants.ts';
import type { MergedNames } from './merged-names.ts';
import type { QueryTerm } from './query-terms.ts';
import { reachEntries, type TermReach } from './term-reach.ts';
import type { NameCodes } from './name-codes.ts';
import type { Expansion } from './plan-types.ts';
import { TermCounts } from './term-counts.ts';
import { termSources } from './term-sources.ts';
import type { Vocabulary } from './vocabulary.ts';

/** Bytes of name codes counted as one held entry (a merged-list entry is about as large). */
const HELD_ENTRY_BYTES = 16;

/**
 * Why: a two- or three-letter prefix expands to hundreds of words ("gra": 340 at 100 000 articles);
 * scanning the prefix array, checking liveness and sorting the sources cost more than the rest of
 * the query. The expansion is a pure function of the term and of which words are live, so it is
 * kept until the next article upsert or removal (the only changes to the vocabulary; stock changes
 * never touch it), with what is derived from the term and the index alone (merged name lists, "did you
 * mean", score
 * streams). Results are never memoised: counts, ranks and stock are computed per query.
 */
export class TermMemo {
  private readonly entries = new Map<string, Expansion>();
  private generation = 0;
  private seen = -1;
  /** Merged name-list and reach entries held by the current entries (a memory bound, TERM_MEMO_HELD_ENTRIES_MAX). */
  private heldEntries = 0;

  /** Totals kept for some of the entries, moved along by stock changes. */
  readonly counts = new TermCounts();

  /** Any article upsert or removal may change which words are live. */
  invalidate(): void {
    this.generation++;
    this.counts.clear();
  }

  private clear(): void {
    this.entries.clear();
    this.heldEntries = 0;
    this.counts.clear();
  }

  get(term: QueryTerm, vocab: Vocabulary): Expansion {
    if (this.seen !== this.generation || this.heldEntries > TERM_MEMO_HELD_ENTRIES_MAX) {
      this.clear();
      this.seen = this.generation;
    }
    const key = `${term.prefix ? 1 : 0}${term.typos}${term.text}`;
    let entry = this.entries.get(key);
    if (entry === undefined) {
      if (this.entries.size >= TERM_MEMO_MAX) this.clear();
      entry = {
        sources: termSources(term, vocab, []),
        positions: null,
        pairBest: null,
        names: undefined,
        closest: null,
        streams: null,
        reach: null,
        codes: undefined,
        counts: null,
      };
      this.entries.set(key, entry);
    }
    return entry;
  }

  /** The expansion's merged name lists, built on first use by build (null when merging does not pay). */
  namesOf(entry: Expansion, build: () => MergedNames | null): MergedNames | null {
    if (entry.names === undefined) {
      entry.names = build();
      this.heldEntries += entry.names === null ? 0 : entry.names.ids.length;
    }
    return entry.names;
  }

  /** Entries added to what the current entries hold elsewhere (a term's pairBest grows as its hits are explained). */
  hold(entries: number): void {
    this.heldEntries += entries;
  }

  /** Keep the term's reach with its expansion. */
  keepReach(entry: Expansion, reach: TermReach): void {
    entry.reach = reach;
    this.heldEntries += reachEntries(reach);
  }

  /** The expansion's name codes, built on first use by build (null when not worth it). */
  codesOf(entry: Expansion, build: () => NameCodes | null): NameCodes | null {
    if (entry.codes === undefined) {
      entry.codes = build();
      this.heldEntries += entry.codes === null ? 0 : Math.ceil(entry.codes.codes.length / HELD_ENTRY_BYTES);
    }
    return entry.codes;
  }
}
