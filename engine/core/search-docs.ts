// Search documents from articles: name, supplier name and the ISO titles (Swedish and English) of the
// article's division, subclass and class, so `rullstol` finds wheelchairs named only by model.
import type { Article, StockRow } from '../../schemas/entities.ts';
import { SearchIndex, type SearchDoc } from './search/index.ts';
import { available, MAIN_WAREHOUSE, stockKey } from './keys.ts';
import type { Tables } from './state.ts';
// Issue 14, Lager:
import { type BelowMinState, noteBelowMin } from './stock/min-level-index.ts';

type DocSource = Pick<Tables, 'iso' | 'suppliers' | 'articles' | 'stock'>;

export function searchDocOf(state: DocSource, article: Article): SearchDoc {
  const isoTitles: string[] = [];
  for (let code: string | null = article.isoCode; code !== null; code = state.iso.get(code)?.parent ?? null) {
    const node = state.iso.get(code);
    if (node === undefined) break;
    isoTitles.push(node.titleSv, node.titleEn);
  }
  return {
    artNo: article.artNo,
    name: article.name,
    isoCode: article.isoCode,
    isoTitles,
    status: article.status,
    supplierName: state.suppliers.get(article.supplierId)?.name ?? article.supplierId,
    inStock: available(state.stock.get(stockKey(MAIN_WAREHOUSE, article.artNo))) > 0,
  };
}

/**
 * Keeps the index's stock bit right after any change to a stock row: only main-warehouse rows
 * count (catalog.search against another warehouse asks for its balances per candidate).
 * Issue 14: and the list of rows under their minimum level (every stock change passes here).
 */
export function noteStockChange(state: { search: SearchIndex } & BelowMinState, row: StockRow): void {
  if (row.warehouse === MAIN_WAREHOUSE) state.search.setInStock(row.artNo, available(row) > 0);
  noteBelowMin(state, row.warehouse, row.artNo);
}

export function buildSearchIndex(state: DocSource): SearchIndex {
  const index = new SearchIndex();
  for (const article of state.articles.values()) index.upsert(searchDocOf(state, article));
  index.prepare(); // renumber and sort now, at load, so no request pays for it
  return index;
}
