// The returns unit's derived indexes: units kept in each buffer after a de-registration (never prescribable),
// sent-back returns on their way to HMC, each patient's returns and returned units, and the next numbers. Built from
// the tables on load, kept current by apply. What a patient holds is worked out when asked (sale-holdings.ts).
import type { ReturnedUnit, ReturnRecord } from '../../../schemas/returns.ts';
import { pushTo } from '../keys.ts';

/** What a patient holds of one sale article. */
export interface SaleHolding {
  quantity: number;
  /** The newest order that delivered the article to the patient. */
  lastOrderNo: number;
  lastDeliveredDate: string | null;
}

export interface ReturnIndex {
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

/** The tables the index is built from (a structural subset of Tables, so this file does not import state.ts). */
export interface ReturnTables {
  returns: ReadonlyMap<number, ReturnRecord>;
  returnedUnits: ReadonlyMap<number, ReturnedUnit>;
}

export function buildReturnIndex(tables: ReturnTables): ReturnIndex {
  const index: ReturnIndex = {
    keptByBuffer: new Map(),
    pending: new Set(),
    returnsByPnr: new Map(),
    unitsByPnr: new Map(),
    nextReturnNo: 1,
    nextEntryNo: 1,
  };
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
