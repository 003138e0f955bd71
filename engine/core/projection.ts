// Which table rows an event changes, so the store can write them in the same transaction as the journal entry.
import type { Event } from '../../schemas/events.ts';
import { unreachable } from './assert.ts';
import { stockKey, type TableName } from './state.ts';

export type RowRef = readonly [TableName, string | number];

export function rowsTouched(event: Event): RowRef[] {
  switch (event.type) {
    case 'stock.adjusted': return [['stock', stockKey(event.warehouse, event.artNo)]];
    case 'article.upserted': return [['articles', event.article.artNo]];
    default: return unreachable(event, 'event');
  }
}
