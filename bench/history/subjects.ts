// The subjects of the latency probes, found by one read-only scan of the data dir's order and pickup rows while no
// engine runs: the patient with the most orders, the unit delivered the most times (each delivery is one holder of
// its chain), the prescriber with the most orders. No op answers "who has the longest history" without a scan of
// every order, and scanning through order.list pages would cost minutes at Stockholm's size.
import path from 'node:path';
import { open } from 'lmdb';
import type { Individual } from '../../schemas/entities.ts';
import type { Order } from '../../schemas/orders.ts';
import { FILE_NAME, LMDB_DBS_MAX } from '../../engine/store/lmdb-store.ts';
import { BENCH_ORDER_KEY_PREFIX } from '../workloads.ts';
import type { Subjects } from './types.ts';

/** Residents kept as order.place patients (the ones with the most orders first). */
const ORDERING_PNRS_MAX = 300;
/** Progress every this many orders. */
const PROGRESS_EVERY_ORDERS = 1_000_000;

/** The key with the highest count; ties go to the smallest key, so the pick is deterministic. */
export function topOf<K extends string | number>(counts: ReadonlyMap<K, number>): { key: K; count: number } {
  let best: { key: K; count: number } | null = null;
  for (const [key, count] of counts)
    if (best === null || count > best.count || (count === best.count && key < best.key)) best = { key, count };
  if (best === null) throw new Error('no rows to pick from');
  return best;
}

const bump = <K>(counts: Map<K, number>, key: K): void => {
  counts.set(key, (counts.get(key) ?? 0) + 1);
};

/** Orders per patient, per prescriber and deliveries per unit, from the `orders` rows. */
function countOrders(orders: Iterable<{ value: unknown }>, progress: (line: string) => void) {
  const byPnr = new Map<string, number>();
  const byPrescriber = new Map<string, number>();
  const deliveries = new Map<number, number>();
  let scanned = 0;
  let benchOrders = 0;
  for (const { value } of orders) {
    const order = value as Order;
    // Orders an earlier run placed in a reused data dir are no history: they would make its patients the "longest".
    if (order.idempotencyKey.startsWith(BENCH_ORDER_KEY_PREFIX)) {
      benchOrders++;
      continue;
    }
    if (order.recipient.kind === 'patient') bump(byPnr, order.recipient.pnr);
    bump(byPrescriber, order.prescriberId);
    for (const line of order.lines)
      if (line.status === 'delivered') for (const indNo of line.individuals) bump(deliveries, indNo);
    if (++scanned % PROGRESS_EVERY_ORDERS === 0) progress(`  scanned ${scanned} orders`);
  }
  return { byPnr, byPrescriber, deliveries, scanned, benchOrders };
}

/** Units a patient holds now, from the `individuals` rows. */
function heldByPatients(individuals: Iterable<{ key: unknown; value: unknown }>): Set<number> {
  const held = new Set<number>();
  for (const { key, value } of individuals)
    if ((value as Individual).location.kind === 'patient') held.add(key as number);
  return held;
}

/** Scans `dataDir` read-only (the engine must not be writing it) and picks the subjects; also counts pickups. */
export function findSubjects(
  dataDir: string,
  progress: (line: string) => void,
): { subjects: Subjects; pickups: number } {
  const startMs = performance.now();
  const root = open({ path: path.join(dataDir, FILE_NAME), maxDbs: LMDB_DBS_MAX, readOnly: true });
  try {
    // The store's tables share one msgpack structures record; reading them needs the same key (lmdb-store.ts).
    const structures = Symbol.for('structures');
    const orders = root.openDB({ name: 't-orders', sharedStructuresKey: structures });
    const pickups = root.openDB({ name: 't-pickups', sharedStructuresKey: structures });
    const counted = countOrders(orders.getRange(), progress);
    if (counted.scanned === 0) throw new Error(`no orders in ${dataDir}: is it a history data dir?`);
    const patient = topOf(counted.byPnr);
    const prescriber = topOf(counted.byPrescriber);
    const held = heldByPatients(root.openDB({ name: 't-individuals', sharedStructuresKey: structures }).getRange());
    const heldDeliveries = new Map([...counted.deliveries].filter(([indNo]) => held.has(indNo)));
    // A unit a patient holds now: its card shows the patient (access-logged) and the holder's orders, the costly case.
    const unit = topOf(heldDeliveries.size > 0 ? heldDeliveries : counted.deliveries);
    const orderingPnrs = [...counted.byPnr.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, ORDERING_PNRS_MAX)
      .map(([pnr]) => pnr);
    const subjects: Subjects = {
      patientPnr: patient.key,
      patientOrders: patient.count,
      indNo: unit.key,
      indDeliveries: unit.count,
      prescriberId: prescriber.key,
      prescriberOrders: prescriber.count,
      orderingPnrs,
      benchOrders: counted.benchOrders,
      scanS: Math.round(performance.now() - startMs) / 1000,
    };
    return { subjects, pickups: pickups.getKeysCount() };
  } finally {
    root.close();
  }
}
