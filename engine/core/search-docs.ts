// Search documents from articles: name, supplier name and the ISO titles (Swedish and English) of the
// article's division, subclass and class, so `rullstol` finds wheelchairs named only by model.
import type { Article, StockRow } from '../../schemas/entities.ts';
import { SearchIndex, type SearchDoc } from './search/index.ts';
import { available, MAIN_WAREHOUSE, stockKey } from './keys.ts';
import type { Derived, Tables } from './state.ts';
import type { Recall } from '../../schemas/recalls.ts';
// Issue 14, Lager:
import { type BelowMinState, noteBelowMin } from './stock/min-level-index.ts';

type DocSource = Pick<Tables, 'iso' | 'suppliers' | 'articles' | 'stock' | 'recalls'>;

/**
 * Issue 15, recalls: an open whole-article recall blocks the article's stock from ordering and picking, so the index's
 * in-stock bit (the "i lager" filter and ranking) never counts it. A scan of the recalls table: few rows, and only
 * article upserts and the load call it (stock changes ask the open-recall index instead).
 */
function wholeRecalled(recalls: ReadonlyMap<number, Recall>, artNo: string): boolean {
  for (const recall of recalls.values())
    if (recall.artNo === artNo && recall.closedMs === null && recall.indNoFrom === null) return true;
  return false;
}

/** The same question from the open-recall index: one map look-up when the article has no open recall. */
function recalledNow(state: Pick<Tables, 'recalls'> & Pick<Derived, 'recallIndex'>, artNo: string): boolean {
  const open = state.recallIndex.openByArticle.get(artNo);
  return open?.some((recallNo) => state.recalls.get(recallNo)?.indNoFrom === null) ?? false;
}

export function searchDocOf(
  state: DocSource,
  article: Article,
  recalled = wholeRecalled(state.recalls, article.artNo),
): SearchDoc {
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
    inStock: !recalled && available(state.stock.get(stockKey(MAIN_WAREHOUSE, article.artNo))) > 0,
  };
}

/**
 * Keeps the index's stock bit right after any change to a stock row: only main-warehouse rows
 * count (catalog.search against another warehouse asks for its balances per candidate).
 * Issue 14: and the list of rows under their minimum level (every stock change passes here).
 */
export function noteStockChange(state: InStockState & BelowMinState, row: StockRow): void {
  if (row.warehouse === MAIN_WAREHOUSE) refreshInStock(state, row.artNo);
  noteBelowMin(state, row.warehouse, row.artNo);
}

type InStockState = { search: SearchIndex } & Pick<Tables, 'stock' | 'recalls'> & Pick<Derived, 'recallIndex'>;

/** The index's in-stock bit of an article from its main-warehouse row and its open recalls (a recall opened or closed). */
export function refreshInStock(state: InStockState, artNo: string): void {
  const inStock = available(state.stock.get(stockKey(MAIN_WAREHOUSE, artNo))) > 0 && !recalledNow(state, artNo);
  state.search.setInStock(artNo, inStock);
}

export function buildSearchIndex(state: DocSource): SearchIndex {
  const index = new SearchIndex();
  const recalled = new Set<string>();
  for (const r of state.recalls.values()) if (r.closedMs === null && r.indNoFrom === null) recalled.add(r.artNo);
  for (const article of state.articles.values()) index.upsert(searchDocOf(state, article, recalled.has(article.artNo)));
  index.prepare(); // renumber and sort now, at load, so no request pays for it
  return index;
}
