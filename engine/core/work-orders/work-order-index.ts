// Work orders per prescriber and in all, derived from the table on load and kept current by apply.
import type { WorkOrder } from '../../../schemas/work-orders.ts';
import { pushTo } from '../keys.ts';

export interface WorkOrderIndex {
  /** Every work order number, ascending (registration order). */
  all: number[];
  byPrescriber: Map<string, number[]>;
  /** Work orders about a patient, by personnummer (the care-provider boundary asks whose they are). */
  byPnr: Map<string, number[]>;
  nextWoNo: number;
}

export function buildWorkOrderIndex(workOrders: ReadonlyMap<number, WorkOrder>): WorkOrderIndex {
  const index: WorkOrderIndex = { all: [], byPrescriber: new Map(), byPnr: new Map(), nextWoNo: 1 };
  for (const woNo of [...workOrders.keys()].sort((a, b) => a - b)) indexWorkOrder(index, workOrders.get(woNo)!);
  return index;
}

export function indexWorkOrder(index: WorkOrderIndex, workOrder: WorkOrder): void {
  index.all.push(workOrder.woNo);
  pushTo(index.byPrescriber, workOrder.prescriberId, workOrder.woNo);
  if (workOrder.pnr !== null) pushTo(index.byPnr, workOrder.pnr, workOrder.woNo);
  if (workOrder.woNo >= index.nextWoNo) index.nextWoNo = workOrder.woNo + 1;
}
