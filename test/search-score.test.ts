// The score model the search index's early exits rely on: term scores bounded and best first, hit scores additive.

import { describe, expect, it } from 'vitest';
import { FLAG_DERIVED, FLAG_WHOLE, Q_EXACT } from '../engine/core/search/constants.ts';
import {
  checkScoreModel,
  Field,
  FIELDS,
  nameField,
  QUALITIES,
  SCORE_ARTNO_EXACT,
  TERM_SCORE_MAX,
  termScore,
  titleField,
} from '../engine/core/search/score.ts';
import { SearchIndex, type SearchTuning } from '../engine/core/search/index.ts';
import { SEARCH_HITS_MAX } from '../schemas/limits.ts';
import { mulberry32, pick } from '../common/prng.ts';
import { loadDocs } from './helpers/search-seed-docs.ts';

describe('termScore', () => {
  it('is a positive integer of at most TERM_SCORE_MAX for every quality and field (0 means no match)', () => {
    for (const q of QUALITIES) {
      for (const f of FIELDS) {
        const s = termScore(q, f);
        expect(Number.isInteger(s)).toBe(true);
        expect(s).toBeGreaterThan(0);
        expect(s).toBeLessThanOrEqual(TERM_SCORE_MAX);
      }
    }
    expect(TERM_SCORE_MAX).toBe(termScore(Q_EXACT, Field.Name));
    expect(SCORE_ARTNO_EXACT).toBe(TERM_SCORE_MAX);
  });

  it('is bounded by the name score of any better or equal quality (the best-first scans stop on it)', () => {
    // QUALITIES is best first, the order of a term's sources: a source's name score bounds every later source.
    expect([...QUALITIES].sort((a, b) => b - a)).toEqual(QUALITIES);
    QUALITIES.forEach((better, i) => {
      for (const worse of QUALITIES.slice(i))
        for (const f of FIELDS) expect(termScore(worse, f)).toBeLessThanOrEqual(termScore(better, Field.Name));
    });
  });

  it('scores a whole word at least as high as its derived forms (a list lifts by at most its whole-word score)', () => {
    for (const q of QUALITIES) {
      expect(termScore(q, Field.NamePart)).toBeLessThanOrEqual(termScore(q, Field.Name));
      expect(termScore(q, Field.TitleDerived)).toBeLessThanOrEqual(termScore(q, Field.Title));
    }
  });

  it('maps posting flags to fields', () => {
    expect(nameField(FLAG_WHOLE)).toBe(Field.Name);
    expect(nameField(FLAG_WHOLE | FLAG_DERIVED)).toBe(Field.Name);
    expect(nameField(FLAG_DERIVED)).toBe(Field.NamePart);
    expect(titleField(FLAG_WHOLE)).toBe(Field.Title);
    expect(titleField(FLAG_DERIVED)).toBe(Field.TitleDerived);
  });

  it('passes the check the module runs when it loads', () => {
    expect(() => checkScoreModel()).not.toThrow();
  });
});

/** Every term merged and coded, bitsets from 16 entries: the multi-word paths of a large catalogue on a small one. */
const LOW_THRESHOLDS: SearchTuning = { mergeListsMin: 1, bitsetListMin: 16, nameCodesMin: 1 };

describe.each([
  ['default', {}],
  ['low', LOW_THRESHOLDS],
] as const)('hit scores are additive over terms (%s thresholds)', (_, tuning) => {
  const docs = loadDocs(600, 11);
  const index = new SearchIndex(tuning);
  for (const d of docs) index.upsert(d);

  /** Every hit's score for a query, paged through (the catalogue is small). */
  const scores = (text: string): Map<string, number> => {
    const out = new Map<string, number>();
    for (let offset = 0; ; offset += SEARCH_HITS_MAX) {
      const { hits } = index.search({ text, limit: SEARCH_HITS_MAX, offset, includeDiscontinued: true });
      for (const h of hits) out.set(h.artNo, h.score);
      if (hits.length < SEARCH_HITS_MAX) return out;
    }
  };

  it('scores a two-word query as the sum of its words asked alone, for every hit', () => {
    const rng = mulberry32(5);
    const words = (name: string) =>
      name
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w.length >= 3);
    let checked = 0;
    for (let i = 0; i < 40; i++) {
      const first = pick(rng, words(pick(rng, docs).name));
      const second = pick(rng, words(pick(rng, docs).name));
      if (first === undefined || second === undefined || first === second) continue;
      // A trailing space keeps the first word whole alone, as it is in front of the second (the last is a prefix).
      const alone = [scores(`${first} `), scores(second)];
      for (const [artNo, score] of scores(`${first} ${second}`)) {
        expect(score, `${first} ${second}: ${artNo}`).toBe(alone[0]!.get(artNo)! + alone[1]!.get(artNo)!);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
