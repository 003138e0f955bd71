// Handlers of HMC oversight (issue 14): the named settings (read by staff, changed by admins) and the Plocklista's
// restorder list. Queries get the connection's clock as "now": the core computes ages, it never reads a clock.
import { isSettingKey } from '../../../schemas/settings.ts';
import { listBackorders } from '../../core/orders/backorder-list.ts';
import { listSettings, settingView } from '../../core/settings/queries.ts';
import { firstEvent, type HandlerTable, me } from '../handler-types.ts';

export const OVERSIGHT_HANDLERS: HandlerTable<'admin.settingSet' | 'settings.get' | 'fulfil.backorders'> = {
  'admin.settingSet': async (ctx, args) => {
    const outcome = await ctx.engine.execute({
      type: 'setting.set',
      userId: me(ctx).id,
      key: args.key,
      value: args.value,
    });
    if (!outcome.ok) return outcome;
    const { key } = firstEvent(outcome, 'setting.set');
    if (!isSettingKey(key)) throw new Error(`setting.set accepted an unknown key ${key}`);
    return { ok: true, result: { seq: outcome.seq, setting: settingView(ctx.engine.state, key) } };
  },
  'settings.get': (ctx) => listSettings(ctx.engine.state),
  'fulfil.backorders': (ctx, args) => listBackorders(ctx.engine.state, args, ctx.nowMs),
};
