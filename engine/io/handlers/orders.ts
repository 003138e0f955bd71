// Handlers of a prescriber's orders: quote, place, read, list and cancel. An idempotent replay of order.place answers
// with the order already placed, once that order is durable too.
import type { User } from '../../../schemas/entities.ts';
import type { Order } from '../../../schemas/orders.ts';
import { getOrder, orderStatus } from '../../core/orders/queries.ts';
import { listOrders } from '../../core/orders/order-list.ts';
import { accessoryOffers, quoteOrder } from '../../core/orders/order-quote.ts';
import type { State } from '../../core/state.ts';
import { STORAGE_UNAVAILABLE } from '../../storage-health.ts';
import { replyLogged, type Shown } from '../access-log.ts';
import { firstEvent, type HandlerTable, me } from '../handler-types.ts';
import { stepResult } from './fulfil.ts';
import { acting, actingWorkplace } from '../acting-workplace.ts';
import { WorkingDayAges } from '../../core/oversight/working-day-ages.ts';
import { found, type QueryResult } from '../../core/query-result.ts';

type OrderOp = 'order.quote' | 'order.place' | 'order.get' | 'order.list' | 'order.cancel';

/** The receipt: order number, planned dates, each line as placed, and accessories to offer next. */
function receipt(state: State, order: Order, replayed: boolean, buffer: string | null) {
  return {
    orderNo: order.orderNo,
    replayed,
    placedDate: order.placedDate,
    status: orderStatus(order),
    plannedPickDate: order.plannedPickDate,
    plannedDeliveryDate: order.plannedDeliveryDate,
    warehouse: order.warehouse,
    lines: order.lines.map((l) => ({
      lineNo: l.lineNo,
      artNo: l.artNo,
      name: state.articles.get(l.artNo)?.name ?? l.artNo,
      quantity: l.quantity,
      status: l.status,
      replacedFrom: l.replacedFrom,
      setPartOf: l.setPartOf,
      component: l.forIndividual === null ? null : `K-${l.forIndividual}`,
      note: l.note,
      ...(l.loan === undefined ? {} : { loan: l.loan }), // Issue 15, loans: the line's loan type and due date
    })),
    offers: accessoryOffers(
      state,
      order.lines.map((l) => l.artNo),
      buffer,
    ),
  };
}

/** The patient an order view shows, if it is for a patient (the access log's entry). */
function shownPatient(order: { orderNo: number; recipient: { kind: string; pnr?: string } }): Shown[] {
  const { recipient } = order;
  return recipient.kind === 'patient' && recipient.pnr !== undefined
    ? [{ pnr: recipient.pnr, kind: 'order', no: order.orderNo }]
    : [];
}

function bufferOfWorkplace(user: User, workplaceId: string): string | null {
  return user.workplaces.find((w) => w.id === workplaceId)?.bufferWarehouse ?? null;
}

/** order.get with the order's age in working days as of now (HMC oversight; the live lists fill rows in from it). */
function withAge<R extends { placedMs: number }>(outcome: QueryResult<R>, nowMs: number) {
  if (!outcome.ok) return outcome;
  return found({ ...outcome.result, ageWorkingDays: new WorkingDayAges(nowMs).of(outcome.result.placedMs) });
}

export const ORDER_HANDLERS: HandlerTable<OrderOp> = {
  'order.quote': (ctx, args) =>
    replyLogged(ctx, 'order.quote', quoteOrder(ctx.engine.state, me(ctx).id, args, ctx.nowMs), (r) => {
      const { recipient } = r as { recipient: { kind: string; pnr?: string } };
      return recipient.pnr === undefined ? [] : [{ pnr: recipient.pnr, kind: 'person', no: null }];
    }),
  'order.place': async (ctx, args) => {
    const user = me(ctx);
    const state = ctx.engine.state;
    const existing = state.orderIndex.byKey.find(state.orders, user.id, args.idempotencyKey);
    if (existing !== undefined) {
      // The original may still be on its way to disk: answer only once it is there.
      if (!(await ctx.engine.whenDurable(state.seq))) return STORAGE_UNAVAILABLE; // the original's commit failed
      const order = state.orders.get(existing)!;
      return { ok: true, result: receipt(state, order, true, bufferOfWorkplace(user, order.workplaceId)) };
    }
    // A patient order is made under the acting workplace unless the caller names one (a care-unit order finds its own).
    const workplaceId = args.workplaceId ?? (args.recipient.kind === 'patient' ? actingWorkplace(ctx).id : undefined);
    const outcome = await ctx.engine.execute({ type: 'order.place', userId: user.id, ...args, workplaceId });
    if (!outcome.ok) return outcome;
    const { order } = firstEvent(outcome, 'order.placed');
    return {
      ok: true,
      result: { seq: outcome.seq, ...receipt(state, order, false, bufferOfWorkplace(user, order.workplaceId)) },
    };
  },
  'order.get': (ctx, args) =>
    replyLogged(
      ctx,
      'order.get',
      withAge(getOrder(ctx.engine.state, me(ctx), args.orderNo, acting(ctx)), ctx.nowMs),
      shownPatient,
    ),
  'order.list': (ctx, args) =>
    replyLogged(ctx, 'order.list', listOrders(ctx.engine.state, me(ctx), args, ctx.nowMs, acting(ctx)), (r) =>
      r.orders.flatMap(shownPatient),
    ),
  'order.cancel': async (ctx, args) => {
    const outcome = await ctx.engine.execute({ type: 'order.cancel', userId: me(ctx).id, orderNo: args.orderNo });
    return stepResult(outcome, args.orderNo);
  },
};
