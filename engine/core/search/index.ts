// Public surface of the catalog search index.

export { SearchIndex, type SearchTuning } from './search-index.ts';
export type { ArticleStatus, AvailableOf, SearchDoc, SearchHit, SearchQuery, SearchResult } from './types.ts';
export * from './constants.ts';
