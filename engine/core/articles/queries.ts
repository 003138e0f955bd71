// Catalog reads: ISO tree with counts, article lists per ISO subtree, the article page. Answered from memory.
import type { Article, User } from '../../../schemas/entities.ts';
import type { OpArgs } from '../../../schemas/ops.ts';
import { found, type QueryResult } from '../query-result.ts';
import { reject } from '../rejections.ts';
import { available, MAIN_WAREHOUSE } from '../keys.ts';
import type { State } from '../state.ts';
import { availability, availableIn, bufferOf, summarize, type Availability, type ArticleSummary } from '../views.ts';

export interface IsoTreeNode {
  code: string;
  level: number;
  titleSv: string;
  titleEn: string;
  parent: string | null;
  /** Articles in the subtree that can be prescribed (not discontinued). */
  articleCount: number;
  /** With includeStock: of those, how many have available stock in warehouse 10. */
  inStockCount?: number;
}

/** Division codes under (and including) `code`, in code order. */
export function divisionsUnder(state: State, code: string): string[] {
  const out: string[] = [];
  const stack = [code];
  while (stack.length > 0) {
    const at = stack.pop()!;
    const children = state.isoChildren.get(at);
    if (children === undefined) out.push(at);
    else for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return out;
}

function countSubtree(state: State, code: string, includeStock: boolean): [number, number] {
  let articles = 0;
  let inStock = 0;
  for (const division of divisionsUnder(state, code)) {
    const list = state.articlesByIso.get(division) ?? [];
    articles += list.length - (state.discontinuedByIso.get(division) ?? 0);
    if (!includeStock) continue;
    for (const artNo of list) {
      if (state.articles.get(artNo)!.status !== 'discontinued' && availableIn(state, MAIN_WAREHOUSE, artNo) > 0)
        inStock++;
    }
  }
  return [articles, inStock];
}

export function isoTree(state: State, args: OpArgs<'catalog.isoTree'>): QueryResult<{ nodes: IsoTreeNode[] }> {
  const roots = args.code === undefined ? state.isoRoots : [args.code];
  if (args.code !== undefined && !state.iso.has(args.code))
    return reject('not_found', `ISO-koden ${args.code} finns inte.`);
  const nodes: IsoTreeNode[] = [];
  const baseLevel = args.code === undefined ? 1 : state.iso.get(args.code)!.level;
  const stack = [...roots].reverse();
  while (stack.length > 0) {
    const node = state.iso.get(stack.pop()!)!;
    const [articleCount, inStockCount] = countSubtree(state, node.code, args.includeStock);
    nodes.push({ ...node, articleCount, ...(args.includeStock ? { inStockCount } : {}) });
    if (node.level - baseLevel + 1 >= args.depth) continue;
    const children = state.isoChildren.get(node.code) ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return found({ nodes });
}

export function listArticles(
  state: State,
  user: User | null,
  args: OpArgs<'catalog.list'>,
): QueryResult<{ total: number; articles: ArticleSummary[] }> {
  if (!state.iso.has(args.isoCode)) return reject('not_found', `ISO-koden ${args.isoCode} finns inte.`);
  const stockWarehouse = args.warehouse ?? MAIN_WAREHOUSE;
  if (!state.warehouses.has(stockWarehouse)) return reject('not_found', `Lager ${stockWarehouse} finns inte.`);
  const buffer = args.warehouse ?? (user === null ? null : bufferOf(user));
  const articles: ArticleSummary[] = [];
  let total = 0;
  for (const division of divisionsUnder(state, args.isoCode)) {
    const list = state.articlesByIso.get(division) ?? [];
    if (!args.inStockOnly) {
      // Without the stock filter a division's count is known, so whole divisions off the page are skipped.
      const listed = list.length - (args.includeDiscontinued ? 0 : (state.discontinuedByIso.get(division) ?? 0));
      const pageFull = articles.length >= args.limit;
      if (pageFull || total + listed <= args.offset) {
        total += listed;
        continue;
      }
    }
    for (const artNo of list) {
      const article = state.articles.get(artNo)!;
      if (article.status === 'discontinued' && !args.includeDiscontinued) continue;
      if (args.inStockOnly && availableIn(state, stockWarehouse, artNo) <= 0) continue;
      if (total >= args.offset && articles.length < args.limit) articles.push(summarize(state, article, buffer));
      total++;
    }
  }
  return found({ total, articles });
}

export interface ArticlePage {
  article: ArticleSummary & {
    setParts: string[];
    accessories: string[];
    replacedBy: string | null;
    supplierUrl: string | null;
    manualUrl: string | null;
    imageUrl: string | null;
  };
  supplier: { id: string; name: string; url: string | null };
  isoPath: Array<{ code: string; titleSv: string; titleEn: string }>;
  available: Availability & { investigation: number };
  setParts: ArticleSummary[];
  accessories: ArticleSummary[];
  replacedBy: ArticleSummary | null;
}

export function articlePage(
  state: State,
  user: User | null,
  args: OpArgs<'catalog.article'>,
): QueryResult<ArticlePage> {
  const article = state.articles.get(args.artNo);
  if (article === undefined) return reject('not_found', `Artikel ${args.artNo} finns inte.`);
  const buffer = user === null ? null : bufferOf(user);
  const supplier = state.suppliers.get(article.supplierId)!;
  const isoPath: ArticlePage['isoPath'] = [];
  for (let code: string | null = article.isoCode; code !== null; code = state.iso.get(code)!.parent) {
    const node = state.iso.get(code)!;
    isoPath.unshift({ code: node.code, titleSv: node.titleSv, titleEn: node.titleEn });
  }
  let investigation = 0;
  for (const row of state.stockByArticle.get(article.artNo) ?? []) {
    if (state.warehouses.get(row.warehouse)?.kind === 'investigation') investigation += available(row);
  }
  const summaries = (artNos: string[]) => artNos.map((artNo) => summarize(state, state.articles.get(artNo)!, buffer));
  const mainAndBuffer = availability(state, article.artNo, buffer);
  // Plain literals, not spreads: spreading and adding keys made V8 build slow dictionary objects (~10 µs a page).
  const balances: ArticlePage['available'] = { main: mainAndBuffer.main, investigation };
  if (mainAndBuffer.buffer !== undefined) balances.buffer = mainAndBuffer.buffer;
  return found({
    article: articleView(state, article, buffer),
    supplier: { id: supplier.id, name: supplier.name, url: supplier.url },
    isoPath,
    available: balances,
    setParts: summaries(article.setParts),
    accessories: summaries(article.accessories),
    replacedBy: article.replacedBy === null ? null : summarize(state, state.articles.get(article.replacedBy)!, buffer),
  });
}

/** The article as the catalog shows it; also the `articles` topic's push (buffer null: warehouse 10 only). */
export function articleView(state: State, article: Article, buffer: string | null): ArticlePage['article'] {
  return {
    artNo: article.artNo,
    name: article.name,
    supplierId: article.supplierId,
    supplierName: state.suppliers.get(article.supplierId)?.name ?? article.supplierId,
    isoCode: article.isoCode,
    kind: article.kind,
    status: article.status,
    priceOre: article.priceOre,
    available: availability(state, article.artNo, buffer),
    setParts: article.setParts,
    accessories: article.accessories,
    replacedBy: article.replacedBy,
    supplierUrl: article.supplierUrl,
    manualUrl: article.manualUrl,
    imageUrl: article.imageUrl,
  };
}
