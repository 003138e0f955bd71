// Historic, delivered orders behind the demo patients' devices, so the order overview has a history from the first start.
// Only the fixed demo holdings get one (a handful of rows at every scale), so `large` generation is not slowed down.
import type { Address, User, Workplace } from '../../schemas/entities.ts';
import type { Order, OrderLine } from '../../schemas/orders.ts';
import { ORDER_NO_FIRST } from '../core/orders/order-index.ts';
import { plannedDates, swedishDate } from '../core/orders/working-days.ts';
import { MAIN_WAREHOUSE } from '../core/keys.ts';
import type { Tables } from '../core/state.ts';
import { DEMO_HOLDINGS, FIRST_IND_NO } from './individuals.ts';

/** Who prescribed each demo article (by the default prescribing rules); everything else was ot1's. */
const PRESCRIBER_OF: Readonly<Record<string, string>> = { '100110': 'slp1', '100104': 'pt1' };
const FIRST_PLACED_MS = Date.UTC(2025, 2, 10, 8, 30);
const DAYS_BETWEEN_ORDERS = 17;
const MS_PER_DAY = 86_400_000;

/** A delivered line of a seeded order (one unit unless `extra` says otherwise); the sale orders share it. */
export function deliveredLine(
  lineNo: number,
  artNo: string,
  dates: ReturnType<typeof plannedDates>,
  extra: Partial<OrderLine>,
): OrderLine {
  return {
    lineNo,
    artNo,
    quantity: 1,
    status: 'delivered',
    setPartOf: null,
    forIndividual: null,
    replacedFrom: null,
    purpose: null,
    note: '',
    individuals: [],
    pickDate: dates.plannedPickDate,
    dispatchedDate: dates.plannedPickDate,
    deliveredDate: dates.plannedDeliveryDate,
    ...extra,
  };
}

/** What a seeded order to a patient varies in; the rest is what a prescriber's plain order says. */
export interface SeededOrder {
  orderNo: number;
  placedMs: number;
  dates: ReturnType<typeof plannedDates>;
  user: User;
  workplace: Workplace;
  pnr: string;
  warehouse: string;
  deliveryAddress: Address;
  idempotencyKey: string;
  lines: OrderLine[];
}

/** A seeded order to a patient (the demo orders, the buffer's sale orders, components, the history scale). */
export function seededPatientOrder(o: SeededOrder): Order {
  return {
    orderNo: o.orderNo,
    placedMs: o.placedMs,
    placedDate: swedishDate(o.placedMs),
    prescriberId: o.user.id,
    workplaceId: o.workplace.id,
    customerNo: o.workplace.customerNo,
    recipient: { kind: 'patient', pnr: o.pnr },
    warehouse: o.warehouse,
    partialDelivery: false,
    deliveryAddress: o.deliveryAddress,
    temporaryAddress: false,
    contactName: o.user.name,
    contactPhone: o.user.phone,
    otherInfo: '',
    ...o.dates,
    idempotencyKey: o.idempotencyKey,
    lines: o.lines,
  };
}

/** One delivered order per demo holding (with its set parts); skipped when the tables lack the demo rows. */
export function demoOrders(tables: Tables): Order[] {
  const orders: Order[] = [];
  DEMO_HOLDINGS.forEach(([pnr, artNo], i) => {
    const indNo = FIRST_IND_NO + i;
    const individual = tables.individuals.get(indNo);
    const person = tables.persons.get(pnr);
    const article = tables.articles.get(artNo);
    const user = tables.users.get(PRESCRIBER_OF[artNo] ?? 'ot1');
    if (individual?.artNo !== artNo || person === undefined || article === undefined || user === undefined) return;
    const workplace = user.workplaces[0];
    const placedMs = FIRST_PLACED_MS + i * DAYS_BETWEEN_ORDERS * MS_PER_DAY;
    const dates = plannedDates(placedMs);
    const lines = [deliveredLine(1, artNo, dates, { individuals: article.kind === 'rental' ? [indNo] : [] })];
    for (const part of article.setParts) lines.push(deliveredLine(lines.length + 1, part, dates, { setPartOf: 1 }));
    const orderNo = ORDER_NO_FIRST + i;
    orders.push(
      seededPatientOrder({
        orderNo,
        placedMs,
        dates,
        user,
        workplace,
        pnr,
        warehouse: MAIN_WAREHOUSE,
        deliveryAddress: person.protectedIdentity ? workplace.deliveryAddress : person.address,
        idempotencyKey: `seed-${orderNo}`,
        lines,
      }),
    );
  });
  return orders;
}
