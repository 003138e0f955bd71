// Work order events into state. Work orders are replaced, never changed in place (the engine hands rows on without
// copies); a comment appends to a new list.
import { assert } from '../assert.ts';
import type { WorkOrderEvent } from '../event-groups.ts';
import type { State } from '../state.ts';
import { indexWorkOrder } from './work-order-index.ts';

export function applyWorkOrderEvent(state: State, event: WorkOrderEvent): void {
  if (event.type === 'workOrder.created') {
    assert(!state.workOrders.has(event.workOrder.woNo), `work order ${event.workOrder.woNo} is new`);
    state.workOrders.set(event.workOrder.woNo, event.workOrder);
    indexWorkOrder(state.workOrderIndex, event.workOrder);
    return;
  }
  const workOrder = state.workOrders.get(event.woNo);
  assert(workOrder !== undefined, `work order ${event.woNo} exists`);
  // Only a new status counts as a change (HMC oversight flags work orders idle too long); a comment does not.
  const changed = event.status !== null && event.status !== workOrder.status;
  state.workOrders.set(workOrder.woNo, {
    ...workOrder,
    status: event.status ?? workOrder.status,
    ...(changed ? { statusChangedMs: event.timeMs } : {}),
    comments:
      event.comment === null
        ? workOrder.comments
        : [...workOrder.comments, { timeMs: event.timeMs, userId: event.userId, text: event.comment }],
  });
}
