// The consumables every device user orders through the years: 1–3 orders a year with sale lines only, on the days
// the calendar's rhythm gives, so a user's order list grows the way a real one does.
import type { HistoryContext } from './history-context.ts';
import { addPatientOrder, saleLines } from './history-context.ts';

const ORDERS_PER_YEAR_MIN = 1;
const ORDERS_PER_YEAR_MAX = 3;
const SALE_LINES_MIN = 1;
const SALE_LINES_MAX = 4;
const DAYS_PER_YEAR = 365;
/** The last order is placed at least this many days before the end, so it is delivered inside the window. */
const LAST_PLACEMENT_MARGIN_DAYS = 7;

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
    for (const day of days) {
      addPatientOrder(ctx, pnr, calendar.timeOn(prng, day), (dates) =>
        saleLines(ctx, prng.int(SALE_LINES_MIN, SALE_LINES_MAX), 1, dates),
      );
    }
  }
}
