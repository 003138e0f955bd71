// Care units' own orders (recipient the unit, not a patient): consumables for the ward, placed by one of the unit's
// prescribers a few times a year, delivered to the unit's address and paid by its customer number.
import { addCareUnitOrder, type HistoryContext, saleLines } from './history-context.ts';

const ORDERS_PER_YEAR_MIN = 2;
const ORDERS_PER_YEAR_MAX = 8;
const LINES_MAX = 5;
const DAYS_PER_YEAR = 365;
/** Placed this long before the end at the latest, so the order is delivered inside the window. */
const LAST_PLACEMENT_MARGIN_DAYS = 7;

/** Every care unit's orders over every year of the window; returns how many were made. */
export function addCareUnitOrders(ctx: HistoryContext): number {
  const { prng, calendar } = ctx;
  const lastDay = calendar.endDay - LAST_PLACEMENT_MARGIN_DAYS;
  let count = 0;
  for (const { user, workplace } of ctx.careUnitPlaces)
    for (let yearStart = calendar.firstDay; yearStart < lastDay; yearStart += DAYS_PER_YEAR) {
      const orders = prng.int(ORDERS_PER_YEAR_MIN, ORDERS_PER_YEAR_MAX);
      for (let i = 0; i < orders; i++) {
        const day = calendar.day(prng, yearStart, Math.min(yearStart + DAYS_PER_YEAR, lastDay));
        addCareUnitOrder(ctx, user, workplace, calendar.timeOn(prng, day), (dates) =>
          saleLines(ctx, prng.int(1, LINES_MAX), 1, dates),
        );
        count++;
      }
    }
  return count;
}
