// The live order flow: turns a durable journal entry and its written rows into pushes on `orders` (staff),
// `orders/<prescriberId>` and `messages/<userId>`. Counts per line status are kept here from the committed events
// only, so a push never reports an order that is not yet on disk.
import type { JournalEntry } from '../../schemas/events.ts';
import type { LineStatus, Message, Order } from '../../schemas/orders.ts';
import { orderStatus } from '../core/orders/order-queries.ts';
import type { State } from '../core/state.ts';
import type { RowWrite } from '../store/store.ts';
import { messagesTopicOf, ORDERS_TOPIC, ordersTopicOf } from './topic-access.ts';

export interface FeedPush {
  topic: string;
  event: unknown;
}

type Change = 'placed' | 'status' | 'deliveryDate';

export class OrderFeed {
  private readonly counts: Record<LineStatus, number>;

  /** Starts from the state as loaded, which is all durable. */
  constructor(state: State) {
    this.counts = { ...state.orderIndex.lineCounts };
  }

  /** Line counts per status as of the last entry seen. */
  get lineCounts(): Readonly<Record<LineStatus, number>> {
    return this.counts;
  }

  /** Call once per durable entry, in seq order (the engine's commit listeners are). */
  pushes(entry: JournalEntry, rows: readonly RowWrite[]): FeedPush[] {
    const changes = this.countAndClassify(entry);
    if (changes.size === 0 && !rows.some((r) => r.table === 'messages')) return [];
    const out: FeedPush[] = [];
    for (const row of rows) {
      if (row.table === 'orders') {
        const order = row.value as Order;
        const event = orderEvent(entry.seq, order, changes.get(order.orderNo) ?? 'status');
        out.push({ topic: ORDERS_TOPIC, event: { ...event, counts: { ...this.counts } } });
        out.push({ topic: ordersTopicOf(order.prescriberId), event });
      } else if (row.table === 'messages') {
        const message = row.value as Message;
        const type = message.deletedMs === null ? 'message' : 'messageDeleted';
        out.push({ topic: messagesTopicOf(message.userId), event: { type, seq: entry.seq, message } });
      }
    }
    return out;
  }

  private countAndClassify(entry: JournalEntry): Map<number, Change> {
    const changes = new Map<number, Change>();
    const move = (from: LineStatus, to: LineStatus) => { this.counts[from]--; this.counts[to]++; };
    for (const e of entry.events) {
      switch (e.type) {
        case 'order.placed':
          for (const line of e.order.lines) this.counts[line.status]++;
          changes.set(e.order.orderNo, 'placed');
          break;
        case 'order.lineServed': move('backorder', 'registered'); break;
        case 'order.linePicking': move('registered', 'picking'); break;
        case 'order.lineDispatched': move('picking', 'dispatched'); break;
        case 'order.lineDelivered': move('dispatched', 'delivered'); break;
        case 'order.lineCancelled': move(e.from, 'cancelled'); break;
        case 'order.deliveryDateChanged': if (!changes.has(e.orderNo)) changes.set(e.orderNo, 'deliveryDate'); continue;
        default: continue;
      }
      if (e.type !== 'order.placed' && !changes.has(e.orderNo)) changes.set(e.orderNo, 'status');
    }
    return changes;
  }
}

function orderEvent(seq: number, order: Order, change: Change) {
  return {
    type: 'order', change, seq, orderNo: order.orderNo, prescriberId: order.prescriberId, warehouse: order.warehouse,
    customerNo: order.customerNo, recipientKind: order.recipient.kind, placedMs: order.placedMs,
    status: orderStatus(order), partialDelivery: order.partialDelivery,
    plannedPickDate: order.plannedPickDate, plannedDeliveryDate: order.plannedDeliveryDate,
    lines: order.lines.map((l) => ({ lineNo: l.lineNo, artNo: l.artNo, quantity: l.quantity, status: l.status })),
  };
}
