// Indexes over orders and messages, derived from the tables on load and kept current by apply: lists per prescriber,
// patient and care unit, open orders, idempotency keys, backorder queues, taken individuals, line counts.
import type { Message, Order, LineStatus } from '../../../schemas/orders.ts';
import { LINE_STATUSES } from '../../../schemas/orders.ts';
import { pushTo, stockKey } from '../keys.ts';
import { IdempotencyIndex } from './idempotency-index.ts';
import { OrderHeads } from './order-heads.ts';

/** The first order number the engine hands out on an empty table (seven digits, like the legacy portal's). */
export const ORDER_NO_FIRST = 1_000_001;
export const MESSAGE_NO_FIRST = 1;

export interface LineRef {
  orderNo: number;
  lineNo: number;
}

export interface OrderIndex {
  /** Every order number, ascending, which is placement order. */
  all: number[];
  byPrescriber: Map<string, number[]>;
  byPnr: Map<string, number[]>;
  byCustomer: Map<string, number[]>;
  /** Orders with a line neither delivered nor cancelled. */
  open: Set<number>;
  /** (userId, idempotencyKey) → orderNo. */
  byKey: IdempotencyIndex;
  /** stockKey(warehouse, artNo) → backorder lines waiting for that stock, oldest order first. */
  backorders: Map<string, LineRef[]>;
  /** Rental individuals assigned to a line in picking, still in the warehouse: indNo → orderNo. */
  taken: Map<number, number>;
  messagesByUser: Map<string, number[]>;
  /** Each order's placement fields in typed columns (order-heads.ts): order.list counts without decoding rows. */
  heads: OrderHeads;
  /** Lines per status over all orders (the order-flow screen's counters). */
  lineCounts: Record<LineStatus, number>;
  nextOrderNo: number;
  nextMessageNo: number;
}

export function zeroCounts(): Record<LineStatus, number> {
  const counts = {} as Record<LineStatus, number>;
  for (const status of LINE_STATUSES) counts[status] = 0;
  return counts;
}

export function isOpen(order: Order): boolean {
  for (const line of order.lines) if (line.status !== 'delivered' && line.status !== 'cancelled') return true;
  return false;
}

/** Adds a new order (the highest number so far) to every index. */
export function indexOrder(index: OrderIndex, order: Order): void {
  index.all.push(order.orderNo);
  index.heads.add(order);
  pushTo(index.byPrescriber, order.prescriberId, order.orderNo);
  if (order.recipient.kind === 'patient') pushTo(index.byPnr, order.recipient.pnr, order.orderNo);
  pushTo(index.byCustomer, order.customerNo, order.orderNo);
  if (isOpen(order)) index.open.add(order.orderNo);
  index.byKey.add(order.prescriberId, order.idempotencyKey, order.orderNo);
  for (const line of order.lines) {
    index.lineCounts[line.status]++;
    if (line.status === 'backorder') {
      pushTo(index.backorders, stockKey(order.warehouse, line.artNo), { orderNo: order.orderNo, lineNo: line.lineNo });
    }
    if (line.status === 'picking') for (const indNo of line.individuals) index.taken.set(indNo, order.orderNo);
  }
  if (order.orderNo >= index.nextOrderNo) index.nextOrderNo = order.orderNo + 1;
}

export function indexMessage(index: OrderIndex, message: Message): void {
  if (message.deletedMs === null) pushTo(index.messagesByUser, message.userId, message.messageNo);
  if (message.messageNo >= index.nextMessageNo) index.nextMessageNo = message.messageNo + 1;
}

/** The rows in ascending key order, one at a time (a packed table decodes each on get: never all at once). */
function* ascendingValues<V>(table: Map<number, V>): Generator<V> {
  const keys = [...table.keys()];
  let sorted = true;
  for (let i = 1; i < keys.length && sorted; i++) sorted = keys[i - 1] < keys[i];
  if (!sorted) keys.sort((a, b) => a - b);
  for (const key of keys) yield table.get(key)!;
}

/**
 * Builds the indexes from the tables (orders in number order, so queues come out oldest first). `visit` sees each
 * order too, so other units' indexes over orders need no pass of their own (each pass decodes every packed row).
 */
export function buildOrderIndex(
  orders: Map<number, Order>,
  messages: Map<number, Message>,
  visit: (order: Order) => void = () => {},
): OrderIndex {
  const index: OrderIndex = {
    all: [],
    byPrescriber: new Map(),
    byPnr: new Map(),
    byCustomer: new Map(),
    open: new Set(),
    byKey: new IdempotencyIndex(),
    backorders: new Map(),
    taken: new Map(),
    messagesByUser: new Map(),
    heads: new OrderHeads(ORDER_NO_FIRST),
    lineCounts: zeroCounts(),
    nextOrderNo: ORDER_NO_FIRST,
    nextMessageNo: MESSAGE_NO_FIRST,
  };
  for (const order of ascendingValues(orders)) {
    indexOrder(index, order);
    visit(order);
  }
  for (const message of ascendingValues(messages)) indexMessage(index, message);
  return index;
}
