// Order follow-up (ordinationsöversikt, öppna kundorder, rekvirerat per förskrivare, sök order), from memory.
import type { User } from '../../../schemas/entities.ts';
import type { LineStatus, Order } from '../../../schemas/orders.ts';
import { formatPnr } from '../personnummer.ts';
import { found, type QueryResult } from '../query-result.ts';
import { personView } from '../register-queries.ts';
import { reject } from '../rejections.ts';
import type { State } from '../state.ts';
import { isStaff } from '../users/roles.ts';
import { type Acting, defaultActing } from '../patient-access/care-provider.ts';
import { type BoundedEntry, boundaryRejection, canReadEntry } from '../patient-access/boundary.ts';

export const LINE_STATUS_SV: Readonly<Record<LineStatus, string>> = {
  backorder: 'Restorder',
  registered: 'Registrerad',
  picking: 'För plock',
  dispatched: 'Utlevererad',
  delivered: 'Levererad',
  cancelled: 'Makulerad',
};
const RANK: Readonly<Record<LineStatus, number>> = {
  backorder: 0,
  registered: 1,
  picking: 2,
  dispatched: 3,
  delivered: 4,
  cancelled: 5,
};

/** The least advanced status among lines still in play; `cancelled` only when every line is. */
export function orderStatus(order: Order): LineStatus {
  let status: LineStatus = 'cancelled';
  for (const line of order.lines)
    if (line.status !== 'cancelled' && RANK[line.status] < RANK[status]) status = line.status;
  return status;
}

/** Staff see every order; a prescriber sees every order except other prescribers' orders for protected identities. */
export function canSee(state: State, user: User, order: Order): boolean {
  if (isStaff(user) || order.prescriberId === user.id || order.recipient.kind !== 'patient') return true;
  return !(state.persons.get(order.recipient.pnr)?.protectedIdentity ?? false);
}

/** The order as the care-provider boundary sees it: who made it under which workplace, about whom. */
export function orderEntry(order: Order): BoundedEntry {
  const pnr = order.recipient.kind === 'patient' ? order.recipient.pnr : null;
  return { prescriberId: order.prescriberId, workplaceId: order.workplaceId, pnr };
}

function recipientView(state: State, order: Order) {
  if (order.recipient.kind === 'careUnit') {
    const place = state.users.get(order.prescriberId)?.workplaces.find((w) => w.customerNo === order.customerNo);
    return {
      kind: 'careUnit' as const,
      customerNo: order.recipient.customerNo,
      name: place?.name ?? order.recipient.customerNo,
    };
  }
  const person = state.persons.get(order.recipient.pnr);
  const view = person === undefined ? null : personView(person);
  return {
    kind: 'patient' as const,
    pnr: order.recipient.pnr,
    pnrDisplay: formatPnr(order.recipient.pnr),
    name: view === null ? '' : `${view.givenName} ${view.familyName}`,
    protectedIdentity: view?.protectedIdentity ?? false,
  };
}

export function orderSummary(state: State, order: Order) {
  const prescriber = state.users.get(order.prescriberId);
  return {
    orderNo: order.orderNo,
    placedMs: order.placedMs,
    placedDate: order.placedDate,
    prescriber: { id: order.prescriberId, name: prescriber?.name ?? order.prescriberId },
    recipient: recipientView(state, order),
    customerNo: order.customerNo,
    workplaceId: order.workplaceId,
    warehouse: order.warehouse,
    partialDelivery: order.partialDelivery,
    status: orderStatus(order),
    open: state.orderIndex.open.has(order.orderNo),
    plannedPickDate: order.plannedPickDate,
    plannedDeliveryDate: order.plannedDeliveryDate,
    lines: order.lines.map((l) => ({
      lineNo: l.lineNo,
      artNo: l.artNo,
      name: state.articles.get(l.artNo)?.name ?? l.artNo,
      quantity: l.quantity,
      status: l.status,
    })),
  };
}

export function orderView(state: State, order: Order) {
  const prescriber = state.users.get(order.prescriberId);
  const workplace = prescriber?.workplaces.find((w) => w.id === order.workplaceId);
  const name = (artNo: string) => state.articles.get(artNo)?.name ?? artNo;
  return {
    ...orderSummary(state, order),
    prescriber: {
      id: order.prescriberId,
      name: prescriber?.name ?? order.prescriberId,
      profession: prescriber?.profession ?? null,
      phone: prescriber?.phone ?? '',
      email: prescriber?.email ?? '',
    },
    workplace: { id: order.workplaceId, name: workplace?.name ?? order.workplaceId },
    deliveryAddress: order.deliveryAddress,
    temporaryAddress: order.temporaryAddress,
    contactName: order.contactName,
    contactPhone: order.contactPhone,
    otherInfo: order.otherInfo,
    lines: order.lines.map((l) => ({
      ...l,
      name: name(l.artNo),
      kind: state.articles.get(l.artNo)?.kind ?? null,
      statusSv: LINE_STATUS_SV[l.status],
      component: l.forIndividual === null ? null : `K-${l.forIndividual}`,
      replacedFrom: l.replacedFrom === null ? null : { artNo: l.replacedFrom, name: name(l.replacedFrom) },
    })),
  };
}

/** Another care provider's order about a patient is refused (`care_provider_boundary`) without consent or emergency access. */
export function getOrder(
  state: State,
  user: User,
  orderNo: number,
  acting: Acting = defaultActing(user),
): QueryResult<ReturnType<typeof orderView>> {
  const order = state.orders.get(orderNo);
  if (order === undefined || !canSee(state, user, order)) return reject('not_found', `Order ${orderNo} finns inte.`);
  if (!canReadEntry(state, acting, orderEntry(order))) return boundaryRejection(`Order ${orderNo}`);
  return found(orderView(state, order));
}
