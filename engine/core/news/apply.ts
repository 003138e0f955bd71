// News events into state. Items are replaced, never changed in place (the engine hands rows on without copies).
import { assert } from '../assert.ts';
import type { NewsEvent } from '../event-groups.ts';
import type { State } from '../state.ts';

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
