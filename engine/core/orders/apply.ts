// apply for order events: a line's steps, its stock reservations and individuals. Orders and individuals are replaced,
// never changed in place (copy on write), so the row copies the engine hands to the store and to the push listeners
// stay as they were at that command.
import type {
  OrderLineCancelled,
  OrderLineDelivered,
  OrderLineDispatched,
  OrderLinePicking,
  OrderLineServed,
  OrderPlaced,
} from '../../../schemas/order-events.ts';
import type { IndividualLocation } from '../../../schemas/entities.ts';
import type { LineStatus, Order, OrderLine } from '../../../schemas/orders.ts';
import { assert, unreachable } from '../assert.ts';
import type { OrderEvent } from '../event-groups.ts';
import { noteStockChange } from '../search-docs.ts';
import { stockKey } from '../keys.ts';
import type { State } from '../state.ts';
import { indexOrder, isOpen } from './order-index.ts';
import { NOTE_REFUSED } from './plan-order.ts';
// Issue 15, returns:

function stockRow(state: State, warehouse: string, artNo: string) {
  const row = state.stock.get(stockKey(warehouse, artNo));
  assert(row !== undefined, `stock row ${warehouse}:${artNo} exists`);
  return row;
}

function reserve(state: State, warehouse: string, artNo: string, quantity: number): void {
  const row = stockRow(state, warehouse, artNo);
  row.reserved += quantity;
  assert(row.reserved <= row.onHand, `reservation of ${quantity} × ${artNo} in ${warehouse} is covered`);
  noteStockChange(state, row);
}

/** Replaces one line (and optionally order fields); keeps counts and the open set right. */
function changeLine(
  state: State,
  orderNo: number,
  lineNo: number,
  to: LineStatus,
  patch: Partial<OrderLine>,
  orderPatch: Partial<Order> = {},
): OrderLine {
  const order = state.orders.get(orderNo);
  assert(order !== undefined, `order ${orderNo} exists`);
  const before = order.lines[lineNo - 1];
  assert(before !== undefined && before.lineNo === lineNo, `order ${orderNo} has line ${lineNo}`);
  const lines = order.lines.slice();
  lines[lineNo - 1] = { ...before, ...patch, status: to };
  const next: Order = { ...order, ...orderPatch, lines };
  state.orders.set(orderNo, next);
  const index = state.orderIndex;
  index.lineCounts[before.status]--;
  index.lineCounts[to]++;
  if (!isOpen(next)) index.open.delete(orderNo);
  return before;
}

function dequeue(state: State, warehouse: string, artNo: string, orderNo: number, lineNo: number): void {
  const key = stockKey(warehouse, artNo);
  const queue = state.orderIndex.backorders.get(key);
  const at = queue?.findIndex((r) => r.orderNo === orderNo && r.lineNo === lineNo) ?? -1;
  assert(queue !== undefined && at >= 0, `line ${orderNo}:${lineNo} is queued for ${key}`);
  queue.splice(at, 1);
  if (queue.length === 0) state.orderIndex.backorders.delete(key);
}

function moveIndividuals(state: State, individuals: readonly number[], location: IndividualLocation): void {
  for (const indNo of individuals) {
    const ind = state.individuals.get(indNo);
    assert(ind !== undefined, `individual ${indNo} exists`);
    state.individuals.set(indNo, { ...ind, location });
    if (location.kind === 'patient') {
      const held = state.individualsByPnr.get(location.pnr);
      if (held === undefined) state.individualsByPnr.set(location.pnr, [indNo]);
      else held.push(indNo);
    }
  }
}

function applyPlaced(state: State, event: OrderPlaced): void {
  // Shared with the event, not copied: orders are never changed in place (see the top), so neither can change the other.
  const order: Order = event.order;
  assert(!state.orders.has(order.orderNo), `order ${order.orderNo} is new`);
  assert(order.orderNo >= state.orderIndex.nextOrderNo, `order ${order.orderNo} is numbered after the last`);
  for (const line of order.lines)
    if (line.status === 'registered') reserve(state, order.warehouse, line.artNo, line.quantity);
  state.orders.set(order.orderNo, order);
  indexOrder(state.orderIndex, order);
}

function applyServed(state: State, event: OrderLineServed): void {
  const dates =
    event.plannedDeliveryDate === null
      ? {}
      : { plannedPickDate: event.plannedPickDate, plannedDeliveryDate: event.plannedDeliveryDate };
  const waiting = state.orders.get(event.orderNo)?.lines[event.lineNo - 1];
  // The refusal stays on the line for HMC; a plain "restorder" note is history once stock is there.
  const note = waiting?.note === NOTE_REFUSED ? NOTE_REFUSED : '';
  const before = changeLine(state, event.orderNo, event.lineNo, 'registered', { note }, dates);
  assert(
    before.status === 'backorder' && before.quantity === event.quantity,
    `served line ${event.orderNo}:${event.lineNo} was waiting`,
  );
  dequeue(state, event.warehouse, event.artNo, event.orderNo, event.lineNo);
  reserve(state, event.warehouse, event.artNo, event.quantity);
}

function applyPicking(state: State, event: OrderLinePicking): void {
  const before = changeLine(state, event.orderNo, event.lineNo, 'picking', {
    pickDate: event.pickDate,
    individuals: [...event.individuals],
  });
  assert(before.status === 'registered', `line ${event.orderNo}:${event.lineNo} was registered`);
  for (const indNo of event.individuals) {
    assert(!state.orderIndex.taken.has(indNo), `individual ${indNo} is free`);
    state.orderIndex.taken.set(indNo, event.orderNo);
  }
}

function applyDispatched(state: State, event: OrderLineDispatched): void {
  const before = changeLine(state, event.orderNo, event.lineNo, 'dispatched', { dispatchedDate: event.date });
  assert(before.status === 'picking', `line ${event.orderNo}:${event.lineNo} was picking`);
  const row = stockRow(state, event.warehouse, event.artNo);
  row.onHand -= event.quantity;
  row.reserved -= event.quantity;
  assert(row.reserved >= 0 && row.onHand >= row.reserved, `dispatch of ${event.artNo} leaves stock covered`);
  noteStockChange(state, row);
  for (const indNo of event.individuals) state.orderIndex.taken.delete(indNo);
  moveIndividuals(state, event.individuals, { kind: 'transit', orderNo: event.orderNo });
}

function applyDelivered(state: State, event: OrderLineDelivered): void {
  const before = changeLine(state, event.orderNo, event.lineNo, 'delivered', { deliveredDate: event.date });
  assert(before.status === 'dispatched', `line ${event.orderNo}:${event.lineNo} was dispatched`);
  moveIndividuals(state, event.individuals, event.holder);
  // Issue 15, returns: a sale line delivered to a patient is held by them (Förbrukningsartiklar on the patient view).
}

function applyCancelled(state: State, event: OrderLineCancelled): void {
  const before = changeLine(state, event.orderNo, event.lineNo, 'cancelled', {});
  assert(before.status === event.from, `cancelled line ${event.orderNo}:${event.lineNo} was ${event.from}`);
  if (event.from === 'backorder') dequeue(state, event.warehouse, event.artNo, event.orderNo, event.lineNo);
  if (event.released > 0) {
    const row = stockRow(state, event.warehouse, event.artNo);
    row.reserved -= event.released;
    assert(row.reserved >= 0, `release of ${event.artNo} keeps reserved ≥ 0`);
    noteStockChange(state, row);
  }
  for (const indNo of event.individuals) state.orderIndex.taken.delete(indNo);
}

export function applyOrderEvent(state: State, event: OrderEvent): void {
  switch (event.type) {
    case 'order.placed':
      applyPlaced(state, event);
      return;
    case 'order.lineServed':
      applyServed(state, event);
      return;
    case 'order.linePicking':
      applyPicking(state, event);
      return;
    case 'order.lineDispatched':
      applyDispatched(state, event);
      return;
    case 'order.lineDelivered':
      applyDelivered(state, event);
      // Issue 15, recalls: which order delivered each unit (the recall's prescriber look-up, one map read per unit).
      for (const indNo of event.individuals)
        if ((state.recallIndex.deliveredBy.get(indNo) ?? 0) < event.orderNo)
          state.recallIndex.deliveredBy.set(indNo, event.orderNo);
      return;
    case 'order.lineCancelled':
      applyCancelled(state, event);
      return;
    case 'order.deliveryDateChanged': {
      const order = state.orders.get(event.orderNo);
      assert(order !== undefined, `order ${event.orderNo} exists`);
      state.orders.set(event.orderNo, { ...order, plannedDeliveryDate: event.date });
      return;
    }
    default:
      unreachable(event, 'order event');
  }
}
