// A recall's holders, derived from the state as it is now (so a unit that came back shows in the warehouse): a
// rental article's covered units one by one; a sale article's stock rows and the order lines that carried it to a
// patient or care unit. Nothing is copied per unit at creation, which keeps a 50 000-unit recall one small row.
import type { Individual } from '../../../schemas/entities.ts';
import type { Recall, RecallHolderKind } from '../../../schemas/recalls.ts';
import type { Order } from '../../../schemas/orders.ts';
import { recallCovers } from './blocks.ts';
import type { State } from '../state.ts';

export interface RecallHolder {
  /** Key of its progress row (schemas/recalls.ts RecallHolderKey). */
  key: string;
  kind: RecallHolderKind;
  /** The unit (rental), or null for a sale article's quantity. */
  indNo: number | null;
  quantity: number;
  warehouse: string | null;
  pnr: string | null;
  customerNo: string | null;
  /** The order that delivered it (or carries it now); null when Aidstock does not know (units seeded as held). */
  orderNo: number | null;
}

const blank = { indNo: null, quantity: 1, warehouse: null, pnr: null, customerNo: null, orderNo: null };

export function recallHolders(state: State, recall: Recall): RecallHolder[] {
  return state.articles.get(recall.artNo)?.kind === 'rental' ? unitHolders(state, recall) : saleHolders(state, recall);
}

/** The delivering order of each unit, found by scanning a holder's orders once (patients hold few; units of one
 * care unit share its scan). */
class DeliveringOrders {
  private readonly byHolder = new Map<string, Map<number, number>>();
  constructor(
    private readonly state: State,
    private readonly artNo: string,
  ) {}

  of(holderId: string, orderNos: readonly number[] | undefined, indNo: number): number | null {
    let units = this.byHolder.get(holderId);
    if (units === undefined) {
      units = new Map();
      for (const orderNo of orderNos ?? []) this.note(units, this.state.orders.get(orderNo)!);
      this.byHolder.set(holderId, units);
    }
    return units.get(indNo) ?? null;
  }

  private note(units: Map<number, number>, order: Order): void {
    for (const line of order.lines) {
      if (line.artNo !== this.artNo || line.status !== 'delivered') continue;
      for (const indNo of line.individuals) units.set(indNo, order.orderNo);
    }
  }
}

function unitHolders(state: State, recall: Recall): RecallHolder[] {
  const holders: RecallHolder[] = [];
  const delivering = new DeliveringOrders(state, recall.artNo);
  for (const indNo of state.individualsByArticle.get(recall.artNo) ?? []) {
    const ind = state.individuals.get(indNo)!;
    if (!recallCovers(recall, ind)) continue;
    const holder = unitHolder(state, ind, delivering);
    if (holder !== null) holders.push(holder);
  }
  holders.sort((a, b) => a.indNo! - b.indNo!);
  return holders;
}

function unitHolder(state: State, ind: Individual, delivering: DeliveringOrders): RecallHolder | null {
  const base = { ...blank, key: `i:${ind.indNo}`, indNo: ind.indNo };
  const at = ind.location;
  switch (at.kind) {
    case 'warehouse': {
      const kind = state.warehouses.get(at.warehouse)?.kind === 'buffer' ? 'buffer' : 'warehouse';
      return { ...base, kind, warehouse: at.warehouse };
    }
    case 'patient': {
      const orderNo = delivering.of(`p${at.pnr}`, state.orderIndex.byPnr.get(at.pnr), ind.indNo);
      return { ...base, kind: 'patient', pnr: at.pnr, orderNo };
    }
    case 'careUnit': {
      const orderNo = delivering.of(`c${at.customerNo}`, state.orderIndex.byCustomer.get(at.customerNo), ind.indNo);
      return { ...base, kind: 'careUnit', customerNo: at.customerNo, orderNo };
    }
    case 'transit':
      return { ...base, kind: 'transit', orderNo: at.orderNo };
    case 'writtenOff':
      return null; // scrapped before the recall: nobody holds it
  }
}

/** A sale article: its stock in every warehouse and buffer, and every order line that delivered or carries it. */
function saleHolders(state: State, recall: Recall): RecallHolder[] {
  const holders: RecallHolder[] = [];
  for (const row of state.stockByArticle.get(recall.artNo) ?? []) {
    if (row.onHand <= 0) continue;
    const kind = state.warehouses.get(row.warehouse)?.kind === 'buffer' ? 'buffer' : 'warehouse';
    holders.push({ ...blank, key: `w:${row.warehouse}`, kind, quantity: row.onHand, warehouse: row.warehouse });
  }
  // Sale articles have no units to follow: the order lines are the record of who got them (a scan of the orders,
  // only for a sale article's recall).
  for (const orderNo of state.orderIndex.all) {
    const order = state.orders.get(orderNo)!;
    for (const line of order.lines) {
      if (line.artNo !== recall.artNo || (line.status !== 'delivered' && line.status !== 'dispatched')) continue;
      const key = `o:${order.orderNo}:${line.lineNo}`;
      const quantity = line.quantity;
      if (line.status === 'dispatched') holders.push({ ...blank, key, kind: 'transit', quantity, orderNo });
      else if (order.recipient.kind === 'patient')
        holders.push({ ...blank, key, kind: 'patient', quantity, pnr: order.recipient.pnr, orderNo });
      else holders.push({ ...blank, key, kind: 'careUnit', quantity, customerNo: order.recipient.customerNo, orderNo });
    }
  }
  return holders;
}

/** Whether a holder key names a holder this recall can have (checked before a progress row is written). */
export function holderKeyBelongs(state: State, recall: Recall, key: string): boolean {
  const parts = key.split(':');
  if (parts[0] === 'i') {
    const ind = state.individuals.get(Number(parts[1]));
    return ind !== undefined && recallCovers(recall, ind);
  }
  if (state.articles.get(recall.artNo)?.kind === 'rental') return false;
  if (parts[0] === 'w') return state.warehouses.has(parts[1]!);
  const order = state.orders.get(Number(parts[1]));
  return order?.lines[Number(parts[2]) - 1]?.artNo === recall.artNo;
}
