// Handler of account administration: an admin reactivates an account left unused past ACCOUNT_DORMANT_MS.
import { type HandlerTable, me } from '../handler-types.ts';
import { publicUser } from './public-user.ts';

export const ACCOUNT_HANDLERS: HandlerTable<'admin.userReactivate'> = {
  'admin.userReactivate': async (ctx, args) => {
    const byUserId = me(ctx).id; // read before the await
    const outcome = await ctx.engine.execute({ type: 'user.reactivate', userId: args.userId, byUserId });
    if (!outcome.ok) return outcome;
    return { ok: true, result: { seq: outcome.seq, user: publicUser(ctx.engine.state.users.get(args.userId)!) } };
  },
};
