// Order follow-up (ordinationsöversikt, öppna kundorder, rekvirerat per förskrivare, sök order), from memory.
import type { User } from '../../../schemas/entities.ts';
import type { LineStatus, Order, OrderListArgs } from '../../../schemas/orders.ts';
import { parsePnr, formatPnr } from '../personnummer.ts';
import { found, type QueryResult } from '../query-result.ts';
import { personView } from '../register-queries.ts';
import { reject } from '../rejections.ts';
import type { State } from '../state.ts';
import { isStaff } from '../users/roles.ts';
import { type Acting, careProviderOf, defaultActing, entryCareProviderId } from '../patient-access/care-provider.ts';
import { grantGrounds } from '../patient-access/queries.ts';
import { type BoundedEntry, boundaryRejection, canReadEntry } from '../patient-access/boundary.ts';
import { isOrderFlagged, oversight } from '../oversight/flags.ts';
import type { OrderHead } from './order-heads.ts';
import { settingValue } from '../settings/queries.ts';

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

/** A row of order.list: the summary with its age and flag (HMC oversight). */
export type ListedOrder = ReturnType<typeof orderSummary> & { ageWorkingDays: number; flagged: boolean };

/** The smallest index that covers the criteria; orders come newest first. */
function candidates(
  state: State,
  args: OrderListArgs,
  pnr12: string | null,
  prescriberId: string | undefined,
): readonly number[] {
  const index = state.orderIndex;
  if (pnr12 !== null) return index.byPnr.get(pnr12) ?? [];
  if (prescriberId !== undefined) return index.byPrescriber.get(prescriberId) ?? [];
  if (args.customerNo !== undefined) return index.byCustomer.get(args.customerNo) ?? [];
  if (args.open === true) return [...index.open];
  return index.all;
}

/**
 * Other care providers' orders the caller may not read are left out and counted in `withheld`. Each order carries its
 * age in working days as of `nowMs` and whether it is flagged (a line unpicked for more than
 * `oversight.orderUnpickedWorkingDays`); `oversight.flagged` counts the flagged ones among all that match, not only
 * the page.
 */
export function listOrders(
  state: State,
  user: User,
  args: OrderListArgs,
  nowMs: number,
  acting: Acting = defaultActing(user),
) {
  let pnr12: string | null = null;
  if (args.pnr !== undefined) {
    const parsed = parsePnr(args.pnr, nowMs);
    if (!parsed.ok) return reject('invalid_pnr', `Ogiltigt personnummer: ${parsed.reason}.`);
    pnr12 = parsed.pnr12;
  }
  const prescriberId = args.mine === true ? user.id : args.prescriberId;
  if (args.mine === true && args.prescriberId !== undefined && args.prescriberId !== user.id) {
    const overview = { thresholdWorkingDays: settingValue(state, 'oversight.orderUnpickedWorkingDays'), flagged: 0 };
    const counts = { ...state.orderIndex.lineCounts };
    return found({ total: 0, orders: [] as ListedOrder[], counts, seq: state.seq, withheld: 0, oversight: overview });
  }
  const list = candidates(state, args, pnr12, prescriberId);
  const orders: Array<ListedOrder> = [];
  const watch = oversight(state, 'oversight.orderUnpickedWorkingDays', nowMs);
  const readable = readableByWorkplace(state, acting);
  let total = 0;
  let withheld = 0;
  let flaggedCount = 0;
  // Newest first. Each candidate is filtered and bounded on its head (typed columns, no decode); a row is decoded
  // only for a status filter, for the page, and when open (only open orders can be flagged).
  for (let i = list.length - 1; i >= 0; i--) {
    const head = state.orderIndex.heads.of(list[i]);
    if (!headMatches(state, head, args, pnr12, prescriberId) || !canSeeHead(state, user, head)) continue;
    let order: Order | undefined;
    if (args.status !== undefined) {
      order = state.orders.get(head.orderNo)!;
      if (!order.lines.some((l) => l.status === args.status)) continue;
    }
    if (!readable(head)) {
      withheld++;
      continue;
    }
    const onPage = total >= args.offset && orders.length < args.limit;
    if (onPage || state.orderIndex.open.has(head.orderNo)) {
      order ??= state.orders.get(head.orderNo)!;
      const ageWorkingDays = watch.ages.of(order.placedMs);
      const flagged = isOrderFlagged(order.lines, ageWorkingDays, watch.thresholdWorkingDays);
      if (flagged) flaggedCount++;
      if (onPage) orders.push({ ...orderSummary(state, order), ageWorkingDays, flagged });
    }
    total++;
  }
  const counts = { ...state.orderIndex.lineCounts };
  const overview = { thresholdWorkingDays: watch.thresholdWorkingDays, flagged: flaggedCount };
  return found({ total, orders, counts, seq: state.seq, withheld, oversight: overview });
}

/**
 * canReadEntry for order heads, with the care provider of each (prescriber, workplace) worked out once per list: a
 * prescriber's thousands of orders come from a handful of workplaces.
 */
function readableByWorkplace(state: State, acting: Acting): (head: OrderHead) => boolean {
  const careProviderId = careProviderOf(acting.workplace).id;
  const sameProvider = new Map<string, boolean>();
  return (head) => {
    if (head.pnr === null || isStaff(acting.user)) return true;
    const key = `${head.prescriberId}:${head.workplaceId}`;
    let same = sameProvider.get(key);
    if (same === undefined) {
      same = entryCareProviderId(state, head.prescriberId, head.workplaceId) === careProviderId;
      sameProvider.set(key, same);
    }
    // As canReadEntry (patient-access/boundary.ts): the same care provider, or the patient's consent or emergency.
    return same || grantGrounds(state, head.pnr, careProviderId, acting.timeMs) !== null;
  };
}

/** canSee on a head: staff see every order; a prescriber not other prescribers' orders for protected identities. */
function canSeeHead(state: State, user: User, head: OrderHead): boolean {
  if (isStaff(user) || head.prescriberId === user.id || head.pnr === null) return true;
  return !(state.persons.get(head.pnr)?.protectedIdentity ?? false);
}

function headMatches(
  state: State,
  head: OrderHead,
  args: OrderListArgs,
  pnr12: string | null,
  prescriberId: string | undefined,
): boolean {
  if (pnr12 !== null && head.pnr !== pnr12) return false;
  if (prescriberId !== undefined && head.prescriberId !== prescriberId) return false;
  if (args.customerNo !== undefined && head.customerNo !== args.customerNo) return false;
  if (args.workplaceId !== undefined && head.workplaceId !== args.workplaceId) return false;
  if (args.warehouse !== undefined && head.warehouse !== args.warehouse) return false;
  if (args.open !== undefined && state.orderIndex.open.has(head.orderNo) !== args.open) return false;
  if (args.fromDate !== undefined && head.placedDate < args.fromDate) return false;
  if (args.toDate !== undefined && head.placedDate > args.toDate) return false;
  return true;
}
