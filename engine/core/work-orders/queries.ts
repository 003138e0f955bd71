// workorder.list: "Registrerade AO" — a prescriber's own errands, or for HMC staff all of them (the desk), newest
// first; with the patient (protected identities only to the prescriber and HMC), the device and comment authors.
import type { User } from '../../../schemas/entities.ts';
import type { WorkOrder, WorkOrderListArgs } from '../../../schemas/work-orders.ts';
import { isStaff } from '../users/roles.ts';
import { formatPnr } from '../personnummer.ts';
import { found, type QueryResult } from '../query-result.ts';
import type { State } from '../state.ts';
import { type Acting, defaultActing } from '../patient-access/care-provider.ts';
import { canReadEntry } from '../patient-access/boundary.ts';
import { shownName } from '../patient-access/protected-identity.ts';

export function workOrderView(state: State, workOrder: WorkOrder) {
  const person = workOrder.pnr === null ? undefined : state.persons.get(workOrder.pnr);
  const ind = workOrder.indNo === null ? undefined : state.individuals.get(workOrder.indNo);
  const nameOf = (userId: string) => state.users.get(userId)?.name ?? userId;
  return {
    ...workOrder,
    patient:
      person === undefined
        ? null
        : {
            pnr: person.pnr,
            pnrDisplay: formatPnr(person.pnr),
            name: shownName(person),
            protectedIdentity: person.protectedIdentity,
          },
    device:
      ind === undefined
        ? null
        : { indNo: ind.indNo, artNo: ind.artNo, name: state.articles.get(ind.artNo)?.name ?? ind.artNo },
    prescriber: { id: workOrder.prescriberId, name: nameOf(workOrder.prescriberId) },
    comments: workOrder.comments.map((c) => ({ ...c, author: nameOf(c.userId) })),
  };
}

export function listWorkOrders(
  state: State,
  user: User,
  args: WorkOrderListArgs,
  acting: Acting = defaultActing(user),
): QueryResult<{ total: number; workOrders: ReturnType<typeof workOrderView>[]; withheld: number }> {
  const candidates = isStaff(user) ? state.workOrderIndex.all : (state.workOrderIndex.byPrescriber.get(user.id) ?? []);
  const workOrders: ReturnType<typeof workOrderView>[] = [];
  let total = 0;
  let withheld = 0;
  for (let i = candidates.length - 1; i >= 0; i--) {
    const workOrder = state.workOrders.get(candidates[i]!)!;
    // One made under another care provider (even the caller's own other workplace): left out without consent.
    if (!canReadEntry(state, acting, workOrder)) {
      withheld++;
      continue;
    }
    if (args.open === true && (workOrder.status === 'done' || workOrder.status === 'cancelled')) continue;
    if (args.destination !== undefined && workOrder.destination !== args.destination) continue;
    if (workOrders.length < args.limit) workOrders.push(workOrderView(state, workOrder));
    total++;
  }
  return found({ total, workOrders, withheld });
}
