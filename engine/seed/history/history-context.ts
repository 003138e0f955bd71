// What every stage of the history generator shares: the tables it writes into, the next free numbers, the prescribers
// and sale articles it draws from, and the order builder, so that each order row is made the same way.
import type { User, Workplace } from '../../../schemas/entities.ts';
import type { Order, OrderLine } from '../../../schemas/orders.ts';
import type { Deviation } from '../../../schemas/deviations.ts';
import type { Loan } from '../../../schemas/loans.ts';
import type { Pickup } from '../../../schemas/pickups.ts';
import type { WorkOrder } from '../../../schemas/work-orders.ts';
import { ORDER_NO_FIRST } from '../../core/orders/order-index.ts';
import { plannedDates } from '../../core/orders/working-days.ts';
import { MAIN_WAREHOUSE } from '../../core/keys.ts';
import type { Tables } from '../../core/state.ts';
import { deliveredLine, seededPatientOrder } from '../demo-orders.ts';
import type { Prng } from '../prng.ts';
import type { HistoryCalendar } from './history-calendar.ts';

export interface HistoryContext {
  tables: Tables;
  prng: Prng;
  calendar: HistoryCalendar;
  prescribers: readonly User[];
  /** Active sale articles, drawn for the consumables on every order. */
  saleArticles: readonly string[];
  /** Who comments on work orders (HMC staff). */
  staffIds: readonly string[];
  /** Rows made in the order the generator walks (unit by unit), numbered by time at the end (numberByTime). */
  orders: Order[];
  pickups: Pickup[];
  workOrders: WorkOrder[];
  /** Each loan with the order that opened it: its number is known only after numberByTime. */
  loans: { loan: Loan; order: Order }[];
  deviations: Deviation[];
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
    orders: [],
    pickups: [],
    workOrders: [],
    loans: [],
    deviations: [],
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
  const orderNo = 0;
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
    idempotencyKey: '',
    lines,
  });
  ctx.orders.push(order);
  ctx.lines += lines.length;
  return order;
}

/** The next free number after the seed's own rows. */
function nextKey(map: Map<number, unknown>, first: number): number {
  let max = first - 1;
  for (const key of map.keys()) if (key > max) max = key;
  return max + 1;
}

/** Writes the rows into the tables, numbered in the order they were placed, as the core numbers them. */
export function numberByTime(ctx: HistoryContext): void {
  const { tables } = ctx;
  let orderNo = nextKey(tables.orders, ORDER_NO_FIRST);
  for (const order of ctx.orders.sort((a, b) => a.placedMs - b.placedMs)) {
    order.orderNo = orderNo++;
    order.idempotencyKey = `history-${order.orderNo}`;
    tables.orders.set(order.orderNo, order);
  }
  let pickupNo = nextKey(tables.pickups, 1);
  for (const pickup of ctx.pickups.sort((a, b) => a.placedMs - b.placedMs)) {
    pickup.pickupNo = pickupNo++;
    tables.pickups.set(pickup.pickupNo, pickup);
  }
  let loanNo = nextKey(tables.loans, 1);
  for (const { loan, order } of ctx.loans.sort((a, b) => a.order.placedMs - b.order.placedMs)) {
    loan.loanNo = loanNo++;
    loan.orderNo = order.orderNo;
    tables.loans.set(loan.loanNo, loan);
  }
  let deviationNo = nextKey(tables.deviations, 1);
  for (const deviation of ctx.deviations.sort((a, b) => a.createdMs - b.createdMs)) {
    deviation.deviationNo = deviationNo++;
    tables.deviations.set(deviation.deviationNo, deviation);
  }
  let woNo = nextKey(tables.workOrders, 1);
  for (const workOrder of ctx.workOrders.sort((a, b) => a.createdMs - b.createdMs)) {
    workOrder.woNo = woNo++;
    tables.workOrders.set(workOrder.woNo, workOrder);
  }
}
