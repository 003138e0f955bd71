// Issue 15, returns: delivered withdrawals of sale articles from ot1's buffer B101 to demo patients, so the patient
// view lists sale articles (Förbrukningsartiklar) and Retur av hjälpmedel has something to de-register from the start.
import type { Order } from '../../schemas/orders.ts';
import { ORDER_NO_FIRST } from '../core/orders/order-index.ts';
import { plannedDates } from '../core/orders/working-days.ts';
import type { Tables } from '../core/state.ts';
import { deliveredLine, seededPatientOrder } from './demo-orders.ts';
import { DEMO_PNR } from './demo-persons.ts';
import { DEMO_HOLDINGS } from './individuals.ts';
import { DEMO_BUFFER_WAREHOUSE } from './warehouses.ts';

/** Patient and the sale articles (artNo, quantity) ot1 gave them from B101, one order each. */
const DEMO_SALE_WITHDRAWALS: ReadonlyArray<readonly [pnr: string, lines: ReadonlyArray<readonly [string, number]>]> = [
  [
    DEMO_PNR.erik,
    [
      ['100124', 2],
      ['100105', 1],
    ],
  ],
  [
    DEMO_PNR.tolvan,
    [
      ['100107', 1],
      ['100124', 1],
    ],
  ],
];
const FIRST_PLACED_MS = Date.UTC(2025, 8, 15, 9, 0);
const DAYS_BETWEEN_ORDERS = 9;
const MS_PER_DAY = 86_400_000;

/** Skipped when the tables lack ot1, B101 or the articles (small test seeds). */
export function demoSaleOrders(tables: Tables): Order[] {
  const user = tables.users.get('ot1');
  const workplace = user?.workplaces.find((w) => w.bufferWarehouse === DEMO_BUFFER_WAREHOUSE);
  if (user === undefined || workplace === undefined) return [];
  const orders: Order[] = [];
  DEMO_SALE_WITHDRAWALS.forEach(([pnr, wanted], i) => {
    if (!tables.persons.has(pnr) || wanted.some(([artNo]) => tables.articles.get(artNo)?.kind !== 'sale')) return;
    const placedMs = FIRST_PLACED_MS + i * DAYS_BETWEEN_ORDERS * MS_PER_DAY;
    const dates = plannedDates(placedMs);
    const orderNo = ORDER_NO_FIRST + DEMO_HOLDINGS.length + i;
    orders.push(
      seededPatientOrder({
        orderNo,
        placedMs,
        dates,
        user,
        workplace,
        pnr,
        warehouse: DEMO_BUFFER_WAREHOUSE,
        deliveryAddress: workplace.deliveryAddress,
        idempotencyKey: `seed-${orderNo}`,
        lines: wanted.map(([artNo, quantity], n) => deliveredLine(n + 1, artNo, dates, { quantity })),
      }),
    );
  });
  return orders;
}
