// HMC news: decide, apply, rows and the start page's list. News are few (tens a year), so the next number and the
// list come from the table itself, without an index.
import type { Event } from '../../schemas/events.ts';
import type { NewsItem } from '../../schemas/news.ts';
import { assert } from './assert.ts';
import type { CommandContext, NewsDelete, NewsPublish } from './commands.ts';
import type { Decision } from './decision.ts';
import type { RowRef } from './row-ref.ts';
import { found, type QueryResult } from './query-result.ts';
import { reject } from './rejections.ts';
import type { State } from './state.ts';

type NewsEvent = Extract<Event, { type: 'news.published' | 'news.deleted' }>;

export function decideNewsPublish(state: State, command: NewsPublish, context: CommandContext): Decision {
  let last = 0;
  for (const newsNo of state.news.keys()) if (newsNo > last) last = newsNo;
  const item: NewsItem = {
    newsNo: last + 1,
    timeMs: context.timeMs,
    authorId: command.userId,
    title: command.title,
    text: command.text,
    deletedMs: null,
  };
  return { ok: true, events: [{ type: 'news.published', item }] };
}

export function decideNewsDelete(state: State, command: NewsDelete, context: CommandContext): Decision {
  const item = state.news.get(command.newsNo);
  if (item === undefined || item.deletedMs !== null)
    return reject('not_found', `Nyheten ${command.newsNo} finns inte.`);
  return {
    ok: true,
    events: [{ type: 'news.deleted', userId: command.userId, newsNo: item.newsNo, timeMs: context.timeMs }],
  };
}

export function applyNewsEvent(state: State, event: NewsEvent): void {
  if (event.type === 'news.published') {
    assert(!state.news.has(event.item.newsNo), `news ${event.item.newsNo} is new`);
    state.news.set(event.item.newsNo, event.item);
    return;
  }
  const item = state.news.get(event.newsNo);
  assert(item !== undefined && item.deletedMs === null, `news ${event.newsNo} is listed`);
  state.news.set(item.newsNo, { ...item, deletedMs: event.timeMs });
}

export function newsRowsTouched(event: NewsEvent): RowRef[] {
  return [['news', event.type === 'news.published' ? event.item.newsNo : event.newsNo]];
}

/** Listed news, newest first. */
export function listNews(state: State, limit: number): QueryResult<{ news: NewsItem[] }> {
  const listed = [...state.news.values()].filter((n) => n.deletedMs === null).sort((a, b) => b.newsNo - a.newsNo);
  return found({ news: listed.slice(0, limit) });
}
