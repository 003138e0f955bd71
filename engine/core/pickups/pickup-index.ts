// Indexes over pickup orders, derived from the table on load and kept current by apply: per prescriber and patient,
// and the units an open pickup is waiting for (a unit is in at most one open pickup).
import type { Pickup } from '../../../schemas/pickups.ts';
import { assert } from '../assert.ts';
import { pushTo } from '../keys.ts';

export const PICKUP_NO_FIRST = 1;

export interface PickupIndex {
  /** Every pickup number, ascending (placement order). */
  all: number[];
  byPrescriber: Map<string, number[]>;
  byPnr: Map<string, number[]>;
  /** indNo → the open pickup waiting for it. */
  waiting: Map<number, number>;
  /** artNo → how many of its units open pickups still wait for (Restorder shows them as on their way back). */
  waitingByArticle: Map<string, number>;
  nextPickupNo: number;
}

export function buildPickupIndex(pickups: ReadonlyMap<number, Pickup>): PickupIndex {
  const index: PickupIndex = {
    all: [],
    byPrescriber: new Map(),
    byPnr: new Map(),
    waiting: new Map(),
    waitingByArticle: new Map(),
    nextPickupNo: PICKUP_NO_FIRST,
  };
  for (const pickupNo of [...pickups.keys()].sort((a, b) => a - b)) indexPickup(index, pickups.get(pickupNo)!);
  return index;
}

export function indexPickup(index: PickupIndex, pickup: Pickup): void {
  index.all.push(pickup.pickupNo);
  pushTo(index.byPrescriber, pickup.prescriberId, pickup.pickupNo);
  pushTo(index.byPnr, pickup.pnr, pickup.pickupNo);
  if (pickup.status === 'requested') {
    for (const unit of pickup.units) {
      if (unit.returnedMs !== null) continue;
      assert(!index.waiting.has(unit.indNo), `individual ${unit.indNo} waits for one pickup only`);
      index.waiting.set(unit.indNo, pickup.pickupNo);
      index.waitingByArticle.set(unit.artNo, (index.waitingByArticle.get(unit.artNo) ?? 0) + 1);
    }
  }
  if (pickup.pickupNo >= index.nextPickupNo) index.nextPickupNo = pickup.pickupNo + 1;
}

/** A unit no longer waits (returned, or its pickup cancelled); a unit that was not waiting changes nothing. */
export function stopWaiting(index: PickupIndex, unit: { indNo: number; artNo: string }): void {
  if (!index.waiting.delete(unit.indNo)) return;
  const left = (index.waitingByArticle.get(unit.artNo) ?? 0) - 1;
  assert(left >= 0, `article ${unit.artNo} had units waiting`);
  if (left === 0) index.waitingByArticle.delete(unit.artNo);
  else index.waitingByArticle.set(unit.artNo, left);
}
