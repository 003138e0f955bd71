// Catalog search over the live index: builds search documents from articles (names, supplier, ISO titles in
// Swedish and English) and answers catalog.search / catalog.suggest with balances read at this instant.
import type { Article, User } from '../../schemas/entities.ts';
import type { OpArgs } from '../../schemas/ops.ts';
import { found, type QueryResult } from './query-result.ts';
import { reject } from './rejections.ts';
import { MAIN_WAREHOUSE } from './keys.ts';
import type { State } from './state.ts';
import { availability, availableIn, bufferOf, type Availability } from './views.ts';

export interface SearchHitView {
  artNo: string;
  name: string;
  supplier: string;
  isoCode: string;
  kind: Article['kind'];
  status: Article['status'];
  priceOre: number;
  available: Availability;
  score: number;
  matched: string[];
}

export function catalogSearch(
  state: State,
  user: User | null,
  args: OpArgs<'catalog.search'>,
): QueryResult<{ total: number; hits: SearchHitView[]; suggestion?: string }> {
  const stockWarehouse = args.warehouse ?? MAIN_WAREHOUSE;
  if (!state.warehouses.has(stockWarehouse)) return reject('not_found', `Lager ${stockWarehouse} finns inte.`);
  const buffer = args.warehouse ?? (user === null ? null : bufferOf(user));
  // The index keeps main-warehouse stock itself (counters make "in stock only" cheap); others are asked for.
  const result = state.search.search(
    {
      text: args.text,
      supplier: args.supplier,
      isoPrefix: args.isoCode,
      inStockOnly: args.inStockOnly,
      includeDiscontinued: args.includeDiscontinued,
      limit: args.limit,
      offset: args.offset,
    },
    stockWarehouse === MAIN_WAREHOUSE ? undefined : (artNo) => availableIn(state, stockWarehouse, artNo),
  );
  const hits = result.hits.map((hit) => {
    const article = state.articles.get(hit.artNo)!;
    return {
      artNo: article.artNo,
      name: article.name,
      isoCode: article.isoCode,
      kind: article.kind,
      status: article.status,
      supplier: state.suppliers.get(article.supplierId)?.name ?? article.supplierId,
      priceOre: article.priceOre,
      available: availability(state, article.artNo, buffer),
      score: hit.score,
      matched: hit.matched,
    };
  });
  return found({
    total: result.total,
    hits,
    ...(result.suggestion === undefined ? {} : { suggestion: result.suggestion }),
  });
}

export function catalogSuggest(state: State, args: OpArgs<'catalog.suggest'>): QueryResult<{ completions: string[] }> {
  return found({ completions: state.search.suggest(args.text, args.limit) });
}
