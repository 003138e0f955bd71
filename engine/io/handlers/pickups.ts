// Handlers of pickup orders (hämtorder): a prescriber asks HMC to fetch units back from a patient.
import { listPickups, pickupView } from '../../core/pickups/queries.ts';
import { replyLogged } from '../access-log.ts';
import { firstEvent, type HandlerTable, me } from '../handler-types.ts';
import { acting, actingWorkplace } from '../acting-workplace.ts';

export const PICKUP_HANDLERS: HandlerTable<'pickup.create' | 'pickup.list' | 'pickup.cancel'> = {
  'pickup.create': async (ctx, args) => {
    const userId = me(ctx).id;
    const workplaceId = actingWorkplace(ctx).id;
    const outcome = await ctx.engine.execute({ type: 'pickup.create', userId, ...args, workplaceId });
    if (!outcome.ok) return outcome;
    const { pickup } = firstEvent(outcome, 'pickup.created');
    const result = { seq: outcome.seq, pickup: pickupView(ctx.engine.state, pickup) };
    return replyLogged(ctx, 'pickup.create', { ok: true, result }, (r) => [
      { pnr: r.pickup.pnr, kind: 'pickup', no: r.pickup.pickupNo },
    ]);
  },
  'pickup.list': (ctx, args) =>
    replyLogged(ctx, 'pickup.list', listPickups(ctx.engine.state, me(ctx), args, ctx.nowMs, acting(ctx)), (r) =>
      r.pickups.map((p) => ({ pnr: p.pnr, kind: 'pickup' as const, no: p.pickupNo })),
    ),
  'pickup.cancel': async (ctx, args) => {
    const outcome = await ctx.engine.execute({ type: 'pickup.cancel', userId: me(ctx).id, pickupNo: args.pickupNo });
    return outcome.ok ? { ok: true, result: { seq: outcome.seq, pickupNo: args.pickupNo } } : outcome;
  },
};
