// workorder.list: "Registrerade AO" — a prescriber's own errands, or for HMC staff all of them (the desk), newest
// first; with the patient (protected identities only to the prescriber and HMC), the device and comment authors.
import type { User } from '../../../schemas/entities.ts';
import type { WorkOrder, WorkOrderListArgs } from '../../../schemas/work-orders.ts';
import { isStaff } from '../users/roles.ts';
import { found, type QueryResult } from '../query-result.ts';
import type { State } from '../state.ts';
import { type Acting, defaultActing } from '../patient-access/care-provider.ts';
import { canReadEntry } from '../patient-access/boundary.ts';
import { shownPatient } from '../patient-access/protected-identity.ts';
import { oversight } from '../oversight/flags.ts';

export function workOrderView(state: State, workOrder: WorkOrder) {
  const person = workOrder.pnr === null ? undefined : state.persons.get(workOrder.pnr);
  const ind = workOrder.indNo === null ? undefined : state.individuals.get(workOrder.indNo);
  const nameOf = (userId: string) => state.users.get(userId)?.name ?? userId;
  return {
    ...workOrder,
    patient: shownPatient(person),
    device:
      ind === undefined
        ? null
        : { indNo: ind.indNo, artNo: ind.artNo, name: state.articles.get(ind.artNo)?.name ?? ind.artNo },
    prescriber: { id: workOrder.prescriberId, name: nameOf(workOrder.prescriberId) },
    comments: workOrder.comments.map((c) => ({ ...c, author: nameOf(c.userId) })),
  };
}

/** When a work order's status last changed: recorded since issue 14, else its registration. */
export function statusChangedMs(workOrder: WorkOrder): number {
  return workOrder.statusChangedMs ?? workOrder.createdMs;
}

const FINISHED: ReadonlySet<string> = new Set(['done', 'cancelled']);

/** A row of workorder.list: the view with working days since its last status change and its flag (HMC oversight). */
export type ListedWorkOrder = ReturnType<typeof workOrderView> & {
  statusChangedMs: number;
  /** Null when the caller gave no time (ages are not asked for). */
  idleWorkingDays: number | null;
  flagged: boolean;
};

/**
 * Each work order carries the working days since its status last changed as of `nowMs`, flagged while open and idle
 * more than `oversight.workOrderIdleWorkingDays`; `oversight.flagged` counts the flagged ones among all that match.
 */
export function listWorkOrders(
  state: State,
  user: User,
  args: WorkOrderListArgs,
  acting: Acting = defaultActing(user),
  nowMs: number | null = null,
): QueryResult<{
  total: number;
  workOrders: ListedWorkOrder[];
  withheld: number;
  oversight: { thresholdWorkingDays: number; flagged: number } | null;
}> {
  const candidates = isStaff(user) ? state.workOrderIndex.all : (state.workOrderIndex.byPrescriber.get(user.id) ?? []);
  const workOrders: ListedWorkOrder[] = [];
  const watch = nowMs === null ? null : oversight(state, 'oversight.workOrderIdleWorkingDays', nowMs);
  let total = 0;
  let withheld = 0;
  let flaggedCount = 0;
  for (let i = candidates.length - 1; i >= 0; i--) {
    const workOrder = state.workOrders.get(candidates[i]!)!;
    // One made under another care provider (even the caller's own other workplace): left out without consent.
    if (!canReadEntry(state, acting, workOrder)) {
      withheld++;
      continue;
    }
    if (args.open === true && FINISHED.has(workOrder.status)) continue;
    if (args.destination !== undefined && workOrder.destination !== args.destination) continue;
    const changedMs = statusChangedMs(workOrder);
    const idleWorkingDays = watch === null ? null : watch.ages.of(changedMs);
    const flagged =
      watch !== null &&
      idleWorkingDays !== null &&
      !FINISHED.has(workOrder.status) &&
      idleWorkingDays > watch.thresholdWorkingDays;
    if (flagged) flaggedCount++;
    if (workOrders.length < args.limit)
      workOrders.push({ ...workOrderView(state, workOrder), statusChangedMs: changedMs, idleWorkingDays, flagged });
    total++;
  }
  const overview = watch === null ? null : { thresholdWorkingDays: watch.thresholdWorkingDays, flagged: flaggedCount };
  return found({ total, workOrders, withheld, oversight: overview });
}
