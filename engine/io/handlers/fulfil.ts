// Handlers of HMC's fulfilment steps (pick, dispatch, deliver, cancel lines) and of a changed delivery date, which
// leaves the prescriber a message.
import type { Event } from '../../../schemas/events.ts';
import type { OpArgs } from '../../../schemas/ops.ts';
import type { FulfilStep } from '../../core/commands.ts';
import type { CommandOutcome } from '../../engine.ts';
import { type HandlerContext, type HandlerTable, me, type Outcome } from '../handler-types.ts';

type FulfilOp = 'fulfil.pick' | 'fulfil.dispatch' | 'fulfil.deliver' | 'fulfil.cancel' | 'fulfil.setDeliveryDate';

/** What a fulfilment step (or an order's cancel) changed, for the screen that asked. */
export function stepResult(outcome: CommandOutcome, orderNo: number): Outcome {
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

export const FULFIL_HANDLERS: HandlerTable<FulfilOp> = {
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
