// Handlers of stock balances: read one article's rows, and HMC's adjustments (which may serve backorders and
// complete pickups: the reply says how many and which).
import { stockOf } from '../../core/stock/queries.ts';
import { firstEvent, type HandlerTable, me } from '../handler-types.ts';

export const STOCK_HANDLERS: HandlerTable<'stock.get' | 'admin.stockAdjust'> = {
  'stock.get': (ctx, args) => stockOf(ctx.engine.state, args),
  'admin.stockAdjust': async (ctx, args) => {
    const outcome = await ctx.engine.execute({ type: 'stock.adjust', userId: me(ctx).id, ...args });
    if (!outcome.ok) return outcome;
    const event = firstEvent(outcome, 'stock.adjusted');
    const backordersServed = outcome.events.filter((e) => e.type === 'order.lineServed').length;
    const pickupsCompleted = outcome.events.flatMap((e) => (e.type === 'pickup.unitReturned' ? [e.pickupNo] : []));
    return {
      ok: true,
      result: {
        seq: outcome.seq,
        warehouse: event.warehouse,
        artNo: event.artNo,
        onHand: event.onHandAfter,
        individuals: event.individuals,
        backordersServed,
        pickups: pickupsCompleted,
      },
    };
  },
};
