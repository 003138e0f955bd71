// A common term's best name score per article, as one byte per doc id: scoring a candidate is one load.

import { FLAG_WHOLE } from './constants.ts';
import { Field, termScore } from './score.ts';
import type { Source } from './term-sources.ts';

/**
 * Why: a multi-word query narrows the candidates of its cheapest word by the others. "junior storl"
 * keeps 1 680 "junior" articles that "storl" (6 spellings, 42 000 name entries) must score: a bit
 * test or binary search per spelling per candidate, 45 ns each. A term's few distinct name scores
 * (quality × whole word or compound head) fit a byte, so its best score per article is a code in a
 * dense array, built once per index change (kept with the term's expansion) for terms whose lists are
 * long enough to pay for the docs-sized array. Stock never enters it.
 */
export interface NameCodes {
  /** Per doc id: index into scores (0: no name entry). */
  readonly codes: Uint8Array;
  /** Code → name score; scores[0] = 0. */
  readonly scores: Int32Array;
}

/** Name postings from which a term keeps codes: below, its lists are short enough to search. */
export const NAME_CODES_POSTINGS_MIN = 2048;
/** Distinct scores a byte can name (code 0 is "none"). */
const CODES_MAX = 255;

/** The codes of the sources' name lists over doc ids below docEnd; null when there are no name lists. */
export function buildNameCodes(sources: readonly Source[], docEnd: number): NameCodes | null {
  const distinct = new Set<number>();
  for (const src of sources) {
    if (!src.form.docs) continue;
    distinct.add(termScore(src.quality, Field.Name));
    distinct.add(termScore(src.quality, Field.NamePart));
  }
  if (distinct.size === 0 || distinct.size > CODES_MAX) return null;
  const scores = Int32Array.from([0, ...[...distinct].sort((a, b) => a - b)]);
  const codeOf = new Map<number, number>();
  for (let code = 0; code < scores.length; code++) codeOf.set(scores[code]!, code);
  const codes = new Uint8Array(docEnd);
  for (const src of sources) {
    const list = src.form.docs;
    if (!list) continue;
    // Codes ascend with scores, so the best spelling is the largest code.
    const whole = codeOf.get(termScore(src.quality, Field.Name))!;
    const part = codeOf.get(termScore(src.quality, Field.NamePart))!;
    const { ids, flags, length } = list;
    for (let k = 0; k < length; k++) {
      const d = ids[k]!;
      const code = flags[k]! & FLAG_WHOLE ? whole : part;
      if (code > codes[d]!) codes[d] = code;
    }
  }
  return { codes, scores };
}

/** Best name score of article d (0: none). */
export function codedScore(names: NameCodes, d: number): number {
  return d < names.codes.length ? names.scores[names.codes[d]!]! : 0;
}
