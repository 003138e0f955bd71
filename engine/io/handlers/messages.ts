// Handlers of a user's messages (left by HMC when an order's delivery date changes).
import { listMessages } from '../../core/messages/queries.ts';
import { type HandlerTable, me } from '../handler-types.ts';

export const MESSAGE_HANDLERS: HandlerTable<'message.list' | 'message.delete'> = {
  'message.list': (ctx, args) => listMessages(ctx.engine.state, me(ctx), args),
  'message.delete': async (ctx, args) => {
    const outcome = await ctx.engine.execute({ type: 'message.delete', userId: me(ctx).id, messageNo: args.messageNo });
    return outcome.ok ? { ok: true, result: { seq: outcome.seq, messageNo: args.messageNo } } : outcome;
  },
};
