// order.list: orders newest first by the smallest index that covers the criteria, with totals, the count of other care
// providers' orders withheld, and the count of flagged orders (HMC oversight). After ten years a prescriber has
// thousands of orders (issue 16): they are filtered, counted and bounded on their heads (order-heads.ts) and a row is
// decoded only for the page, a status filter, or when open; a list whose every order is plainly readable is counted
// from its length.
import type { User } from '../../../schemas/entities.ts';
import type { Order, OrderListArgs } from '../../../schemas/orders.ts';
import { isOrderFlagged, type Oversight, oversight } from '../oversight/flags.ts';
import { type Acting, careProviderOf, defaultActing, entryCareProviderId } from '../patient-access/care-provider.ts';
import { grantGrounds } from '../patient-access/queries.ts';
import { parsePnr } from '../personnummer.ts';
import { found } from '../query-result.ts';
import { reject } from '../rejections.ts';
import type { State } from '../state.ts';
import { isStaff } from '../users/roles.ts';
import type { OrderHead } from './order-heads.ts';
import { orderSummary } from './queries.ts';

/** A row of order.list: the summary with its age and flag (HMC oversight). */
export type ListedOrder = ReturnType<typeof orderSummary> & { ageWorkingDays: number; flagged: boolean };

interface ListCriteria {
  args: OrderListArgs;
  pnr12: string | null;
  prescriberId: string | undefined;
}

/** The smallest index that covers the criteria; orders come newest first. */
function candidates(state: State, { args, pnr12, prescriberId }: ListCriteria): readonly number[] {
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
  const watch = oversight(state, 'oversight.orderUnpickedWorkingDays', nowMs);
  const counts = { ...state.orderIndex.lineCounts };
  if (args.mine === true && args.prescriberId !== undefined && args.prescriberId !== user.id) {
    const overview = { thresholdWorkingDays: watch.thresholdWorkingDays, flagged: 0 };
    return found({ total: 0, orders: [] as ListedOrder[], counts, seq: state.seq, withheld: 0, oversight: overview });
  }
  const criteria = { args, pnr12, prescriberId };
  const list = candidates(state, criteria);
  const page = allPlainlyReadable(user, acting, criteria)
    ? readablePage(state, list, criteria, watch)
    : checkedPage(state, user, acting, list, criteria, watch);
  const overview = { thresholdWorkingDays: watch.thresholdWorkingDays, flagged: page.flagged };
  return found({
    total: page.total,
    orders: page.orders,
    counts,
    seq: state.seq,
    withheld: page.withheld,
    oversight: overview,
  });
}

interface ListPage {
  orders: ListedOrder[];
  total: number;
  withheld: number;
  flagged: number;
}

function listed(state: State, order: Order, watch: Oversight): ListedOrder {
  const ageWorkingDays = watch.ages.of(order.placedMs);
  return {
    ...orderSummary(state, order),
    ageWorkingDays,
    flagged: isOrderFlagged(order.lines, ageWorkingDays, watch.thresholdWorkingDays),
  };
}

/**
 * Every candidate matches and may be read when the list is one index with no other filter and the caller sees all of
 * it: HMC staff, or a prescriber's own orders while every workplace they have belongs to the acting care provider
 * (an order's care provider is that of one of its prescriber's workplaces).
 */
function allPlainlyReadable(user: User, acting: Acting, { args, pnr12, prescriberId }: ListCriteria): boolean {
  const filters = [args.workplaceId, args.warehouse, args.fromDate, args.toDate, args.status];
  if (filters.some((f) => f !== undefined)) return false;
  if (
    args.open !== undefined &&
    (args.open === false || pnr12 !== null || prescriberId !== undefined || args.customerNo !== undefined)
  )
    return false;
  const keys = [pnr12, prescriberId, args.customerNo].filter((k) => k !== null && k !== undefined).length;
  if (keys > 1) return false;
  if (isStaff(acting.user)) return true;
  if (prescriberId !== user.id || user.workplaces.length === 0) return false;
  const providerId = careProviderOf(acting.workplace).id;
  return user.workplaces.every((w) => careProviderOf(w).id === providerId);
}

/** The page decoded from the list's newest end; flagged orders counted among the open ones only (no other can be). */
function readablePage(state: State, list: readonly number[], criteria: ListCriteria, watch: Oversight): ListPage {
  const { args } = criteria;
  const orders: ListedOrder[] = [];
  for (let i = list.length - 1 - args.offset; i >= 0 && orders.length < args.limit; i--)
    orders.push(listed(state, state.orders.get(list[i])!, watch));
  let flagged = 0;
  const inList = listKey(state, criteria);
  for (const orderNo of state.orderIndex.open) {
    if (!inList(orderNo)) continue;
    const order = state.orders.get(orderNo)!;
    if (isOrderFlagged(order.lines, watch.ages.of(order.placedMs), watch.thresholdWorkingDays)) flagged++;
  }
  return { orders, total: list.length, withheld: 0, flagged };
}

/** Whether an order is in the list of a plainly readable page (one key at most: see allPlainlyReadable). */
function listKey(state: State, { args, pnr12, prescriberId }: ListCriteria): (orderNo: number) => boolean {
  const heads = state.orderIndex.heads;
  if (pnr12 !== null) return heads.keyed('pnr', pnr12);
  if (prescriberId !== undefined) return heads.keyed('prescriberId', prescriberId);
  if (args.customerNo !== undefined) return heads.keyed('customerNo', args.customerNo);
  return () => true;
}

/** Each candidate filtered and bounded on its head (no decode); a row decoded for a status filter, the page, or open. */
function checkedPage(
  state: State,
  user: User,
  acting: Acting,
  list: readonly number[],
  criteria: ListCriteria,
  watch: Oversight,
): ListPage {
  const { args } = criteria;
  const readable = readableByWorkplace(state, acting);
  const page: ListPage = { orders: [], total: 0, withheld: 0, flagged: 0 };
  for (let i = list.length - 1; i >= 0; i--) {
    const head = state.orderIndex.heads.of(list[i]);
    if (!headMatches(state, head, criteria) || !canSeeHead(state, user, head)) continue;
    let order: Order | undefined;
    if (args.status !== undefined) {
      order = state.orders.get(head.orderNo)!;
      if (!order.lines.some((l) => l.status === args.status)) continue;
    }
    if (!readable(head)) {
      page.withheld++;
      continue;
    }
    const onPage = page.total >= args.offset && page.orders.length < args.limit;
    if (onPage || state.orderIndex.open.has(head.orderNo)) {
      const row = listed(state, order ?? state.orders.get(head.orderNo)!, watch);
      if (row.flagged) page.flagged++;
      if (onPage) page.orders.push(row);
    }
    page.total++;
  }
  return page;
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

function headMatches(state: State, head: OrderHead, { args, pnr12, prescriberId }: ListCriteria): boolean {
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
