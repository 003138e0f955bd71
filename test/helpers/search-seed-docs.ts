// Search documents from the project's own seed catalog (the demo data's generator): for the recall tests and the search bench.
import { searchDocOf } from '../../engine/core/search-docs.ts';
import type { SearchDoc } from '../../engine/core/search/types.ts';
import { generateCatalogTables } from '../../engine/seed/generate.ts';

/** `count` articles of the seed catalog; same (count, seed) → same articles. */
export function loadDocs(count: number, seed: number): SearchDoc[] {
  // Catalog only: no stock rows, so every doc starts out of stock (the comparison sets its own stock).
  const tables = { ...generateCatalogTables(count, seed), stock: new Map(), recalls: new Map() };
  return [...tables.articles.values()].map((article) => searchDocOf(tables, article));
}
