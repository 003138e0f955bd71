// Search documents from articles: name, supplier name and the ISO titles (Swedish and English) of the
// article's division, subclass and class, so `rullstol` finds wheelchairs named only by model.
import type { Article } from '../../schemas/entities.ts';
import { SearchIndex, type SearchDoc } from './search/index.ts';
import type { Tables } from './state.ts';

export function searchDocOf(state: Pick<Tables, 'iso' | 'suppliers' | 'articles'>, article: Article): SearchDoc {
  const isoTitles: string[] = [];
  for (let code: string | null = article.isoCode; code !== null; code = state.iso.get(code)?.parent ?? null) {
    const node = state.iso.get(code);
    if (node === undefined) break;
    isoTitles.push(node.titleSv, node.titleEn);
  }
  return {
    artNo: article.artNo, name: article.name, isoCode: article.isoCode, isoTitles, status: article.status,
    supplierName: state.suppliers.get(article.supplierId)?.name ?? article.supplierId,
  };
}

export function buildSearchIndex(state: Pick<Tables, 'iso' | 'suppliers' | 'articles'>): SearchIndex {
  const index = new SearchIndex();
  for (const article of state.articles.values()) index.upsert(searchDocOf(state, article));
  index.prepare(); // renumber and sort now, at load, so no request pays for it
  return index;
}

