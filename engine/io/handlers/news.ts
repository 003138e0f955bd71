// Handlers of the news on the portal's start page: everyone reads, HMC publishes and deletes.
import { listNews } from '../../core/news/queries.ts';
import { firstEvent, type HandlerTable, me } from '../handler-types.ts';

export const NEWS_HANDLERS: HandlerTable<'news.list' | 'admin.newsPublish' | 'admin.newsDelete'> = {
  'news.list': (ctx, args) => listNews(ctx.engine.state, args.limit),
  'admin.newsPublish': async (ctx, args) => {
    const outcome = await ctx.engine.execute({
      type: 'news.publish',
      userId: me(ctx).id,
      title: args.title,
      text: args.text,
    });
    if (!outcome.ok) return outcome;
    return { ok: true, result: { seq: outcome.seq, item: firstEvent(outcome, 'news.published').item } };
  },
  'admin.newsDelete': async (ctx, args) => {
    const outcome = await ctx.engine.execute({ type: 'news.delete', userId: me(ctx).id, newsNo: args.newsNo });
    return outcome.ok ? { ok: true, result: { seq: outcome.seq, newsNo: args.newsNo } } : outcome;
  },
};
