// Handlers of topic subscriptions: who may listen is topic-access.ts's rule; the connection keeps the topics.
import { type HandlerTable, me } from '../handler-types.ts';
import { refuseTopic } from '../topic-access.ts';

export const SUBSCRIBE_HANDLERS: HandlerTable<'subscribe' | 'unsubscribe'> = {
  subscribe: (ctx, args) => refuseTopic(me(ctx), args.topic) ?? ctx.subscribe(args.topic),
  unsubscribe: (ctx, args) => ctx.unsubscribe(args.topic),
};
