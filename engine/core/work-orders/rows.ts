// The table rows each work order event changes, for the store to write in the same transaction as the journal entry.
import type { WorkOrderEvent } from '../event-groups.ts';
import type { RowRef } from '../row-ref.ts';

export function workOrderRowsTouched(event: WorkOrderEvent): RowRef[] {
  return [['workOrders', event.type === 'workOrder.created' ? event.workOrder.woNo : event.woNo]];
}
