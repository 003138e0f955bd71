// Adapters giving our index, FlexSearch and MiniSearch one build/search shape for the comparison.

import { Charset, Index } from 'flexsearch';
import MiniSearch from 'minisearch';
import { fold, lower } from '../../engine/core/search/normalize.ts';
import { SearchIndex } from '../../engine/core/search/search-index.ts';
import type { SearchDoc } from '../../engine/core/search/types.ts';

export const TOP_K = 10;
/** Extra hits requested from the libraries so that dropping discontinued articles still leaves TOP_K. */
const OVERFETCH = 3;

export interface Engine {
  readonly name: string;
  build(docs: readonly SearchDoc[]): void;
  /** Article numbers of the top TOP_K non-discontinued hits, best first. */
  search(text: string): string[];
}

/** Stock comes with the docs (SearchDoc.inStock), as the engine keeps it for the main warehouse. */
export function ourEngine(): Engine & { index: SearchIndex } {
  const index = new SearchIndex();
  return {
    name: 'aidstock',
    index,
    build(docs) {
      for (const d of docs) index.upsert(d);
      index.prepare(); // doc ids into article-number order now, not in the first timed search
    },
    search(text) {
      return index.search({ text, limit: TOP_K, offset: 0 }).hits.map((h) => h.artNo);
    },
  };
}

/** Name first, then supplier and titles: FlexSearch ranks earlier positions higher (its only "boost"). */
function flatText(d: SearchDoc): string {
  return `${d.name} ${d.supplierName} ${d.artNo} ${d.isoTitles.join(' ')}`;
}

/**
 * FlexSearch 0.8 Index (one field, so AND works across name, supplier and titles), forward
 * tokenizer for prefixes, LatinBalance encoder (case, diacritic folding, letter dedupe and basic
 * phonetics: its only typo tolerance), and suggest:true as a fallback when the strict AND finds
 * nothing (it relaxes missing words rather than correcting them).
 */
export function flexEngine(): Engine {
  const index = new Index({ tokenize: 'forward', encoder: Charset.LatinBalance, resolution: 9 });
  const artNos: string[] = [];
  const discontinued: boolean[] = [];
  return {
    name: 'flexsearch',
    build(docs) {
      docs.forEach((d, i) => {
        artNos.push(d.artNo);
        discontinued.push(d.status === 'discontinued');
        index.add(i, flatText(d));
      });
    },
    search(text) {
      let ids = index.search(text, { limit: TOP_K * OVERFETCH }) as number[];
      if (ids.length === 0) ids = index.search(text, { limit: TOP_K * OVERFETCH, suggest: true }) as number[];
      return ids
        .filter((i) => !discontinued[i])
        .slice(0, TOP_K)
        .map((i) => artNos[i]!);
    },
  };
}

/** Same typo allowance as ours: 1 edit from 4 letters, 2 from 8 (MiniSearch: Levenshtein, no transpositions). */
function fuzzyOf(term: string): number {
  return term.length >= 8 ? 2 : term.length >= 4 ? 1 : 0;
}

/**
 * MiniSearch 7 over name, supplier, titles and article number; terms folded like ours, AND,
 * prefix for the last word only (as ours; `prefix: true` on every word ranks worse), name boosted.
 */
export function miniEngine(): Engine {
  const mini = new MiniSearch<{
    id: number;
    name: string;
    supplierName: string;
    titles: string;
    artNo: string;
    status: string;
  }>({
    fields: ['name', 'supplierName', 'titles', 'artNo'],
    storeFields: ['artNo', 'status'],
    processTerm: (term) => fold(lower(term)),
    searchOptions: {
      combineWith: 'AND',
      boost: { name: 3, supplierName: 2, artNo: 3 },
      fuzzy: (term) => fuzzyOf(term),
      prefix: (_term, i, terms) => i === terms.length - 1,
      filter: (r) => r.status !== 'discontinued',
    },
  });
  return {
    name: 'minisearch',
    build(docs) {
      mini.addAll(
        docs.map((d, i) => ({
          id: i,
          name: d.name,
          supplierName: d.supplierName,
          titles: d.isoTitles.join(' '),
          artNo: d.artNo,
          status: d.status,
        })),
      );
    },
    search(text) {
      return mini
        .search(text)
        .slice(0, TOP_K)
        .map((r) => r.artNo as string);
    },
  };
}
