// The sale articles one patient holds, worked out when asked: the delivered sale lines of the patient's orders, minus
// what was de-registered. An index of every patient's holdings cost 374 MB and 19 s of a restart after ten years of
// history (issue 16); one patient's orders are a few dozen rows, decoded in microseconds for patient.get and for
// return.register. Deliveries first, then returns in number order: the same sums a restart always built.
import type { Order } from '../../../schemas/orders.ts';
import type { State } from '../state.ts';
import type { SaleHolding } from './return-index.ts';

/**
 * artNo → what the patient holds of it; articles with nothing held are left out. `orders`: the patient's orders if
 * the caller has them decoded already (patient.get).
 */
export function saleHoldingsOf(state: State, pnr: string, orders?: readonly Order[]): Map<string, SaleHolding> {
  const held = new Map<string, SaleHolding>();
  const patientOrders = orders ?? (state.orderIndex.byPnr.get(pnr) ?? []).map((orderNo) => state.orders.get(orderNo)!);
  for (const order of patientOrders) {
    const orderNo = order.orderNo;
    for (const line of order.lines) {
      if (line.status !== 'delivered' || state.articles.get(line.artNo)?.kind !== 'sale') continue;
      addDelivered(held, line.artNo, line.quantity, orderNo, line.deliveredDate);
    }
  }
  for (const returnNo of state.returnIndex.returnsByPnr.get(pnr) ?? []) {
    for (const line of state.returns.get(returnNo)!.lines) {
      const before = held.get(line.artNo);
      if (before === undefined) continue;
      // A holding never goes below zero (it could only if an article's kind changed after delivery).
      if (before.quantity <= line.quantity) held.delete(line.artNo);
      else before.quantity -= line.quantity;
    }
  }
  return held;
}

/** Newer delivery dates (then higher order numbers) win the "last" fields. */
function addDelivered(
  held: Map<string, SaleHolding>,
  artNo: string,
  quantity: number,
  orderNo: number,
  date: string | null,
): void {
  const before = held.get(artNo);
  if (before === undefined) {
    held.set(artNo, { quantity, lastOrderNo: orderNo, lastDeliveredDate: date });
    return;
  }
  before.quantity += quantity;
  const newer =
    (date ?? '') > (before.lastDeliveredDate ?? '') ||
    ((date ?? '') === (before.lastDeliveredDate ?? '') && orderNo > before.lastOrderNo);
  if (newer) {
    before.lastOrderNo = orderNo;
    before.lastDeliveredDate = date;
  }
}
