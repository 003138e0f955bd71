// Handlers of Avvikelse / reklamation. An attachment must be one the caller uploaded (as for work orders). Every reply
// that shows a patient is access-logged before it is sent; a report the caller may not see is `not_found` (the core).
import { deviationCounts, deviationView, getDeviation, listDeviations } from '../../core/deviations/queries.ts';
import { replyLogged, type Shown } from '../access-log.ts';
import { acting, actingWorkplace } from '../acting-workplace.ts';
import { firstEvent, type HandlerContext, type HandlerTable, me, type Outcome } from '../handler-types.ts';
import { ownAttachments } from './work-orders.ts';

function shownPatient(view: { deviationNo: number; patient: { pnr: string } | null }): Shown[] {
  return view.patient === null ? [] : [{ pnr: view.patient.pnr, kind: 'deviation', no: view.deviationNo }];
}

/** The report as it is after a command, logged if it shows a patient. */
function afterCommand(
  ctx: HandlerContext,
  action: string,
  seq: number,
  deviationNo: number,
): Outcome | Promise<Outcome> {
  const deviation = deviationView(ctx.engine.state, ctx.engine.state.deviations.get(deviationNo)!);
  return replyLogged(ctx, action, { ok: true, result: { seq, deviation } }, (r) => shownPatient(r.deviation));
}

type DeviationOps =
  | 'deviation.create'
  | 'deviation.list'
  | 'deviation.get'
  | 'deviation.comment'
  | 'deviation.setStatus'
  | 'deviation.countsByArticle';

export const DEVIATION_HANDLERS: HandlerTable<DeviationOps> = {
  'deviation.create': async (ctx, args) => {
    const userId = me(ctx).id;
    const attachments = await ownAttachments(ctx, userId, args.attachments);
    if (!Array.isArray(attachments)) return attachments;
    const workplaceId = actingWorkplace(ctx).id;
    const outcome = await ctx.engine.execute({ type: 'deviation.create', userId, ...args, attachments, workplaceId });
    if (!outcome.ok) return outcome;
    const { deviation } = firstEvent(outcome, 'deviation.created');
    return afterCommand(ctx, 'deviation.create', outcome.seq, deviation.deviationNo);
  },
  'deviation.list': (ctx, args) =>
    replyLogged(ctx, 'deviation.list', listDeviations(ctx.engine.state, me(ctx), args, acting(ctx)), (r) =>
      r.deviations.flatMap(shownPatient),
    ),
  'deviation.get': (ctx, args) =>
    replyLogged(ctx, 'deviation.get', getDeviation(ctx.engine.state, me(ctx), args.deviationNo, acting(ctx)), (r) =>
      shownPatient(r),
    ),
  'deviation.comment': async (ctx, args) => {
    const outcome = await ctx.engine.execute({ type: 'deviation.comment', userId: me(ctx).id, ...args });
    if (!outcome.ok) return outcome;
    return afterCommand(ctx, 'deviation.comment', outcome.seq, args.deviationNo);
  },
  'deviation.setStatus': async (ctx, args) => {
    const outcome = await ctx.engine.execute({ type: 'deviation.setStatus', userId: me(ctx).id, ...args });
    if (!outcome.ok) return outcome;
    return afterCommand(ctx, 'deviation.setStatus', outcome.seq, args.deviationNo);
  },
  'deviation.countsByArticle': (ctx, args) => deviationCounts(ctx.engine.state, args),
};
