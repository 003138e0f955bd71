// The ranking spec as a brute-force oracle: the index's matching and ranking rules applied by scanning every article.

import { derivedWords } from '../compounds.ts';
import {
  ARTNO_PREFIX_MIN_DIGITS,
  Q_EXACT,
  Q_FOLDED,
  Q_PREFIX,
  Q_PREFIX_FOLDED,
  Q_TYPO1,
  Q_TYPO2,
  TYPO_WORD_CHARS_MAX,
} from '../constants.ts';
import { digitsOnly, fold, foldPhrase, hasDigit, tokenize } from '../normalize.ts';
import { clampQueryText, parseTerms, type QueryTerm } from '../query-terms.ts';
import { Field, SCORE_ARTNO_EXACT, SCORE_ARTNO_PREFIX, termScore } from '../score.ts';
import type { AvailableOf, SearchDoc, SearchQuery } from '../types.ts';

/**
 * Shares with the index only text normalisation (tokenise, fold, compound heads, query parsing) and the
 * per-word score (score.ts, termScore): everything the index does with data structures — postings, groups,
 * the deletion index, prefix array, candidate narrowing, lazy lifts and stock ranking, early exits, paging —
 * is redone here by a plain scan with a full-matrix edit distance, and a hit's score is summed here term by
 * term without any bound, so a disagreement points at the index. Change ranking here first (README,
 * "Changing ranking").
 */
export interface ReferenceResult {
  total: number;
  /** Every match in final order. */
  ranked: string[];
  /** Relevance score by article number. */
  score: Map<string, number>;
}

const STATUS_RANK = { active: 0, outgoing: 1, discontinued: 2 } as const;
const ARTNO_QUERY = new RegExp(`^\\d{${ARTNO_PREFIX_MIN_DIGITS},6}$`);

interface RefDoc {
  doc: SearchDoc;
  /** Distinct words of name, supplier and titles, each with every field it occurs in. */
  words: Array<{ id: number; fields: Field[] }>;
  supplierKey: string;
  isoDigits: string;
}

export class ReferenceSearch {
  private readonly docs: RefDoc[] = [];
  private readonly wordIds = new Map<string, number>();
  private readonly words: string[] = [];

  constructor(docs: readonly SearchDoc[]) {
    for (const doc of docs) this.docs.push(this.prepare(doc));
  }

  search(q: SearchQuery, availableOf: AvailableOf): ReferenceResult {
    const text = clampQueryText(q.text);
    const passing = this.docs.filter((d) => this.passes(d, q));
    let scored: Array<{ doc: SearchDoc; score: number }> = [];
    const digits = text.trim();
    if (ARTNO_QUERY.test(digits)) {
      scored = passing
        .filter((d) => d.doc.artNo.startsWith(digits))
        .map((d) => ({ doc: d.doc, score: digits.length === 6 ? SCORE_ARTNO_EXACT : SCORE_ARTNO_PREFIX }));
    }
    if (scored.length === 0) scored = this.textSearch(parseTerms(text), passing);
    const stock = new Map<string, boolean>();
    const inStock = (a: string): boolean => {
      if (!stock.has(a)) stock.set(a, availableOf(a) > 0);
      return stock.get(a)!;
    };
    if (q.inStockOnly) scored = scored.filter((s) => inStock(s.doc.artNo));
    scored.sort(
      (a, b) =>
        b.score - a.score ||
        STATUS_RANK[a.doc.status] - STATUS_RANK[b.doc.status] ||
        Number(inStock(b.doc.artNo)) - Number(inStock(a.doc.artNo)) ||
        (a.doc.artNo < b.doc.artNo ? -1 : 1),
    );
    return {
      total: scored.length,
      ranked: scored.map((s) => s.doc.artNo),
      score: new Map(scored.map((s) => [s.doc.artNo, s.score])),
    };
  }

  /**
   * How each term of a text query matched one article, in SearchHit.matched form: the best
   * score, ties to the better match quality, then the alphabetically first word.
   */
  explain(text: string, artNo: string): string[] {
    const d = this.docs.find((x) => x.doc.artNo === artNo)!;
    return parseTerms(clampQueryText(text)).map((t) => {
      let best = { score: 0, quality: 0, word: '' };
      for (const { id, fields } of d.words) {
        const word = this.words[id]!;
        const quality = wordQuality(t, word);
        const score = bestScore(quality, fields);
        const better =
          score > best.score ||
          (score === best.score && (quality > best.quality || (quality === best.quality && word < best.word)));
        if (score > 0 && better) best = { score, quality, word };
      }
      return describe(t.text, best.quality, best.word);
    });
  }

  private textSearch(terms: QueryTerm[], docs: RefDoc[]): Array<{ doc: SearchDoc; score: number }> {
    if (terms.length === 0) return docs.map((d) => ({ doc: d.doc, score: 0 }));
    // Quality of every vocabulary word for every term, computed once per query (memo, not an index).
    const quality = terms.map((t) => this.words.map((w) => wordQuality(t, w)));
    const out: Array<{ doc: SearchDoc; score: number }> = [];
    for (const d of docs) {
      let total = 0;
      for (const q of quality) {
        let best = 0;
        for (const { id, fields } of d.words) best = Math.max(best, bestScore(q[id]!, fields));
        if (best === 0) {
          total = -1;
          break;
        }
        total += best;
      }
      if (total > 0) out.push({ doc: d.doc, score: total });
    }
    return out;
  }

  private passes(d: RefDoc, q: SearchQuery): boolean {
    if (d.doc.status === 'discontinued' && !q.includeDiscontinued) return false;
    const supplier = q.supplier === undefined ? '' : foldPhrase(q.supplier);
    if (supplier && !d.supplierKey.startsWith(supplier)) return false;
    const iso = q.isoPrefix === undefined ? '' : digitsOnly(q.isoPrefix);
    return !iso || d.isoDigits.startsWith(iso);
  }

  private prepare(doc: SearchDoc): RefDoc {
    const fieldsOf = new Map<number, Set<Field>>();
    const add = (word: string, field: Field): void => {
      let id = this.wordIds.get(word);
      if (id === undefined) {
        id = this.words.length;
        this.wordIds.set(word, id);
        this.words.push(word);
      }
      const fields = fieldsOf.get(id) ?? new Set<Field>();
      fieldsOf.set(id, fields.add(field));
    };
    for (const w of tokenize(doc.name)) {
      add(w, Field.Name);
      for (const p of derivedWords(w, false)) add(p, Field.NamePart);
    }
    for (const w of tokenize(doc.supplierName)) add(w, Field.Supplier);
    for (const title of doc.isoTitles) {
      for (const w of tokenize(title)) {
        add(w, Field.Title);
        for (const p of derivedWords(w, true)) add(p, Field.TitleDerived);
      }
    }
    return {
      doc,
      words: [...fieldsOf].map(([id, fields]) => ({ id, fields: [...fields] })),
      supplierKey: foldPhrase(doc.supplierName),
      isoDigits: digitsOnly(doc.isoCode),
    };
  }
}

/** Match quality of one indexed word (lower-case, diacritics kept) for a query term; 0 = no match. */
export function wordQuality(t: QueryTerm, word: string): number {
  const w = fold(word);
  if (w === t.folded) return word === t.text ? Q_EXACT : Q_FOLDED;
  if (t.prefix && w.startsWith(t.folded)) return word.startsWith(t.text) ? Q_PREFIX : Q_PREFIX_FOLDED;
  if (t.typos === 0 || hasDigit(w) || w.length > TYPO_WORD_CHARS_MAX || t.folded.length > TYPO_WORD_CHARS_MAX) return 0;
  const d = osaDistance(t.folded, w);
  return d === 1 ? Q_TYPO1 : d === 2 && t.typos >= 2 ? Q_TYPO2 : 0;
}

/** A word's score for a term: the best over the fields it occurs in (0 when the quality is 0: no match). */
function bestScore(quality: number, fields: readonly Field[]): number {
  if (quality === 0) return 0;
  let best = 0;
  for (const field of fields) best = Math.max(best, termScore(quality, field));
  return best;
}

function describe(term: string, quality: number, word: string): string {
  if (quality === Q_EXACT) return term;
  if (quality === Q_FOLDED) return `${term}=${word}`;
  if (quality === Q_PREFIX || quality === Q_PREFIX_FOLDED) return `${term}*${word}`;
  return `${term}~${word}`;
}

/** Textbook optimal-string-alignment distance over the full matrix. */
export function osaDistance(a: string, b: string): number {
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++)
    d.push(Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}
