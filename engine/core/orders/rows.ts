// The table rows each order event changes, for the store to write in the same transaction as the journal entry.
import { unreachable } from '../assert.ts';
import { stockKey } from '../keys.ts';
import type { RowRef } from '../row-ref.ts';
import type { OrderEvent } from '../event-groups.ts';

export function orderRowsTouched(event: OrderEvent): RowRef[] {
  switch (event.type) {
    case 'order.placed': {
      const rows: RowRef[] = [['orders', event.order.orderNo]];
      // An order has a few lines: a linear check for a stock row already listed beats a Set per placement.
      for (const line of event.order.lines) {
        if (line.status !== 'registered') continue;
        const key = stockKey(event.order.warehouse, line.artNo);
        if (!listed(rows, key)) rows.push(['stock', key]);
      }
      return rows;
    }
    case 'order.lineServed':
    case 'order.lineDispatched':
      return [
        ['orders', event.orderNo],
        ['stock', stockKey(event.warehouse, event.artNo)],
        ...(event.type === 'order.lineDispatched' ? event.individuals.map((i): RowRef => ['individuals', i]) : []),
      ];
    case 'order.lineDelivered':
      return [['orders', event.orderNo], ...event.individuals.map((i): RowRef => ['individuals', i])];
    case 'order.lineCancelled':
      return event.released > 0
        ? [
            ['orders', event.orderNo],
            ['stock', stockKey(event.warehouse, event.artNo)],
          ]
        : [['orders', event.orderNo]];
    case 'order.linePicking':
    case 'order.deliveryDateChanged':
      return [['orders', event.orderNo]];
    default:
      return unreachable(event, 'order event');
  }
}

/** Whether a placement's rows already list that stock row (rows[0] is the order itself). */
function listed(rows: readonly RowRef[], stockKeyOf: string): boolean {
  for (let i = 1; i < rows.length; i++) if (rows[i]![1] === stockKeyOf) return true;
  return false;
}
