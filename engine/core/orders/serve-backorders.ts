// Backorders (restorder) are served automatically when stock becomes available — a unit received or returned, or a
// reservation released — strictly oldest order first: a head line that needs more than is there blocks the ones behind it.
import { BACKORDERS_SERVED_PER_COMMAND_MAX } from '../../../schemas/limits.ts';
import type { OrderLineServed } from '../../../schemas/order-events.ts';
import type { Order } from '../../../schemas/orders.ts';
import { assert } from '../assert.ts';
import { stockKey } from '../keys.ts';
import type { State } from '../state.ts';
import { plannedDates } from './working-days.ts';
// Issue 15, recalls:
import { articleRecall, blockedFreeUnits } from '../recalls/blocks.ts';

/** What one command has served so far, so several servings in it agree (dates are set once, budgets shared). */
export interface Serving {
  userId: string;
  timeMs: number;
  served: Set<string>;
  /** Lines this command cancels: they neither get stock nor hold up a joint delivery. */
  cancelled: Set<string>;
  dated: Set<number>;
  events: OrderLineServed[];
  // Issue 15, recalls: the recall this command closes (its blocks no longer hold back the queue).
  closingRecallNo?: number;
}

export function newServing(userId: string, timeMs: number): Serving {
  return { userId, timeMs, served: new Set(), cancelled: new Set(), dated: new Set(), events: [] };
}

export const refKey = (orderNo: number, lineNo: number) => `${orderNo}:${lineNo}`;

/** Whether the order can go once this line is reserved: joint delivery waits for every line, partial for one. */
function becomesReady(order: Order, serving: Serving): boolean {
  if (order.plannedDeliveryDate !== null || serving.dated.has(order.orderNo)) return false;
  if (order.partialDelivery) return true;
  for (const line of order.lines) {
    const key = refKey(order.orderNo, line.lineNo);
    if (line.status === 'backorder' && !serving.served.has(key) && !serving.cancelled.has(key)) return false;
  }
  return true;
}

/** Serves the queue of (warehouse, artNo) from `availableNow` units; appends its events to `serving`. */
export function serveBackorders(
  state: State,
  warehouse: string,
  artNo: string,
  availableNow: number,
  serving: Serving,
): void {
  const queue = state.orderIndex.backorders.get(stockKey(warehouse, artNo));
  if (queue === undefined) return;
  // Issue 15, recalls: a recalled article's stock serves no backorder; a range recall's free units are not counted.
  const closing = serving.closingRecallNo ?? null;
  if (articleRecall(state, artNo, closing) !== null) return;
  let left = availableNow - blockedFreeUnits(state, warehouse, artNo, closing);
  for (const ref of queue) {
    if (serving.events.length >= BACKORDERS_SERVED_PER_COMMAND_MAX) return;
    const order = state.orders.get(ref.orderNo)!;
    const line = order.lines[ref.lineNo - 1];
    assert(line !== undefined && line.status === 'backorder', `queued line ${ref.orderNo}:${ref.lineNo} waits`);
    const key = refKey(ref.orderNo, ref.lineNo);
    if (serving.served.has(key) || serving.cancelled.has(key)) continue;
    if (line.quantity > left) return;
    left -= line.quantity;
    serving.served.add(key);
    const dates = becomesReady(order, serving) ? plannedDates(serving.timeMs) : null;
    if (dates !== null) serving.dated.add(order.orderNo);
    serving.events.push({
      type: 'order.lineServed',
      userId: serving.userId,
      orderNo: ref.orderNo,
      lineNo: ref.lineNo,
      warehouse,
      artNo,
      quantity: line.quantity,
      plannedPickDate: dates?.plannedPickDate ?? null,
      plannedDeliveryDate: dates?.plannedDeliveryDate ?? null,
    });
  }
}
