// The table rows each stock event changes, for the store to write in the same transaction as the journal entry.
import { unreachable } from '../assert.ts';
import type { StockEvent } from '../event-groups.ts';
import { stockKey } from '../keys.ts';
import type { RowRef } from '../row-ref.ts';

export function stockRowsTouched(event: StockEvent): RowRef[] {
  switch (event.type) {
    case 'stock.adjusted':
      return [
        ['stock', stockKey(event.warehouse, event.artNo)],
        ...event.individuals.map((indNo) => ['individuals', indNo] as const),
      ];
    case 'stock.minLevelSet':
      return [['minLevels', stockKey(event.warehouse, event.artNo)]];
    default:
      return unreachable(event, 'stock event');
  }
}
