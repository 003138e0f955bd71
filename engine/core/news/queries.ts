// news.list: the start page's news, from the table (a few tens of items, no index needed).
import type { NewsItem } from '../../../schemas/news.ts';
import { found, type QueryResult } from '../query-result.ts';
import type { State } from '../state.ts';

/** Listed news, newest first. */
export function listNews(state: State, limit: number): QueryResult<{ news: NewsItem[] }> {
  const listed = [...state.news.values()].filter((n) => n.deletedMs === null).sort((a, b) => b.newsNo - a.newsNo);
  return found({ news: listed.slice(0, limit) });
}
