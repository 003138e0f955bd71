// The table rows each pickup event changes, for the store to write in the same transaction as the journal entry.
import type { PickupEvent } from '../event-groups.ts';
import type { RowRef } from '../row-ref.ts';

export function pickupRowsTouched(event: PickupEvent): RowRef[] {
  return [['pickups', event.type === 'pickup.created' ? event.pickup.pickupNo : event.pickupNo]];
}
