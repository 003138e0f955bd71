// Handler of a user's own contact details.
import { type HandlerTable, me } from '../handler-types.ts';
import { publicUser } from './public-user.ts';

export const PROFILE_HANDLERS: HandlerTable<'profile.update'> = {
  'profile.update': async (ctx, args) => {
    const userId = me(ctx).id; // read before the await: the connection's context moves on with later messages
    const outcome = await ctx.engine.execute({ type: 'profile.update', userId, email: args.email, phone: args.phone });
    if (!outcome.ok) return outcome;
    return { ok: true, result: { seq: outcome.seq, user: publicUser(ctx.engine.state.users.get(userId)!) } };
  },
};
