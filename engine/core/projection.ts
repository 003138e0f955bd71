// Which table rows an event changes, so the store can write them in the same transaction as the journal entry.
import { pickupRowsTouched } from './pickups/apply-pickups.ts';
import { newsRowsTouched } from './news.ts';
import { workOrderRowsTouched } from './work-orders/work-orders.ts';
import type { Event } from '../../schemas/events.ts';
import { unreachable } from './assert.ts';
import { orderRowsTouched } from './orders/order-rows.ts';
import { stockKey } from './keys.ts';
import type { RowRef } from './row-ref.ts';

export function rowsTouched(event: Event): RowRef[] {
  switch (event.type) {
    case 'stock.adjusted':
      return [
        ['stock', stockKey(event.warehouse, event.artNo)],
        ...event.individuals.map((indNo) => ['individuals', indNo] as const),
      ];
    case 'article.upserted':
      return [['articles', event.article.artNo]];
    case 'user.contactChanged':
      return [['users', event.userId]];
    case 'pickup.created':
    case 'pickup.cancelled':
    case 'pickup.unitReturned':
      return pickupRowsTouched(event);
    case 'news.published':
    case 'news.deleted':
      return newsRowsTouched(event);
    case 'workOrder.created':
    case 'workOrder.updated':
      return workOrderRowsTouched(event);
    case 'order.placed':
    case 'order.lineServed':
    case 'order.linePicking':
    case 'order.lineDispatched':
    case 'order.lineDelivered':
    case 'order.lineCancelled':
    case 'order.deliveryDateChanged':
    case 'message.created':
    case 'message.deleted':
    case 'prescribingRule.set':
      return orderRowsTouched(event);
    default:
      return unreachable(event, 'event');
  }
}
