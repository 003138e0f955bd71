// The table rows each reference event changes, for the store to write in the same transaction as the journal entry.
import type { ReferenceEvent } from '../event-groups.ts';
import type { RowRef } from '../row-ref.ts';

export function referenceRowsTouched(event: ReferenceEvent): RowRef[] {
  return event.type === 'iso.titleSet' ? [['iso', event.node.code]] : [['suppliers', event.supplier.id]];
}
