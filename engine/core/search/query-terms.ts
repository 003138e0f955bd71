// Query parsing: truncate, tokenise, fold, dedupe, and decide prefix and typo allowance per term.

import { SEARCH_TEXT_CHARS_MAX } from '../../../schemas/limits.ts';
import { PREFIX_MIN_CHARS, QUERY_TERMS_MAX, TYPO1_MIN_CHARS, TYPO2_MIN_CHARS } from './constants.ts';
import { allowedTypos } from './edit-distance.ts';
import { fold, hasDigit, tokenize } from './normalize.ts';

export interface QueryTerm {
  /** Lower-case, diacritics as typed. */
  readonly text: string;
  readonly folded: string;
  /** Last word still being typed: also matches longer words starting with it. */
  readonly prefix: boolean;
  /** Edits tolerated: 0, 1 (4+ letters) or 2 (8+ letters); never for words with digits. */
  readonly typos: number;
}

const ENDS_IN_WORD = /[\p{L}\p{N}]$/u;

/** Text as searched: longer input is truncated to SEARCH_TEXT_CHARS_MAX (documented choice, never throws). */
export function clampQueryText(text: string | undefined): string {
  return (text ?? '').slice(0, SEARCH_TEXT_CHARS_MAX);
}

/**
 * Terms of a (clamped) query, at most QUERY_TERMS_MAX, duplicates dropped. The last word is a
 * prefix only while it is being typed, i.e. the text does not end in a space or punctuation.
 */
export function parseTerms(text: string): QueryTerm[] {
  const words = tokenize(text);
  const typing = ENDS_IN_WORD.test(text);
  const terms: QueryTerm[] = [];
  const last = Math.min(words.length, QUERY_TERMS_MAX) - 1;
  for (let i = 0; i <= last; i++) {
    const word = words[i]!;
    const folded = fold(word);
    const prefix = typing && i === words.length - 1 && folded.length >= PREFIX_MIN_CHARS;
    const typos = hasDigit(folded) ? 0 : allowedTypos(folded.length, TYPO1_MIN_CHARS, TYPO2_MIN_CHARS);
    const dup = terms.findIndex((t) => t.text === word);
    if (dup >= 0) {
      // "rollator rollator": one term; keep the prefix reading if either occurrence had it.
      if (prefix) terms[dup] = { ...terms[dup]!, prefix: true };
      continue;
    }
    terms.push({ text: word, folded, prefix, typos });
  }
  return terms;
}
