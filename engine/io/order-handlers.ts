// Handlers of the order, fulfilment, message and prescribing-rule ops. Commands answer after their events are durable;
// an idempotent replay of order.place answers with the order already placed, once that order is durable too.
import type { User } from '../../schemas/entities.ts';
import type { Event } from '../../schemas/events.ts';
import type { OpArgs } from '../../schemas/ops.ts';
import type { Order } from '../../schemas/orders.ts';
import type { FulfilStep } from '../core/commands.ts';
import { idempotencyIndexKey } from '../core/orders/order-index.ts';
import { getOrder, listOrders, orderStatus } from '../core/orders/queries.ts';
import { listMessages } from '../core/messages/queries.ts';
import { listPrescribingRules } from '../core/prescribing-rules/queries.ts';
import { accessoryOffers, quoteOrder } from '../core/orders/order-quote.ts';
import type { State } from '../core/state.ts';
import type { CommandOutcome } from '../engine.ts';
import type { Handler, HandlerContext, Outcome } from './handlers.ts';

type OrderOp =
  | 'order.quote'
  | 'order.place'
  | 'order.get'
  | 'order.list'
  | 'order.cancel'
  | 'message.list'
  | 'message.delete'
  | 'prescribingRule.list'
  | 'admin.prescribingRuleSet'
  | 'fulfil.pick'
  | 'fulfil.dispatch'
  | 'fulfil.deliver'
  | 'fulfil.cancel'
  | 'fulfil.setDeliveryDate';

function me(ctx: HandlerContext): User {
  if (ctx.user === null) throw new Error('handler of a role-checked op ran without a user');
  return ctx.user;
}

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
    })),
    offers: accessoryOffers(
      state,
      order.lines.map((l) => l.artNo),
      buffer,
    ),
  };
}

function bufferOfWorkplace(user: User, workplaceId: string): string | null {
  return user.workplaces.find((w) => w.id === workplaceId)?.bufferWarehouse ?? null;
}

/** What a fulfilment step changed, for the staff screen that asked. */
function stepResult(outcome: CommandOutcome, orderNo: number): Outcome {
  if (!outcome.ok) return outcome;
  const lines = outcome.events.flatMap((e: Event) => {
    switch (e.type) {
      case 'order.linePicking':
        return [{ lineNo: e.lineNo, status: 'picking', individuals: e.individuals }];
      case 'order.lineDispatched':
        return [{ lineNo: e.lineNo, status: 'dispatched', individuals: e.individuals }];
      case 'order.lineDelivered':
        return [{ lineNo: e.lineNo, status: 'delivered', individuals: e.individuals }];
      case 'order.lineCancelled':
        return [{ lineNo: e.lineNo, status: 'cancelled', individuals: [] }];
      default:
        return [];
    }
  });
  const backordersServed = outcome.events.filter((e) => e.type === 'order.lineServed').length;
  return { ok: true, result: { seq: outcome.seq, orderNo, lines, backordersServed } };
}

function fulfil(step: FulfilStep['step']): (ctx: HandlerContext, args: OpArgs<'fulfil.pick'>) => Promise<Outcome> {
  return async (ctx, args) =>
    stepResult(
      await ctx.engine.execute({
        type: 'fulfil.step',
        userId: me(ctx).id,
        step,
        orderNo: args.orderNo,
        lineNos: args.lineNos ?? null,
      }),
      args.orderNo,
    );
}

export const ORDER_HANDLERS: { [O in OrderOp]: Handler<O> } = {
  'order.quote': (ctx, args) => quoteOrder(ctx.engine.state, me(ctx).id, args, ctx.nowMs),
  'order.place': async (ctx, args) => {
    const user = me(ctx);
    const state = ctx.engine.state;
    const existing = state.orderIndex.byKey.get(idempotencyIndexKey(user.id, args.idempotencyKey));
    if (existing !== undefined) {
      // The original may still be on its way to disk: answer only once it is there.
      await ctx.engine.whenDurable(state.seq);
      const order = state.orders.get(existing)!;
      return { ok: true, result: receipt(state, order, true, bufferOfWorkplace(user, order.workplaceId)) };
    }
    const outcome = await ctx.engine.execute({ type: 'order.place', userId: user.id, ...args });
    if (!outcome.ok) return outcome;
    const placed = outcome.events[0];
    if (placed.type !== 'order.placed') throw new Error(`order.place produced ${placed.type}`);
    return {
      ok: true,
      result: {
        seq: outcome.seq,
        ...receipt(state, placed.order, false, bufferOfWorkplace(user, placed.order.workplaceId)),
      },
    };
  },
  'order.get': (ctx, args) => getOrder(ctx.engine.state, me(ctx), args.orderNo),
  'order.list': (ctx, args) => listOrders(ctx.engine.state, me(ctx), args, ctx.nowMs),
  'order.cancel': async (ctx, args) => {
    const outcome = await ctx.engine.execute({ type: 'order.cancel', userId: me(ctx).id, orderNo: args.orderNo });
    return stepResult(outcome, args.orderNo);
  },
  'message.list': (ctx, args) => listMessages(ctx.engine.state, me(ctx), args),
  'message.delete': async (ctx, args) => {
    const outcome = await ctx.engine.execute({ type: 'message.delete', userId: me(ctx).id, messageNo: args.messageNo });
    return outcome.ok ? { ok: true, result: { seq: outcome.seq, messageNo: args.messageNo } } : outcome;
  },
  'prescribingRule.list': (ctx) => listPrescribingRules(ctx.engine.state),
  'admin.prescribingRuleSet': async (ctx, args) => {
    const outcome = await ctx.engine.execute({ type: 'prescribingRule.set', userId: me(ctx).id, ...args });
    if (!outcome.ok) return outcome;
    const event = outcome.events[0];
    return { ok: true, result: { seq: outcome.seq, rule: event.type === 'prescribingRule.set' ? event.rule : null } };
  },
  'fulfil.pick': fulfil('pick'),
  'fulfil.dispatch': fulfil('dispatch'),
  'fulfil.deliver': fulfil('deliver'),
  'fulfil.cancel': fulfil('cancel'),
  'fulfil.setDeliveryDate': async (ctx, args) => {
    const outcome = await ctx.engine.execute({ type: 'order.setDeliveryDate', userId: me(ctx).id, ...args });
    if (!outcome.ok) return outcome;
    const created = outcome.events.find((e) => e.type === 'message.created');
    return {
      ok: true,
      result: {
        seq: outcome.seq,
        orderNo: args.orderNo,
        date: args.date,
        messageNo: created?.type === 'message.created' ? created.message.messageNo : null,
      },
    };
  },
};
