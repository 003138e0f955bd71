// A recall's holders, derived from the state as it is now (so a unit that came back shows in the warehouse): a
// rental article's covered units one by one; a sale article's stock rows and the order lines that carried it to a
// patient or care unit. Nothing is copied per unit at creation, which keeps a 50 000-unit recall one small row.
import type { Individual } from '../../../schemas/entities.ts';
import type { Recall, RecallHolderKind } from '../../../schemas/recalls.ts';
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

/** A holder as a plain literal with every field (no object spread: a 50 000-unit recall makes 50 000 of them). */
function holder(key: string, kind: RecallHolderKind, indNo: number | null, quantity: number): RecallHolder {
  return { key, kind, indNo, quantity, warehouse: null, pnr: null, customerNo: null, orderNo: null };
}

export function recallHolders(state: State, recall: Recall): RecallHolder[] {
  return state.articles.get(recall.artNo)?.kind === 'rental' ? unitHolders(state, recall) : saleHolders(state, recall);
}

function unitHolders(state: State, recall: Recall): RecallHolder[] {
  const holders: RecallHolder[] = [];
  for (const indNo of state.individualsByArticle.get(recall.artNo) ?? []) {
    const ind = state.individuals.get(indNo)!;
    if (!recallCovers(recall, ind)) continue;
    const holder = unitHolder(state, ind);
    if (holder !== null) holders.push(holder);
  }
  // The article's list is in registration order, so this is usually sorted already (checked in one pass).
  let sorted = true;
  for (let i = 1; i < holders.length && sorted; i++) sorted = holders[i - 1]!.indNo! < holders[i]!.indNo!;
  if (!sorted) holders.sort((a, b) => a.indNo! - b.indNo!);
  return holders;
}

/** The unit's holder; its order is the one that delivered it (recall-index.ts deliveredBy), or the one carrying it. */
function unitHolder(state: State, ind: Individual): RecallHolder | null {
  const at = ind.location;
  if (at.kind === 'writtenOff') return null; // scrapped before the recall: nobody holds it
  const kind: RecallHolderKind =
    at.kind === 'warehouse'
      ? state.warehouses.get(at.warehouse)?.kind === 'buffer'
        ? 'buffer'
        : 'warehouse'
      : at.kind;
  const found = holder(`i:${ind.indNo}`, kind, ind.indNo, 1);
  if (at.kind === 'warehouse') found.warehouse = at.warehouse;
  else if (at.kind === 'patient') {
    found.pnr = at.pnr;
    found.orderNo = state.recallIndex.deliveredBy.get(ind.indNo) ?? null;
  } else if (at.kind === 'careUnit') {
    found.customerNo = at.customerNo;
    found.orderNo = state.recallIndex.deliveredBy.get(ind.indNo) ?? null;
  } else found.orderNo = at.orderNo;
  return found;
}

/** A sale article: its stock in every warehouse and buffer, and every order line that delivered or carries it. */
function saleHolders(state: State, recall: Recall): RecallHolder[] {
  const holders: RecallHolder[] = [];
  for (const row of state.stockByArticle.get(recall.artNo) ?? []) {
    if (row.onHand <= 0) continue;
    const kind = state.warehouses.get(row.warehouse)?.kind === 'buffer' ? 'buffer' : 'warehouse';
    const stocked = holder(`w:${row.warehouse}`, kind, null, row.onHand);
    stocked.warehouse = row.warehouse;
    holders.push(stocked);
  }
  // Sale articles have no units to follow: the order lines are the record of who got them (a scan of the orders,
  // only for a sale article's recall).
  for (const orderNo of state.orderIndex.all) {
    const order = state.orders.get(orderNo)!;
    for (const line of order.lines) {
      if (line.artNo !== recall.artNo || (line.status !== 'delivered' && line.status !== 'dispatched')) continue;
      const to = order.recipient;
      const kind = line.status === 'dispatched' ? 'transit' : to.kind;
      const carried = holder(`o:${order.orderNo}:${line.lineNo}`, kind, null, line.quantity);
      carried.orderNo = orderNo;
      if (kind === 'patient' && to.kind === 'patient') carried.pnr = to.pnr;
      if (kind === 'careUnit' && to.kind === 'careUnit') carried.customerNo = to.customerNo;
      holders.push(carried);
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
