// Pickup events into state. Pickups are replaced, never changed in place (the engine hands rows on without copies).
import type { Pickup } from '../../../schemas/pickups.ts';
import { assert, unreachable } from '../assert.ts';
import type { PickupEvent } from '../event-groups.ts';
import type { State } from '../state.ts';
import { indexPickup, stopWaiting } from './pickup-index.ts';

export function applyPickupEvent(state: State, event: PickupEvent): void {
  switch (event.type) {
    case 'pickup.created': {
      assert(!state.pickups.has(event.pickup.pickupNo), `pickup ${event.pickup.pickupNo} is new`);
      state.pickups.set(event.pickup.pickupNo, event.pickup);
      indexPickup(state.pickupIndex, event.pickup);
      return;
    }
    case 'pickup.cancelled': {
      const pickup = existing(state, event.pickupNo);
      for (const unit of pickup.units) stopWaiting(state.pickupIndex, unit);
      state.pickups.set(pickup.pickupNo, { ...pickup, status: 'cancelled' });
      return;
    }
    case 'pickup.unitReturned': {
      const pickup = existing(state, event.pickupNo);
      assert(
        state.pickupIndex.waiting.get(event.indNo) === pickup.pickupNo,
        `individual ${event.indNo} waits for pickup ${pickup.pickupNo}`,
      );
      const returned = pickup.units.find((u) => u.indNo === event.indNo)!;
      stopWaiting(state.pickupIndex, returned);
      const units = pickup.units.map((u) => (u.indNo === event.indNo ? { ...u, returnedMs: event.timeMs } : u));
      const status = units.every((u) => u.returnedMs !== null) ? 'collected' : pickup.status;
      state.pickups.set(pickup.pickupNo, { ...pickup, units, status });
      return;
    }
    default:
      unreachable(event, 'pickup event');
  }
}

function existing(state: State, pickupNo: number): Pickup {
  const pickup = state.pickups.get(pickupNo);
  assert(pickup !== undefined, `pickup ${pickupNo} exists`);
  return pickup;
}
