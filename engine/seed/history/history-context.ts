// What every stage of the history generator shares: the tables it writes into, the provisional numbers and times of
// the rows made so far (time-order.ts), the prescribers and sale articles it draws from, and the order builder, so
// that each order row is made the same way. Rows go into the tables at once: the generator keeps no row objects.
import type { User, Workplace } from '../../../schemas/entities.ts';
import type { Order, OrderLine } from '../../../schemas/orders.ts';
import { MESSAGE_NO_FIRST, ORDER_NO_FIRST } from '../../core/orders/order-index.ts';
import { plannedDates } from '../../core/orders/working-days.ts';
import { MAIN_WAREHOUSE } from '../../core/keys.ts';
import type { Tables } from '../../core/state.ts';
import { deliveredLine, seededPatientOrder } from '../demo-orders.ts';
import type { Prng } from '../prng.ts';
import type { HistoryCalendar } from './history-calendar.ts';
import { renumberByTime, TimeOrder } from './time-order.ts';

export interface HistoryContext {
  tables: Tables;
  prng: Prng;
  calendar: HistoryCalendar;
  prescribers: readonly User[];
  /** Active sale articles, drawn for the consumables on every order. */
  saleArticles: readonly string[];
  /** Who comments on work orders (HMC staff). */
  staffIds: readonly string[];
  /** Rows made in the order the generator walks (unit by unit), under provisional numbers; numbered by time at the
   * end (numberByTime). A loan's time is its order's placement, so loans are numbered as their orders. */
  orders: TimeOrder;
  pickups: TimeOrder;
  workOrders: TimeOrder;
  loans: TimeOrder;
  deviations: TimeOrder;
  messages: TimeOrder;
  lines: number;
}

export function historyContext(tables: Tables, prng: Prng, calendar: HistoryCalendar): HistoryContext {
  const prescribers = [...tables.users.values()].filter(
    (u) => u.roles.includes('prescriber') && u.workplaces.length > 0,
  );
  if (prescribers.length === 0) throw new Error('history seed needs prescribers');
  const saleArticles: string[] = [];
  for (const a of tables.articles.values()) if (a.kind === 'sale' && a.status === 'active') saleArticles.push(a.artNo);
  const staffIds = [...tables.users.values()].filter((u) => u.roles.includes('staff')).map((u) => u.id);
  return {
    tables,
    prng,
    calendar,
    prescribers,
    saleArticles,
    staffIds: staffIds.length > 0 ? staffIds : [prescribers[0].id],
    orders: new TimeOrder(nextKey(tables.orders, ORDER_NO_FIRST)),
    pickups: new TimeOrder(nextKey(tables.pickups, 1)),
    workOrders: new TimeOrder(nextKey(tables.workOrders, 1)),
    loans: new TimeOrder(nextKey(tables.loans, 1)),
    deviations: new TimeOrder(nextKey(tables.deviations, 1)),
    messages: new TimeOrder(nextKey(tables.messages, MESSAGE_NO_FIRST)),
    lines: 0,
  };
}

/** A prescriber and one of their workplaces. */
export function drawPrescriber(ctx: HistoryContext): { user: User; workplace: Workplace } {
  const user = ctx.prng.pick(ctx.prescribers);
  return { user, workplace: ctx.prng.pick(user.workplaces) };
}

/** 0–`max` sale lines (quantity 1–4) numbered after `firstLineNo`. */
export function saleLines(
  ctx: HistoryContext,
  count: number,
  firstLineNo: number,
  dates: ReturnType<typeof plannedDates>,
): OrderLine[] {
  const lines: OrderLine[] = [];
  if (ctx.saleArticles.length === 0) return lines;
  for (let i = 0; i < count; i++) {
    const artNo = ctx.prng.pick(ctx.saleArticles);
    lines.push(deliveredLine(firstLineNo + i, artNo, dates, { quantity: ctx.prng.int(1, 4) }));
  }
  return lines;
}

/** A delivered order to a patient, placed at `placedMs` from the main warehouse, with its lines already made. */
export function addPatientOrder(
  ctx: HistoryContext,
  pnr: string,
  placedMs: number,
  makeLines: (dates: ReturnType<typeof plannedDates>) => OrderLine[],
): Order {
  const person = ctx.tables.persons.get(pnr);
  if (person === undefined) throw new Error(`history seed: no person ${pnr}`);
  const { user, workplace } = drawPrescriber(ctx);
  const dates = plannedDates(placedMs);
  const orderNo = ctx.orders.add(placedMs);
  const lines = makeLines(dates);
  const order = seededPatientOrder({
    orderNo,
    placedMs,
    dates,
    user,
    workplace,
    pnr,
    warehouse: MAIN_WAREHOUSE,
    deliveryAddress: person.protectedIdentity ? workplace.deliveryAddress : person.address,
    idempotencyKey: `history-${orderNo}`,
    lines,
  });
  ctx.tables.orders.set(orderNo, order);
  ctx.lines += lines.length;
  return order;
}

/** The next free number after the seed's own rows. */
function nextKey(map: Map<number, unknown>, first: number): number {
  let max = first - 1;
  for (const key of map.keys()) if (key > max) max = key;
  return max + 1;
}

/**
 * Renumbers the rows in the order they were placed, as the core numbers them; a loan follows its order to its final
 * number. Returns the orders' ranks, so later stages can map a provisional order number to its final one.
 */
export function numberByTime(ctx: HistoryContext): void {
  const { tables } = ctx;
  const orderRank = renumberByTime(tables.orders, ctx.orders, (order, orderNo) => ({
    ...order,
    orderNo,
    idempotencyKey: `history-${orderNo}`,
  }));
  renumberByTime(tables.loans, ctx.loans, (loan, loanNo) => ({
    ...loan,
    loanNo,
    orderNo: TimeOrder.finalNo(ctx.orders, orderRank, loan.orderNo),
  }));
  renumberByTime(tables.pickups, ctx.pickups, (pickup, pickupNo) => ({ ...pickup, pickupNo }));
  renumberByTime(tables.deviations, ctx.deviations, (deviation, deviationNo) => ({ ...deviation, deviationNo }));
  renumberByTime(tables.workOrders, ctx.workOrders, (workOrder, woNo) => ({ ...workOrder, woNo }));
}
