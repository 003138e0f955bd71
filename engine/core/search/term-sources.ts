// Term expansion: which vocabulary spellings a query term matches, and how well (exact/prefix/typo).

import { Q_EXACT, Q_FOLDED, Q_PREFIX, Q_PREFIX_FOLDED, Q_TYPO1, Q_TYPO2 } from './constants.ts';
import type { QueryTerm } from './query-terms.ts';
import type { Form, Vocabulary } from './vocabulary.ts';

export const MatchKind = { Exact: 0, Folded: 1, Prefix: 2, Typo: 3 } as const;
export type MatchKind = (typeof MatchKind)[keyof typeof MatchKind];

/** One matched spelling of a term with its quality (Q_* constants). */
export interface Source {
  readonly form: Form;
  readonly kind: MatchKind;
  readonly quality: number;
}

/**
 * All spellings the term matches, best kinds first: the word itself (exact or folded), then longer
 * words when the term is a prefix, then words within the allowed typo distance. Each vocabulary
 * word is used once, with its best kind.
 */
export function termSources(term: QueryTerm, vocab: Vocabulary, out: Source[]): Source[] {
  out.length = 0;
  const exactId = vocab.idOf(term.folded);
  if (exactId !== undefined && vocab.isLive(exactId)) {
    for (const form of vocab.forms[exactId]!) {
      const same = form.text === term.text;
      out.push({ form, kind: same ? MatchKind.Exact : MatchKind.Folded, quality: same ? Q_EXACT : Q_FOLDED });
    }
  }
  const prefixed = term.prefix ? new Set<number>() : undefined;
  if (prefixed) {
    vocab.forEachPrefixed(term.folded, (id) => {
      prefixed.add(id);
      for (const form of vocab.forms[id]!) {
        const quality = form.text.startsWith(term.text) ? Q_PREFIX : Q_PREFIX_FOLDED;
        out.push({ form, kind: MatchKind.Prefix, quality });
      }
    });
  }
  vocab.forEachTypo(term.folded, term.typos, (id, distance) => {
    if (prefixed?.has(id)) return; // already matched as a (better) prefix
    for (const form of vocab.forms[id]!) {
      out.push({ form, kind: MatchKind.Typo, quality: distance === 1 ? Q_TYPO1 : Q_TYPO2 });
    }
  });
  // Best first, then by spelling: the order decides which source `matched` reports on equal
  // scores, and must not depend on the order words entered the vocabulary.
  return out.sort(
    (a, b) => b.quality - a.quality || (a.form.text < b.form.text ? -1 : a.form.text > b.form.text ? 1 : 0),
  );
}

/** How a term matched, for SearchHit.matched. */
export function describeMatch(term: QueryTerm, source: Source): string {
  switch (source.kind) {
    case MatchKind.Exact:
      return term.text;
    case MatchKind.Folded:
      return `${term.text}=${source.form.text}`;
    case MatchKind.Prefix:
      return `${term.text}*${source.form.text}`;
    case MatchKind.Typo:
      return `${term.text}~${source.form.text}`;
  }
}
