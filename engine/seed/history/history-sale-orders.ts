// The consumables every device user orders through the years: 1–3 orders a year with sale lines only, on the days
// the calendar's rhythm gives, so a user's order list grows the way a real one does. Some are withdrawals from the
// prescriber's buffer warehouse, some waited as a backorder (restorder) before HMC served them, and on some HMC moved
// the delivery date (the prescriber got a message about it: history-messages.ts finds them by their dates).
import { NOTE_NO_STOCK } from '../../core/orders/plan-order.ts';
import { addWorkingDays, dateToDayNo, dayNoToDate, plannedDates } from '../../core/orders/working-days.ts';
import type { Order } from '../../../schemas/orders.ts';
import type { HistoryContext } from './history-context.ts';
import { addPatientOrder, saleLines } from './history-context.ts';

const ORDERS_PER_YEAR_MIN = 1;
const ORDERS_PER_YEAR_MAX = 3;
const SALE_LINES_MIN = 1;
const SALE_LINES_MAX = 4;
const DAYS_PER_YEAR = 365;
/** The last order is placed at least this many days before the end, so it is delivered inside the window. */
const LAST_PLACEMENT_MARGIN_DAYS = 7;
/** Shares of the consumable orders: taken from the buffer, served after a wait as backorder, delivery date moved. */
export const BUFFER_WITHDRAWAL_SHARE = 0.08;
export const SERVED_BACKORDER_SHARE = 0.03;
export const DATE_MOVED_SHARE = 0.03;
/** Working days a served backorder waited, and the most a moved delivery date moved. */
const BACKORDER_WAIT_WORKING_DAYS_MIN = 3;
const BACKORDER_WAIT_WORKING_DAYS_MAX = 25;
const DATE_MOVED_WORKING_DAYS_MAX = 5;
/** A backorder or a moved date is only drawn this long before the end, so it is still delivered inside the window. */
const LATE_CHANGE_MARGIN_DAYS = 45;
const MS_PER_DAY = 86_400_000;
/** Served in office hours on the day stock came in (UTC; see history-calendar.ts). */
const SERVED_HOUR_UTC = 9;

/** A withdrawal from a buffer by one of the prescribers who work at it. */
function addBufferWithdrawal(ctx: HistoryContext, pnr: string, placedMs: number): void {
  const place = ctx.prng.pick(ctx.bufferPlaces);
  const { user, workplace, articles } = place;
  addPatientOrder(ctx, pnr, placedMs, (dates) => saleLines(ctx, ctx.prng.int(SALE_LINES_MIN, 2), 1, dates, articles), {
    user,
    workplace,
    warehouse: workplace.bufferWarehouse!,
  });
}

/** An order whose first line had no stock: it waited as a backorder, HMC served it and it went out on new dates. */
function addServedBackorder(ctx: HistoryContext, pnr: string, placedMs: number, placedDay: number): void {
  const servedDay = addWorkingDays(
    placedDay,
    ctx.prng.int(BACKORDER_WAIT_WORKING_DAYS_MIN, BACKORDER_WAIT_WORKING_DAYS_MAX),
  );
  const dates = plannedDates(servedDay * MS_PER_DAY + SERVED_HOUR_UTC * 3_600_000);
  addPatientOrder(
    ctx,
    pnr,
    placedMs,
    (d) => {
      const lines = saleLines(ctx, ctx.prng.int(SALE_LINES_MIN, SALE_LINES_MAX), 1, d);
      lines[0] = { ...lines[0], note: NOTE_NO_STOCK };
      return lines;
    },
    { dates },
  );
}

/** An order HMC delivered later than planned (order.setDeliveryDate before delivery). */
function addMovedDate(ctx: HistoryContext, pnr: string, placedMs: number): Order {
  const planned = plannedDates(placedMs);
  const moved = addWorkingDays(dateToDayNo(planned.plannedDeliveryDate), ctx.prng.int(1, DATE_MOVED_WORKING_DAYS_MAX));
  const dates = { ...planned, plannedDeliveryDate: dayNoToDate(moved) };
  const order = addPatientOrder(
    ctx,
    pnr,
    placedMs,
    (d) => saleLines(ctx, ctx.prng.int(SALE_LINES_MIN, SALE_LINES_MAX), 1, d),
    { dates },
  );
  ctx.movedDates.push(order.orderNo);
  return order;
}

function addConsumableOrder(ctx: HistoryContext, pnr: string, day: number): void {
  const { prng, calendar } = ctx;
  const placedMs = calendar.timeOn(prng, day);
  const u = prng.next();
  const early = day < calendar.endDay - LATE_CHANGE_MARGIN_DAYS;
  if (u < BUFFER_WITHDRAWAL_SHARE && ctx.bufferPlaces.length > 0) addBufferWithdrawal(ctx, pnr, placedMs);
  else if (u < BUFFER_WITHDRAWAL_SHARE + SERVED_BACKORDER_SHARE && early) addServedBackorder(ctx, pnr, placedMs, day);
  else if (u < BUFFER_WITHDRAWAL_SHARE + SERVED_BACKORDER_SHARE + DATE_MOVED_SHARE && early)
    addMovedDate(ctx, pnr, placedMs);
  else
    addPatientOrder(ctx, pnr, placedMs, (dates) => saleLines(ctx, prng.int(SALE_LINES_MIN, SALE_LINES_MAX), 1, dates));
}

/** Sale orders of one user over every year of the window. */
export function addSaleOrders(ctx: HistoryContext, pnr: string): void {
  const { prng, calendar } = ctx;
  const lastDay = calendar.endDay - LAST_PLACEMENT_MARGIN_DAYS;
  for (let yearStart = calendar.firstDay; yearStart < lastDay; yearStart += DAYS_PER_YEAR) {
    const count = prng.int(ORDERS_PER_YEAR_MIN, ORDERS_PER_YEAR_MAX);
    const days: number[] = [];
    for (let i = 0; i < count; i++)
      days.push(calendar.day(prng, yearStart, Math.min(yearStart + DAYS_PER_YEAR, lastDay)));
    days.sort((a, b) => a - b);
    for (const day of days) addConsumableOrder(ctx, pnr, day);
  }
}
