// Deterministic search queries over a catalogue, tagged by category (exact, prefix, typo, …): recall tests and bench.

import { derivedWords } from '../../engine/core/search/compounds.ts';
import { allowedTypos } from '../../engine/core/search/edit-distance.ts';
import { TYPO1_MIN_CHARS, TYPO2_MIN_CHARS } from '../../engine/core/search/constants.ts';
import { fold, tokenize } from '../../engine/core/search/normalize.ts';
import { parseTerms } from '../../engine/core/search/query-terms.ts';
import type { SearchDoc } from '../../engine/core/search/types.ts';
import { chance, intBetween, mulberry32, pick, type Rng } from '../../common/prng.ts';
import { osaDistance, wordQuality } from '../../engine/core/search/reference/reference-search.ts';

export const QUERY_CATEGORIES = [
  'exact',
  'prefix',
  'typo',
  'folded',
  'multi-word',
  'supplier',
  'artNo',
  'no-hit',
] as const;
export type QueryCategory = (typeof QUERY_CATEGORIES)[number];

export interface BenchQuery {
  category: QueryCategory;
  text: string;
}

const PER_CATEGORY_DEFAULT = 30;
/** Give up on a category after this many rejected draws (tiny catalogues). */
const ATTEMPTS_PER_QUERY = 200;
const ALPHA = /^\p{L}+$/u;
const DIACRITIC = /[åäöéüæø]/;
const TYPO_LETTERS = 'abcdefghijklmnoprstuvy';
const NONSENSE_LETTERS = 'qxzwjkvbf';

interface Vocab {
  words: string[];
  folded: Set<string>;
}

/** perCategory queries per category, same (docs, seed) → same queries. */
export function buildQuerySet(
  docs: readonly SearchDoc[],
  seed: number,
  perCategory = PER_CATEGORY_DEFAULT,
): BenchQuery[] {
  const rng = mulberry32(seed ^ 0x5eed);
  const vocab = vocabulary(docs);
  const makers: Record<QueryCategory, () => string | undefined> = {
    exact: () => pick(rng, nameWords(pick(rng, docs), 3)),
    prefix: () => prefixOf(rng, pick(rng, nameWords(pick(rng, docs), 6))),
    typo: () => typoOf(rng, pickTypoSource(rng, docs), vocab),
    folded: () => foldedQuery(rng, docs),
    'multi-word': () => multiWord(rng, pick(rng, docs)),
    supplier: () => supplierQuery(rng, pick(rng, docs)),
    artNo: () => artNoQuery(rng, pick(rng, docs)),
    'no-hit': () => noHit(rng, vocab),
  };
  const out: BenchQuery[] = [];
  for (const category of QUERY_CATEGORIES) {
    const seen = new Set<string>();
    for (let tries = 0; seen.size < perCategory && tries < perCategory * ATTEMPTS_PER_QUERY; tries++) {
      const text = makers[category]();
      if (text === undefined || seen.has(text)) continue;
      seen.add(text);
      out.push({ category, text });
    }
  }
  return out;
}

function vocabulary(docs: readonly SearchDoc[]): Vocab {
  const words = new Set<string>();
  for (const d of docs) {
    for (const w of [...tokenize(d.name), ...tokenize(d.supplierName), ...d.isoTitles.flatMap(tokenize)]) {
      words.add(w);
      for (const p of derivedWords(w, true)) words.add(p);
    }
  }
  const list = [...words].sort();
  return { words: list, folded: new Set(list.map(fold)) };
}

function nameWords(doc: SearchDoc, minChars: number): string[] {
  const words = doc.name.split(/\s+/).filter((w) => ALPHA.test(w) && w.length >= minChars);
  return words.length > 0 ? words : [doc.name.split(/\s+/)[0]!];
}

function prefixOf(rng: Rng, word: string): string | undefined {
  if (word.length < 6) return undefined;
  return word.slice(0, intBetween(rng, 3, word.length - 2)).toLowerCase();
}

function pickTypoSource(rng: Rng, docs: readonly SearchDoc[]): string {
  const doc = pick(rng, docs);
  const titleWords = doc.isoTitles[0]!.split(/\s+/).filter((w) => ALPHA.test(w) && w.length >= 4);
  return chance(rng, 0.2) && titleWords.length > 0 ? pick(rng, titleWords) : pick(rng, nameWords(doc, 4));
}

/** One edit for 4–7 letters, one or two for 8+, never landing on a real word or out of reach. */
function typoOf(rng: Rng, source: string, vocab: Vocab): string | undefined {
  const word = source.toLowerCase();
  if (word.length < TYPO1_MIN_CHARS || !ALPHA.test(word)) return undefined;
  const edits = word.length >= TYPO2_MIN_CHARS && chance(rng, 0.5) ? 2 : 1;
  let t = word;
  for (let i = 0; i < edits; i++) t = edit(rng, t);
  const d = osaDistance(fold(t), fold(word));
  if (d === 0 || vocab.folded.has(fold(t)) || d > allowedTypos(fold(t).length, TYPO1_MIN_CHARS, TYPO2_MIN_CHARS))
    return undefined;
  return t;
}

function edit(rng: Rng, w: string): string {
  const i = intBetween(rng, 0, w.length - 1);
  const letter = pick(rng, [...TYPO_LETTERS]);
  switch (intBetween(rng, 0, 3)) {
    case 0:
      return w.slice(0, i) + letter + w.slice(i + 1); // substitution
    case 1:
      return w.length > TYPO1_MIN_CHARS ? w.slice(0, i) + w.slice(i + 1) : w; // deletion
    case 2:
      return w.slice(0, i) + letter + w.slice(i); // insertion
    default:
      return i + 1 < w.length ? w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2) : w; // transposition
  }
}

function foldedQuery(rng: Rng, docs: readonly SearchDoc[]): string | undefined {
  const doc = pick(rng, docs);
  const words = [...doc.name.split(/\s+/), ...doc.isoTitles[0]!.split(/\s+/)].filter((w) =>
    DIACRITIC.test(w.toLowerCase()),
  );
  if (words.length === 0) return undefined;
  return fold(pick(rng, words).toLowerCase());
}

function multiWord(rng: Rng, doc: SearchDoc): string | undefined {
  const words = doc.name.split(/\s+/).filter((w) => w.length >= 2);
  if (words.length < 2) return undefined;
  const start = intBetween(rng, 0, words.length - 2);
  const take = words.slice(start, start + intBetween(rng, 2, 3));
  if (chance(rng, 0.25)) take.push(doc.supplierName.split(' ')[0]!);
  const last = take[take.length - 1]!;
  if (chance(rng, 0.3) && last.length >= 5) take[take.length - 1] = last.slice(0, last.length - 2);
  return take.join(' ').toLowerCase();
}

function supplierQuery(rng: Rng, doc: SearchDoc): string {
  const s = doc.supplierName;
  const r = rng();
  if (r < 0.4) return s.split(' ')[0]!.toLowerCase();
  if (r < 0.7) return s;
  return `${s.split(' ')[0]!.toLowerCase()} ${pick(rng, doc.isoTitles[0]!.split(/\s+/)).toLowerCase()}`;
}

function artNoQuery(rng: Rng, doc: SearchDoc): string {
  return chance(rng, 0.5) ? doc.artNo : doc.artNo.slice(0, intBetween(rng, 3, 5));
}

/** A word no vocabulary word matches by the index's rules (exact, prefix or allowed typo). */
function noHit(rng: Rng, vocab: Vocab): string | undefined {
  let word: string;
  if (chance(rng, 0.4)) {
    word = '';
    for (let n = intBetween(rng, 5, 9); n > 0; n--) word += pick(rng, [...NONSENSE_LETTERS, 'a', 'e', 'o']);
  } else {
    // Near miss: two edits of a real 5–7 letter word (one is tolerated), so a suggestion applies.
    const source = pick(
      rng,
      vocab.words.filter((w) => w.length >= 5 && w.length <= 7 && ALPHA.test(w)),
    );
    word = edit(rng, edit(rng, source));
  }
  const term = parseTerms(word)[0];
  if (!term || vocab.words.some((w) => wordQuality(term, w) > 0)) return undefined;
  return word;
}
