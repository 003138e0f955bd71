// The table rows each article event changes, for the store to write in the same transaction as the journal entry.
import type { ArticleEvent } from '../event-groups.ts';
import type { RowRef } from '../row-ref.ts';

export function articleRowsTouched(event: ArticleEvent): RowRef[] {
  return [['articles', event.article.artNo]];
}
