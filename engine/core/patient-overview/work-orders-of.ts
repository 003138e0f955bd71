// Registrerade AO of the patient view: the work orders about a patient (the errand names the patient, or a device the
// patient held when it was registered: the work order then carries the holder's personnummer), newest first, with the
// destination (typ av åtgärd), status and HMC's comments. Another care provider's errands are left out and counted
// (the boundary of workorder.list), unless the patient's consent or an emergency access stands.
import { PATIENT_WORK_ORDERS_SHOWN_MAX } from '../../../schemas/limits.ts';
import type { WorkOrder } from '../../../schemas/work-orders.ts';
import { assert } from '../assert.ts';
import { swedishDate } from '../orders/working-days.ts';
import { canReadEntry } from '../patient-access/boundary.ts';
import type { Acting } from '../patient-access/care-provider.ts';
import type { State } from '../state.ts';

export interface PatientWorkOrder {
  woNo: number;
  createdDate: string;
  destination: WorkOrder['destination'];
  status: WorkOrder['status'];
  title: string;
  text: string;
  /** The device the errand is about, or null for an errand about the patient only. */
  device: { indNo: number; artNo: string; name: string } | null;
  prescriberName: string;
  comments: { timeMs: number; author: string; text: string }[];
}

export interface PatientWorkOrders {
  /** Newest first, at most PATIENT_WORK_ORDERS_SHOWN_MAX. */
  rows: PatientWorkOrder[];
  /** Every readable work order about the patient. */
  total: number;
  /** Work orders of another care provider left out. */
  withheld: number;
}

function row(state: State, workOrder: WorkOrder): PatientWorkOrder {
  const nameOf = (userId: string) => state.users.get(userId)?.name ?? userId;
  const ind = workOrder.indNo === null ? undefined : state.individuals.get(workOrder.indNo);
  return {
    woNo: workOrder.woNo,
    createdDate: swedishDate(workOrder.createdMs),
    destination: workOrder.destination,
    status: workOrder.status,
    title: workOrder.title,
    text: workOrder.text,
    device:
      ind === undefined
        ? null
        : { indNo: ind.indNo, artNo: ind.artNo, name: state.articles.get(ind.artNo)?.name ?? ind.artNo },
    prescriberName: nameOf(workOrder.prescriberId),
    comments: workOrder.comments.map((c) => ({ timeMs: c.timeMs, author: nameOf(c.userId), text: c.text })),
  };
}

/** Without `acting` (core callers that read as HMC) nothing is withheld. */
export function patientWorkOrders(state: State, pnr: string, acting: Acting | undefined): PatientWorkOrders {
  const woNos = state.workOrderIndex.byPnr.get(pnr) ?? [];
  const rows: PatientWorkOrder[] = [];
  let total = 0;
  let withheld = 0;
  for (let i = woNos.length - 1; i >= 0; i--) {
    const workOrder = state.workOrders.get(woNos[i]!)!;
    assert(workOrder.pnr === pnr, `work order ${workOrder.woNo} is indexed under its patient`);
    if (acting !== undefined && !canReadEntry(state, acting, workOrder)) {
      withheld++;
      continue;
    }
    total++;
    if (rows.length < PATIENT_WORK_ORDERS_SHOWN_MAX) rows.push(row(state, workOrder));
  }
  return { rows, total, withheld };
}
