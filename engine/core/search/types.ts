// Public types of the catalog search index (shared by the engine core, benches and tests).

export type ArticleStatus = 'active' | 'outgoing' | 'discontinued';

export interface SearchDoc {
  /** Six digits, unique. */
  artNo: string;
  name: string;
  supplierName: string;
  /** ISO 9999 division code, e.g. '12 06 06'. */
  isoCode: string;
  /** Swedish + English titles of the article's division, subclass and class. */
  isoTitles: string[];
  status: ArticleStatus;
  /**
   * Available stock in the main warehouse now. The index keeps it per article (setInStock keeps it
   * current), so searches against the main warehouse need no availability callback.
   */
  inStock?: boolean;
}

export interface SearchQuery {
  text?: string;
  /** Filter: supplier name, case/diacritic-insensitive, exact or prefix. */
  supplier?: string;
  /** '12' | '12 06' | '12 06 06': the whole subtree. */
  isoPrefix?: string;
  includeDiscontinued?: boolean;
  inStockOnly?: boolean;
  limit: number;
  offset: number;
}

export interface SearchHit {
  artNo: string;
  score: number;
  /**
   * One entry per query term, how it matched this article:
   * `term` exact, `term=word` folded diacritics or derived word part, `term*word` prefix,
   * `term~word` typo; article numbers `123456#` exact and `1234*123456` prefix.
   */
  matched: string[];
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  /** "Did you mean": the query with unknown words replaced by the closest vocabulary word. */
  suggestion?: string;
}

export type AvailableOf = (artNo: string) => number;
