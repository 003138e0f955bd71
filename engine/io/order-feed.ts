// The live order flow: turns durable journal entries and their written rows into pushes on `orders` (staff),
// `orders/<prescriberId>` and `messages/<userId>`. Counts per line status are kept here from the committed events
// only, so a push never reports an order that is not yet on disk. The pushes `take` returns are the caller's to
// encode and publish (publish.ts); the feed keeps no reference to them.
//
// Order events are batched: every entry of one group commit is added, then `take` returns one push per order topic
// carrying that commit's order events in seq order. At a hundred staff screens, one message per order per screen
// was a hundred sends per placement; one per commit is a hundred per commit, however many orders it holds.
import type { JournalEntry } from '../../schemas/events.ts';
import type { LineStatus, Message, Order } from '../../schemas/orders.ts';
import { orderStatus } from '../core/orders/queries.ts';
import type { State } from '../core/state.ts';
import type { RowWrite } from '../store/store.ts';
import { messagesTopicOf, ORDERS_TOPIC, ordersTopicOf } from './topic-access.ts';

export interface FeedPush {
  topic: string;
  event: unknown;
}

type Change = 'placed' | 'status' | 'deliveryDate';
type OrderEvent = ReturnType<typeof orderEvent>;

export class OrderFeed {
  private readonly counts: Record<LineStatus, number>;
  /** Order events waiting for `take`, per topic; only topics someone listened to when the entry came. */
  private readonly pending = new Map<string, OrderEvent[]>();
  private messages: FeedPush[] = [];

  /** Starts from the state as loaded, which is all durable. */
  constructor(state: State) {
    this.counts = { ...state.orderIndex.lineCounts };
  }

  /** Line counts per status as of the last entry seen. */
  get lineCounts(): Readonly<Record<LineStatus, number>> {
    return this.counts;
  }

  /**
   * Call once per durable entry, in seq order (the engine's commit listeners are). Nothing is built for a topic
   * nobody listens to (`listened` false): counts are kept either way.
   */
  add(entry: JournalEntry, rows: readonly RowWrite[], listened: (topic: string) => boolean): void {
    this.count(entry);
    for (const row of rows) {
      if (row.table === 'orders') {
        const order = row.value as Order;
        const personal = ordersTopicOf(order.prescriberId);
        const staff = listened(ORDERS_TOPIC);
        const own = listened(personal);
        if (!staff && !own) continue;
        const event = orderEvent(entry.seq, order, changeOf(entry, order.orderNo));
        if (staff) this.queue(ORDERS_TOPIC, event);
        if (own) this.queue(personal, event);
      } else if (row.table === 'messages') {
        const message = row.value as Message;
        const topic = messagesTopicOf(message.userId);
        if (!listened(topic)) continue;
        const type = message.deletedMs === null ? 'message' : 'messageDeleted';
        this.messages.push({ topic, event: { type, seq: entry.seq, message } });
      }
    }
  }

  /**
   * The pushes of everything added since the last call: per order topic one `orders` event (its orders in seq order,
   * `seq` the last of them; the staff topic adds the counts as of the last entry added), then each message push.
   */
  take(): FeedPush[] {
    const out: FeedPush[] = [];
    for (const [topic, orders] of this.pending) {
      const seq = orders[orders.length - 1]!.seq;
      out.push({
        topic,
        event:
          topic === ORDERS_TOPIC
            ? { type: 'orders', seq, orders, counts: { ...this.counts } }
            : { type: 'orders', seq, orders },
      });
    }
    this.pending.clear();
    if (this.messages.length > 0) {
      out.push(...this.messages);
      this.messages = [];
    }
    return out;
  }

  private queue(topic: string, event: OrderEvent): void {
    const list = this.pending.get(topic);
    if (list === undefined) this.pending.set(topic, [event]);
    else list.push(event);
  }

  /** Keeps the line counts (for every entry, listened to or not: it allocates nothing). */
  private count(entry: JournalEntry): void {
    for (const e of entry.events) {
      switch (e.type) {
        case 'order.placed':
          for (const line of e.order.lines) this.counts[line.status]++;
          break;
        case 'order.lineServed':
          this.move('backorder', 'registered');
          break;
        case 'order.linePicking':
          this.move('registered', 'picking');
          break;
        case 'order.lineDispatched':
          this.move('picking', 'dispatched');
          break;
        case 'order.lineDelivered':
          this.move('dispatched', 'delivered');
          break;
        case 'order.lineCancelled':
          this.move(e.from, 'cancelled');
          break;
        default:
          break;
      }
    }
  }

  private move(from: LineStatus, to: LineStatus): void {
    this.counts[from]--;
    this.counts[to]++;
  }
}

/** What happened to an order in an entry: the kind of the entry's first event about it. */
function changeOf(entry: JournalEntry, orderNo: number): Change {
  for (const e of entry.events) {
    switch (e.type) {
      case 'order.placed':
        if (e.order.orderNo === orderNo) return 'placed';
        break;
      case 'order.deliveryDateChanged':
        if (e.orderNo === orderNo) return 'deliveryDate';
        break;
      case 'order.lineServed':
      case 'order.linePicking':
      case 'order.lineDispatched':
      case 'order.lineDelivered':
      case 'order.lineCancelled':
        if (e.orderNo === orderNo) return 'status';
        break;
      default:
        break;
    }
  }
  return 'status';
}

function orderEvent(seq: number, order: Order, change: Change) {
  return {
    type: 'order' as const,
    change,
    seq,
    orderNo: order.orderNo,
    prescriberId: order.prescriberId,
    warehouse: order.warehouse,
    customerNo: order.customerNo,
    recipientKind: order.recipient.kind,
    placedMs: order.placedMs,
    status: orderStatus(order),
    partialDelivery: order.partialDelivery,
    plannedPickDate: order.plannedPickDate,
    plannedDeliveryDate: order.plannedDeliveryDate,
    lines: order.lines.map((l) => ({ lineNo: l.lineNo, artNo: l.artNo, quantity: l.quantity, status: l.status })),
  };
}
