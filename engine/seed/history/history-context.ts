// What every stage of the history generator shares: the tables it writes into, the provisional numbers and times of
// the rows made so far (time-order.ts), the prescribers and sale articles it draws from, and the order builder, so
// that each order row is made the same way. Rows go into the tables at once: the generator keeps no row objects.
import type { User, Workplace } from '../../../schemas/entities.ts';
import type { Order, OrderLine } from '../../../schemas/orders.ts';
import { MESSAGE_NO_FIRST, ORDER_NO_FIRST } from '../../core/orders/order-index.ts';
import { type PlannedDates, plannedDates } from '../../core/orders/working-days.ts';
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
  /** Prescribers at a workplace with a buffer warehouse, and the sale articles that buffer stocks. */
  bufferPlaces: readonly BufferPlace[];
  /** Every workplace a prescriber has, with one of its prescribers (who places the unit's own orders). */
  careUnitPlaces: readonly { user: User; workplace: Workplace }[];
  /** Rows made in the order the generator walks (unit by unit), under provisional numbers; numbered by time at the
   * end (numberByTime). A loan's time is its order's placement, so loans are numbered as their orders. */
  orders: TimeOrder;
  pickups: TimeOrder;
  workOrders: TimeOrder;
  loans: TimeOrder;
  deviations: TimeOrder;
  messages: TimeOrder;
  /** Provisional numbers of the orders HMC delivered later than planned (their messages are made after numbering). */
  movedDates: number[];
  lines: number;
}

export interface BufferPlace {
  user: User;
  workplace: Workplace;
  articles: readonly string[];
}

/** Active sale articles each buffer warehouse has a stock row of (what a withdrawal may take). */
function bufferSaleArticles(tables: Tables): Map<string, string[]> {
  const byBuffer = new Map<string, string[]>();
  for (const row of tables.stock.values()) {
    const article = tables.articles.get(row.artNo);
    if (tables.warehouses.get(row.warehouse)?.kind !== 'buffer' || article?.kind !== 'sale') continue;
    if (article.status !== 'active') continue;
    const list = byBuffer.get(row.warehouse);
    if (list === undefined) byBuffer.set(row.warehouse, [row.artNo]);
    else list.push(row.artNo);
  }
  return byBuffer;
}

function places(tables: Tables, prescribers: readonly User[]) {
  const buffers = bufferSaleArticles(tables);
  const bufferPlaces: BufferPlace[] = [];
  const careUnits = new Map<string, { user: User; workplace: Workplace }>();
  for (const user of prescribers)
    for (const workplace of user.workplaces) {
      if (!careUnits.has(workplace.id)) careUnits.set(workplace.id, { user, workplace });
      const articles = workplace.bufferWarehouse === null ? undefined : buffers.get(workplace.bufferWarehouse);
      if (articles !== undefined) bufferPlaces.push({ user, workplace, articles });
    }
  return { bufferPlaces, careUnitPlaces: [...careUnits.values()] };
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
    ...places(tables, prescribers),
    orders: new TimeOrder(nextKey(tables.orders, ORDER_NO_FIRST)),
    pickups: new TimeOrder(nextKey(tables.pickups, 1)),
    workOrders: new TimeOrder(nextKey(tables.workOrders, 1)),
    loans: new TimeOrder(nextKey(tables.loans, 1)),
    deviations: new TimeOrder(nextKey(tables.deviations, 1)),
    messages: new TimeOrder(nextKey(tables.messages, MESSAGE_NO_FIRST)),
    movedDates: [],
    lines: 0,
  };
}

/** A prescriber and one of their workplaces. */
export function drawPrescriber(ctx: HistoryContext): { user: User; workplace: Workplace } {
  const user = ctx.prng.pick(ctx.prescribers);
  return { user, workplace: ctx.prng.pick(user.workplaces) };
}

/** Tries to draw an article not on the order yet (the core refuses a duplicate line) before giving up on a line. */
const DISTINCT_DRAWS_MAX = 8;

/** `count` sale lines (quantity 1–4, distinct articles from `articles`) numbered from `firstLineNo`. */
export function saleLines(
  ctx: HistoryContext,
  count: number,
  firstLineNo: number,
  dates: PlannedDates,
  articles: readonly string[] = ctx.saleArticles,
): OrderLine[] {
  const lines: OrderLine[] = [];
  if (articles.length === 0) return lines;
  const taken = new Set<string>();
  for (let i = 0; i < count; i++) {
    let artNo = ctx.prng.pick(articles);
    for (let draw = 1; taken.has(artNo) && draw < DISTINCT_DRAWS_MAX; draw++) artNo = ctx.prng.pick(articles);
    if (taken.has(artNo)) continue;
    taken.add(artNo);
    lines.push(deliveredLine(firstLineNo + lines.length, artNo, dates, { quantity: ctx.prng.int(1, 4) }));
  }
  return lines;
}

/** Who places an order, for which workplace, from which warehouse, with which dates (by default: a drawn prescriber,
 * the main warehouse and the dates planned at placement). */
export interface Placement {
  user: User;
  workplace: Workplace;
  warehouse: string;
  dates: PlannedDates;
}

function placementOf(ctx: HistoryContext, placedMs: number, given: Partial<Placement>): Placement {
  const drawn = given.user === undefined ? drawPrescriber(ctx) : { user: given.user, workplace: given.workplace! };
  return { ...drawn, warehouse: MAIN_WAREHOUSE, dates: plannedDates(placedMs), ...given };
}

function writeOrder(ctx: HistoryContext, order: Order): Order {
  ctx.tables.orders.set(order.orderNo, order);
  ctx.lines += order.lines.length;
  return order;
}

/** An order to a patient placed at `placedMs` (delivered unless the lines say otherwise), its lines already made. A
 * withdrawal from a buffer goes to the workplace, as the demo's buffer orders do. */
export function addPatientOrder(
  ctx: HistoryContext,
  pnr: string,
  placedMs: number,
  makeLines: (dates: PlannedDates) => OrderLine[],
  given: Partial<Placement> = {},
): Order {
  const person = ctx.tables.persons.get(pnr);
  if (person === undefined) throw new Error(`history seed: no person ${pnr}`);
  const { user, workplace, warehouse, dates } = placementOf(ctx, placedMs, given);
  const orderNo = ctx.orders.add(placedMs);
  const lines = makeLines(dates);
  const toWorkplace = person.protectedIdentity || warehouse !== MAIN_WAREHOUSE;
  const order = seededPatientOrder({
    orderNo,
    placedMs,
    dates,
    user,
    workplace,
    pnr,
    warehouse,
    deliveryAddress: toWorkplace ? workplace.deliveryAddress : person.address,
    idempotencyKey: `history-${orderNo}`,
    lines,
  });
  return writeOrder(ctx, order);
}

/** A care unit's own order (recipient the unit, paid by its customer number), delivered to the unit. */
export function addCareUnitOrder(
  ctx: HistoryContext,
  user: User,
  workplace: Workplace,
  placedMs: number,
  makeLines: (dates: PlannedDates) => OrderLine[],
): Order {
  const dates = plannedDates(placedMs);
  const orderNo = ctx.orders.add(placedMs);
  const order = seededPatientOrder({
    orderNo,
    placedMs,
    dates,
    user,
    workplace,
    pnr: '',
    warehouse: MAIN_WAREHOUSE,
    deliveryAddress: workplace.deliveryAddress,
    idempotencyKey: `history-${orderNo}`,
    lines: makeLines(dates),
  });
  return writeOrder(ctx, { ...order, recipient: { kind: 'careUnit', customerNo: workplace.customerNo } });
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
export function numberByTime(ctx: HistoryContext): Int32Array {
  const { tables } = ctx;
  // Each row is moved once, so changing the row got from the table before setting it is safe (and makes no garbage).
  const orderRank = renumberByTime(tables.orders, ctx.orders, (order, orderNo) =>
    Object.assign(order, { orderNo, idempotencyKey: `history-${orderNo}` }),
  );
  renumberByTime(tables.loans, ctx.loans, (loan, loanNo) =>
    Object.assign(loan, { loanNo, orderNo: TimeOrder.finalNo(ctx.orders, orderRank, loan.orderNo) }),
  );
  renumberByTime(tables.pickups, ctx.pickups, (pickup, pickupNo) => Object.assign(pickup, { pickupNo }));
  renumberByTime(tables.deviations, ctx.deviations, (deviation, deviationNo) =>
    Object.assign(deviation, { deviationNo }),
  );
  renumberByTime(tables.workOrders, ctx.workOrders, (workOrder, woNo) => Object.assign(workOrder, { woNo }));
  return orderRank;
}
