// The state the recall bench measures on: the generated demo (or large) data plus one rental article with `units`
// individuals spread as a recall meets them in life: most with patients, each delivered by an order of a real
// prescriber (one order per one to four units), some with care units, some on the shelf in warehouse 10. Written
// straight into an LMDB data dir, so the engine starts on it as on any existing store.
import { stockKey } from '../../engine/core/keys.ts';
import type { Tables } from '../../engine/core/state.ts';
import { generateTables, type SeedScale } from '../../engine/seed/generate.ts';
import { writeTables } from '../../engine/seed/seed-store.ts';
import { LmdbStore } from '../../engine/store/lmdb-store.ts';
import type { Individual } from '../../schemas/entities.ts';
import type { Order, OrderLine } from '../../schemas/orders.ts';

export interface RecallState {
  artNo: string;
  units: number;
  /** Units per holder kind as placed. */
  patients: number;
  careUnits: number;
  shelf: number;
  orders: number;
  prescribers: number;
}

const FIRST_ORDER_NO = 5_000_001;
const DAY = '2026-06-01';

function line(artNo: string, individuals: number[]): OrderLine {
  return {
    lineNo: 1,
    artNo,
    quantity: individuals.length,
    status: 'delivered',
    setPartOf: null,
    forIndividual: null,
    replacedFrom: null,
    purpose: null,
    note: '',
    individuals,
    pickDate: DAY,
    dispatchedDate: DAY,
    deliveredDate: DAY,
  };
}

/** Adds the article's units and their delivering orders to `tables`; deterministic (no randomness needed). */
export function addRecallUnits(tables: Tables, units: number): RecallState {
  const article = [...tables.articles.values()].find((a) => a.kind === 'rental' && a.setParts.length === 0)!;
  const prescribers = [...tables.users.values()].filter(
    (u) => u.roles.includes('prescriber') && u.workplaces.length > 0,
  );
  const patients = [...tables.persons.values()].filter((p) => p.countyCode === '13' && !p.protectedIdentity);
  let indNo = 1;
  for (const key of tables.individuals.keys()) if (key >= indNo) indNo = key + 1; // no spread: 2 M keys at large
  let orderNo = FIRST_ORDER_NO;
  const state: RecallState = {
    artNo: article.artNo,
    units,
    patients: 0,
    careUnits: 0,
    shelf: 0,
    orders: 0,
    prescribers: 0,
  };
  const used = new Set<string>();
  for (let placed = 0, k = 0; placed < units; k++) {
    const count = Math.min(1 + (k % 4), units - placed);
    const ids = Array.from({ length: count }, () => indNo++);
    placed += count;
    const kind = k % 10 === 9 ? 'shelf' : k % 10 === 8 ? 'careUnit' : 'patient';
    if (kind === 'shelf') {
      for (const id of ids)
        tables.individuals.set(id, {
          indNo: id,
          artNo: article.artNo,
          location: { kind: 'warehouse', warehouse: '10' },
        });
      const key = stockKey('10', article.artNo);
      const row = tables.stock.get(key) ?? { warehouse: '10', artNo: article.artNo, onHand: 0, reserved: 0 };
      tables.stock.set(key, { ...row, onHand: row.onHand + count });
      state.shelf += count;
      continue;
    }
    const user = prescribers[k % prescribers.length]!;
    used.add(user.id);
    const place = user.workplaces[0]!;
    const patient = patients[(k * 7919) % patients.length]!;
    const location: Individual['location'] =
      kind === 'patient' ? { kind: 'patient', pnr: patient.pnr } : { kind: 'careUnit', customerNo: place.customerNo };
    for (const id of ids) tables.individuals.set(id, { indNo: id, artNo: article.artNo, location });
    const order: Order = {
      orderNo,
      placedMs: Date.UTC(2026, 4, 25),
      placedDate: '2026-05-25',
      prescriberId: user.id,
      workplaceId: place.id,
      customerNo: place.customerNo,
      recipient:
        kind === 'patient' ? { kind: 'patient', pnr: patient.pnr } : { kind: 'careUnit', customerNo: place.customerNo },
      warehouse: '10',
      partialDelivery: false,
      deliveryAddress: kind === 'patient' ? patient.address : place.deliveryAddress,
      temporaryAddress: false,
      contactName: user.name.slice(0, 40),
      contactPhone: user.phone.slice(0, 20),
      otherInfo: '',
      plannedPickDate: DAY,
      plannedDeliveryDate: DAY,
      idempotencyKey: `bench-recall-${orderNo}`,
      lines: [line(article.artNo, ids)],
    };
    tables.orders.set(orderNo++, order);
    state.orders++;
    if (kind === 'patient') state.patients += count;
    else state.careUnits += count;
  }
  state.prescribers = used.size;
  return state;
}

/** Generates the scale's data with the recall units and writes every table into a new LMDB store in `dataDir`. */
export async function writeRecallStore(dataDir: string, scale: SeedScale, units: number): Promise<RecallState> {
  const tables = generateTables({ scale });
  const state = addRecallUnits(tables, units);
  const store = new LmdbStore(dataDir);
  await writeTables(store, tables);
  await store.close();
  return state;
}
