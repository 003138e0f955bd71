// Handlers of recalls (säkerhetsmeddelanden, issue 15): HMC staff create, follow and close; everyone reads the notice.
// recall.get shows patients (name, personnummer) and is access-logged before the reply, like patient.get.
import { listRecalls, previewRecall, recallDetail, recallNotices } from '../../core/recalls/queries.ts';
import { replyLogged } from '../access-log.ts';
import { firstEvent, type HandlerTable, me } from '../handler-types.ts';

export const RECALL_HANDLERS: HandlerTable<
  | 'recall.preview'
  | 'recall.create'
  | 'recall.list'
  | 'recall.get'
  | 'recall.setProgress'
  | 'recall.close'
  | 'recall.notice'
> = {
  'recall.preview': (ctx, args) => previewRecall(ctx.engine.state, args),
  'recall.create': async (ctx, args) => {
    const outcome = await ctx.engine.execute({ type: 'recall.create', userId: me(ctx).id, ...args });
    if (!outcome.ok) return outcome;
    return { ok: true, result: { seq: outcome.seq, recall: firstEvent(outcome, 'recall.created').recall } };
  },
  'recall.list': (ctx, args) => listRecalls(ctx.engine.state, args),
  'recall.get': (ctx, args) =>
    replyLogged(ctx, 'recall.get', recallDetail(ctx.engine.state, args), (r) =>
      r.holders
        .filter((h) => h.pnr !== null)
        .map((h) =>
          h.indNo === null
            ? { pnr: h.pnr!, kind: 'order' as const, no: h.orderNo }
            : { pnr: h.pnr!, kind: 'individual' as const, no: h.indNo },
        ),
    ),
  'recall.setProgress': async (ctx, args) => {
    const outcome = await ctx.engine.execute({ type: 'recall.setProgress', userId: me(ctx).id, ...args });
    return outcome.ok ? { ok: true, result: { seq: outcome.seq, recallNo: args.recallNo } } : outcome;
  },
  'recall.close': async (ctx, args) => {
    const outcome = await ctx.engine.execute({ type: 'recall.close', userId: me(ctx).id, ...args });
    if (!outcome.ok) return outcome;
    return { ok: true, result: { seq: outcome.seq, recall: ctx.engine.state.recalls.get(args.recallNo)! } };
  },
  'recall.notice': (ctx, args) => recallNotices(ctx.engine.state, args),
};
