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
  nextPickupNo: number;
}

export function buildPickupIndex(pickups: ReadonlyMap<number, Pickup>): PickupIndex {
  const index: PickupIndex = {
    all: [],
    byPrescriber: new Map(),
    byPnr: new Map(),
    waiting: new Map(),
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
    }
  }
  if (pickup.pickupNo >= index.nextPickupNo) index.nextPickupNo = pickup.pickupNo + 1;
}
