// The returns unit's derived indexes: the sale articles each patient holds (delivered sale lines of orders to the
// patient, minus what was de-registered), units kept in each buffer after a de-registration (never prescribable),
// sent-back returns on their way to HMC, each patient's returns, and the next numbers. Built from the tables on load,
// kept current by apply (orders/apply.ts notes a delivered sale line here).
import type { Article } from '../../../schemas/entities.ts';
import type { Order } from '../../../schemas/orders.ts';
import type { ReturnedUnit, ReturnRecord } from '../../../schemas/returns.ts';
import { assert } from '../assert.ts';
import { pushTo } from '../keys.ts';

/** What a patient holds of one sale article. */
export interface SaleHolding {
  quantity: number;
  /** The newest order that delivered the article to the patient. */
  lastOrderNo: number;
  lastDeliveredDate: string | null;
}

export interface ReturnIndex {
  /** pnr → artNo → holding; a patient or article with nothing held has no entry. */
  saleByPnr: Map<string, Map<string, SaleHolding>>;
  /** Buffer warehouse → artNo → units kept there after de-registrations ("Sparade, ej förskrivningsbara"). */
  keptByBuffer: Map<string, Map<string, number>>;
  /** Sent-back returns HMC has not received, by return number. */
  pending: Set<number>;
  /** pnr → return numbers of the patient's de-registrations, oldest first. */
  returnsByPnr: Map<string, number[]>;
  /** pnr → entry numbers of rental units that came back from the patient, oldest first. */
  unitsByPnr: Map<string, number[]>;
  nextReturnNo: number;
  nextEntryNo: number;
}

/** Adds `quantity` of a delivered sale line to the patient's holding (newer orders and dates win the "last" fields). */
function addHolding(
  index: ReturnIndex,
  pnr: string,
  artNo: string,
  quantity: number,
  orderNo: number,
  date: string | null,
): void {
  let held = index.saleByPnr.get(pnr);
  if (held === undefined) {
    held = new Map();
    index.saleByPnr.set(pnr, held);
  }
  const before = held.get(artNo);
  if (before === undefined) {
    held.set(artNo, { quantity, lastOrderNo: orderNo, lastDeliveredDate: date });
    return;
  }
  const newer =
    (date ?? '') > (before.lastDeliveredDate ?? '') ||
    ((date ?? '') === (before.lastDeliveredDate ?? '') && orderNo > before.lastOrderNo);
  held.set(artNo, {
    quantity: before.quantity + quantity,
    lastOrderNo: newer ? orderNo : before.lastOrderNo,
    lastDeliveredDate: newer ? date : before.lastDeliveredDate,
  });
}

/** Takes de-registered units off a holding; a holding at zero goes (on load it may go below when a kind changed). */
function takeHolding(index: ReturnIndex, pnr: string, artNo: string, quantity: number): void {
  const held = index.saleByPnr.get(pnr);
  const before = held?.get(artNo);
  if (held === undefined || before === undefined) return;
  if (before.quantity <= quantity) held.delete(artNo);
  else held.set(artNo, { ...before, quantity: before.quantity - quantity });
  if (held.size === 0) index.saleByPnr.delete(pnr);
}

function addKept(index: ReturnIndex, warehouse: string, artNo: string, quantity: number): void {
  let kept = index.keptByBuffer.get(warehouse);
  if (kept === undefined) {
    kept = new Map();
    index.keptByBuffer.set(warehouse, kept);
  }
  kept.set(artNo, (kept.get(artNo) ?? 0) + quantity);
}

/** A new de-registration into the indexes (apply and load). */
export function indexReturn(index: ReturnIndex, record: ReturnRecord): void {
  for (const line of record.lines) {
    takeHolding(index, record.pnr, line.artNo, line.quantity);
    if (record.disposition === 'keep') addKept(index, record.warehouse, line.artNo, line.quantity);
  }
  if (record.status === 'onTheWay') index.pending.add(record.returnNo);
  pushTo(index.returnsByPnr, record.pnr, record.returnNo);
  index.nextReturnNo = Math.max(index.nextReturnNo, record.returnNo + 1);
}

export function indexReturnedUnit(index: ReturnIndex, unit: ReturnedUnit): void {
  pushTo(index.unitsByPnr, unit.pnr, unit.entryNo);
  index.nextEntryNo = Math.max(index.nextEntryNo, unit.entryNo + 1);
}

/** A sale line delivered to a patient: what they hold grows (called by orders/apply.ts). */
export function noteSaleDelivered(
  index: ReturnIndex,
  articles: ReadonlyMap<string, Article>,
  order: Order | undefined,
  lineNo: number,
): void {
  assert(order !== undefined, 'a delivered line has its order');
  const line = order.lines[lineNo - 1];
  assert(line !== undefined && line.status === 'delivered', `line ${order.orderNo}:${lineNo} is delivered`);
  if (order.recipient.kind !== 'patient' || articles.get(line.artNo)?.kind !== 'sale') return;
  addHolding(index, order.recipient.pnr, line.artNo, line.quantity, order.orderNo, line.deliveredDate);
}

/** The tables the index is built from (a structural subset of Tables, so this file does not import state.ts). */
export interface ReturnTables {
  orders: ReadonlyMap<number, Order>;
  articles: ReadonlyMap<string, Article>;
  returns: ReadonlyMap<number, ReturnRecord>;
  returnedUnits: ReadonlyMap<number, ReturnedUnit>;
}

export function buildReturnIndex(tables: ReturnTables): ReturnIndex {
  const index: ReturnIndex = {
    saleByPnr: new Map(),
    keptByBuffer: new Map(),
    pending: new Set(),
    returnsByPnr: new Map(),
    unitsByPnr: new Map(),
    nextReturnNo: 1,
    nextEntryNo: 1,
  };
  for (const order of tables.orders.values()) {
    if (order.recipient.kind !== 'patient') continue;
    for (const line of order.lines) {
      if (line.status !== 'delivered' || tables.articles.get(line.artNo)?.kind !== 'sale') continue;
      addHolding(index, order.recipient.pnr, line.artNo, line.quantity, order.orderNo, line.deliveredDate);
    }
  }
  const records = [...tables.returns.values()].sort((a, b) => a.returnNo - b.returnNo);
  for (const record of records) indexReturn(index, record);
  const units = [...tables.returnedUnits.values()].sort((a, b) => a.entryNo - b.entryNo);
  for (const unit of units) indexReturnedUnit(index, unit);
  return index;
}

/** Units of an article kept in a buffer (not prescribable). */
export function keptIn(index: ReturnIndex, warehouse: string, artNo: string): number {
  return index.keptByBuffer.get(warehouse)?.get(artNo) ?? 0;
}
