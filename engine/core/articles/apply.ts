// Article events into state: the article row, its place in its ISO list (name order), the discontinued counts, its
// replacement and supplier links, and its search document.
import { assert } from '../assert.ts';
import type { ArticleEvent } from '../event-groups.ts';
import { searchDocOf } from '../search-docs.ts';
import type { State } from '../state.ts';
import { countDiscontinued, indexLinks, insertArticleSorted, unindexLinks } from './article-index.ts';

export function applyArticleEvent(state: State, event: ArticleEvent): void {
  const next = event.article;
  const prev = state.articles.get(next.artNo);
  if (prev !== undefined) {
    const list = state.articlesByIso.get(prev.isoCode);
    assert(list !== undefined, `ISO list of ${prev.isoCode} exists`);
    const at = list.indexOf(prev.artNo);
    assert(at >= 0, `article ${prev.artNo} listed under ${prev.isoCode}`);
    list.splice(at, 1);
    if (prev.status === 'discontinued') countDiscontinued(state, prev.isoCode, -1);
    unindexLinks(state, prev);
  }
  state.articles.set(next.artNo, next);
  state.search.upsert(searchDocOf(state, next));
  let list = state.articlesByIso.get(next.isoCode);
  if (list === undefined) {
    list = [];
    state.articlesByIso.set(next.isoCode, list);
  }
  insertArticleSorted(state, list, next.artNo);
  if (next.status === 'discontinued') countDiscontinued(state, next.isoCode, 1);
  indexLinks(state, next);
}
