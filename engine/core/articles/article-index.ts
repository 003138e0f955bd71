// Catalog indexes, derived from the tables on load and kept current by apply: the ISO tree's roots and children,
// the articles directly under each ISO code in (name, artNo) order, how many of them are discontinued, the
// replacement chain backwards (predecessorsOf) and each supplier's articles.
import { assert } from '../assert.ts';
import { pushTo } from '../keys.ts';
import type { Article } from '../../../schemas/entities.ts';
import type { Derived, State, Tables } from '../state.ts';

export type ArticleIndexes = Pick<
  Derived,
  'isoChildren' | 'isoRoots' | 'articlesByIso' | 'discontinuedByIso' | 'predecessorsOf' | 'articlesBySupplier'
>;

export function buildArticleIndexes(tables: Pick<Tables, 'iso' | 'articles'>): ArticleIndexes {
  const indexes: ArticleIndexes = {
    isoChildren: new Map(),
    isoRoots: [],
    articlesByIso: new Map(),
    discontinuedByIso: new Map(),
    predecessorsOf: new Map(),
    articlesBySupplier: new Map(),
  };
  const codes = [...tables.iso.keys()].sort();
  for (const code of codes) {
    const node = tables.iso.get(code)!;
    if (node.parent === null) indexes.isoRoots.push(code);
    else pushTo(indexes.isoChildren, node.parent, code);
  }
  const byName = [...tables.articles.values()].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : a.artNo < b.artNo ? -1 : 1,
  );
  for (const article of byName) {
    pushTo(indexes.articlesByIso, article.isoCode, article.artNo);
    if (article.status === 'discontinued') countDiscontinued(indexes, article.isoCode, 1);
    indexLinks(indexes, article);
  }
  return indexes;
}

/** Sorted insert of an artNo into its ISO list, keeping (name, artNo) order. */
export function insertArticleSorted(state: State, list: string[], artNo: string): void {
  const name = state.articles.get(artNo)!.name;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareArticles(state, list[mid], name, artNo) < 0) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, artNo);
}

function compareArticles(state: State, a: string, nameB: string, b: string): number {
  const nameA = state.articles.get(a)!.name;
  if (nameA !== nameB) return nameA < nameB ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function countDiscontinued(derived: Pick<Derived, 'discontinuedByIso'>, isoCode: string, delta: number): void {
  const count = (derived.discontinuedByIso.get(isoCode) ?? 0) + delta;
  assert(count >= 0, `discontinued count of ${isoCode} stays >= 0`);
  derived.discontinuedByIso.set(isoCode, count);
}

type LinkIndexes = Pick<Derived, 'predecessorsOf' | 'articlesBySupplier'>;

/** Adds an article to the reverse replacement index (kept in artNo order) and to its supplier's set. */
export function indexLinks(derived: LinkIndexes, article: Article): void {
  if (article.replacedBy !== null) {
    const list = derived.predecessorsOf.get(article.replacedBy);
    if (list === undefined) derived.predecessorsOf.set(article.replacedBy, [article.artNo]);
    else {
      let at = list.length;
      while (at > 0 && list[at - 1] > article.artNo) at--;
      list.splice(at, 0, article.artNo);
    }
  }
  let set = derived.articlesBySupplier.get(article.supplierId);
  if (set === undefined) {
    set = new Set();
    derived.articlesBySupplier.set(article.supplierId, set);
  }
  set.add(article.artNo);
}

/** Takes an article's previous version out of both indexes (before its new version goes in). */
export function unindexLinks(derived: LinkIndexes, article: Article): void {
  if (article.replacedBy !== null) {
    const list = derived.predecessorsOf.get(article.replacedBy);
    const at = list === undefined ? -1 : list.indexOf(article.artNo);
    assert(list !== undefined && at >= 0, `${article.artNo} listed as replaced by ${article.replacedBy}`);
    if (list.length === 1) derived.predecessorsOf.delete(article.replacedBy);
    else list.splice(at, 1);
  }
  const set = derived.articlesBySupplier.get(article.supplierId);
  assert(set?.delete(article.artNo) === true, `${article.artNo} listed under supplier ${article.supplierId}`);
  if (set.size === 0) derived.articlesBySupplier.delete(article.supplierId);
}
