// The table rows each news event changes, for the store to write in the same transaction as the journal entry.
import type { NewsEvent } from '../event-groups.ts';
import type { RowRef } from '../row-ref.ts';

export function newsRowsTouched(event: NewsEvent): RowRef[] {
  return [['news', event.type === 'news.published' ? event.item.newsNo : event.newsNo]];
}
