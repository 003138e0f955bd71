// The score model in one place: a term's score on an article is quality × field weight; a hit's is the sum over terms.

import { assert } from '../assert.ts';
import {
  FLAG_WHOLE,
  Q_EXACT,
  Q_FOLDED,
  Q_PREFIX,
  Q_PREFIX_FOLDED,
  Q_TYPO1,
  Q_TYPO2,
  W_NAME,
  W_NAME_PART,
  W_SUPPLIER,
  W_TITLE,
  W_TITLE_DERIVED,
} from './constants.ts';

/**
 * Where a term matched an article's word: a whole name word, a name word's compound head, a supplier word, an ISO
 * title word, or a title word's compound head or plural stem. A field enters the score only through its weight.
 */
export const Field = { Name: 0, NamePart: 1, Supplier: 2, Title: 3, TitleDerived: 4 } as const;
export type Field = (typeof Field)[keyof typeof Field];

/** Weight per Field (constants.ts holds the values). */
const WEIGHT_OF = Int32Array.of(W_NAME, W_NAME_PART, W_SUPPLIER, W_TITLE, W_TITLE_DERIVED);

/** Every match quality (Q_* constants), best first: the order term-sources.ts sorts a term's spellings in. */
export const QUALITIES: readonly number[] = [Q_EXACT, Q_FOLDED, Q_PREFIX, Q_PREFIX_FOLDED, Q_TYPO1, Q_TYPO2];
export const FIELDS: readonly Field[] = Object.values(Field);

/**
 * The score one matched word gives a term: an integer above 0 (0 means "no match" everywhere: group scores, name
 * codes, narrowing). Hot path: a multiply and a load, which V8 inlines at every call site.
 *
 * Invariants the query paths rely on (checked below when the module loads, and by test/search-score.test.ts):
 * - positive integers, at most TERM_SCORE_MAX = termScore(Q_EXACT, Field.Name);
 * - monotone in quality for every field, and Field.Name the largest weight: so termScore(q, Field.Name) bounds
 *   the score of every source of quality q or worse in every field. A term's sources are sorted best quality
 *   first, so the first source whose name score cannot beat the best so far ends a scan (matcher.ts nameScore,
 *   explain.ts), and a name list's largest lift is its whole-word score (multi-lift.ts).
 */
export function termScore(quality: number, field: Field): number {
  return quality * WEIGHT_OF[field]!;
}

/** One term contributes at most this much to a hit's score. */
export const TERM_SCORE_MAX = termScore(Q_EXACT, Field.Name);
/** Score of an exact article-number hit (same as an exact name word) and of a prefix hit. */
export const SCORE_ARTNO_EXACT = termScore(Q_EXACT, Field.Name);
export const SCORE_ARTNO_PREFIX = termScore(Q_PREFIX, Field.Name);

/** A name posting's field by its flag: whole word or compound head. */
export function nameField(flag: number): Field {
  return flag & FLAG_WHOLE ? Field.Name : Field.NamePart;
}

/** A title word's field by its flag: whole word, or compound head or plural stem. */
export function titleField(flag: number): Field {
  return flag & FLAG_WHOLE ? Field.Title : Field.TitleDerived;
}

/** The invariants above, for every quality and field (run once when the module loads). */
export function checkScoreModel(): void {
  for (let i = 0; i < QUALITIES.length; i++) {
    for (const field of FIELDS) {
      const s = termScore(QUALITIES[i]!, field);
      assert(Number.isInteger(s) && s > 0 && s <= TERM_SCORE_MAX, `term score ${s} out of (0, TERM_SCORE_MAX]`);
      assert(s <= termScore(QUALITIES[i]!, Field.Name), 'the name field must weigh most (scan bounds)');
      if (i > 0) assert(s <= termScore(QUALITIES[i - 1]!, field), 'term scores must not rise as quality falls');
    }
  }
}

checkScoreModel();
