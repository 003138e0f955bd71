// Pickup events into state. Pickups are replaced, never changed in place (the engine hands rows on without copies).
import type { Event } from '../../../schemas/events.ts';
import type { Pickup } from '../../../schemas/pickups.ts';
import { assert } from '../assert.ts';
import type { RowRef } from '../row-ref.ts';
import type { State } from '../state.ts';
import { indexPickup } from './pickup-index.ts';

type PickupEvent = Extract<Event, { type: 'pickup.created' | 'pickup.cancelled' | 'pickup.unitReturned' }>;

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
      for (const unit of pickup.units) state.pickupIndex.waiting.delete(unit.indNo);
      state.pickups.set(pickup.pickupNo, { ...pickup, status: 'cancelled' });
      return;
    }
    case 'pickup.unitReturned': {
      const pickup = existing(state, event.pickupNo);
      assert(
        state.pickupIndex.waiting.get(event.indNo) === pickup.pickupNo,
        `individual ${event.indNo} waits for pickup ${pickup.pickupNo}`,
      );
      state.pickupIndex.waiting.delete(event.indNo);
      const units = pickup.units.map((u) => (u.indNo === event.indNo ? { ...u, returnedMs: event.timeMs } : u));
      const status = units.every((u) => u.returnedMs !== null) ? 'collected' : pickup.status;
      state.pickups.set(pickup.pickupNo, { ...pickup, units, status });
      return;
    }
  }
}

function existing(state: State, pickupNo: number): Pickup {
  const pickup = state.pickups.get(pickupNo);
  assert(pickup !== undefined, `pickup ${pickupNo} exists`);
  return pickup;
}

export function pickupRowsTouched(event: PickupEvent): RowRef[] {
  return [['pickups', event.type === 'pickup.created' ? event.pickup.pickupNo : event.pickupNo]];
}
