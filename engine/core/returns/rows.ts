// The table rows each return event changes, for the store to write in the same transaction as the journal entry.
import { unreachable } from '../assert.ts';
import type { ReturnEvent } from '../event-groups.ts';
import type { RowRef } from '../row-ref.ts';

export function returnRowsTouched(event: ReturnEvent): RowRef[] {
  switch (event.type) {
    case 'return.registered':
      return [['returns', event.record.returnNo]];
    case 'return.received':
      return [['returns', event.returnNo]];
    case 'return.unitRecorded':
      return [['returnedUnits', event.unit.entryNo]];
    default:
      return unreachable(event, 'return event');
  }
}
