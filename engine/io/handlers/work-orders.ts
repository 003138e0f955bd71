// Handlers of work orders. An attachment must be one the caller uploaded (http-attachments.ts) before create.
import { listWorkOrders, workOrderView } from '../../core/work-orders/queries.ts';
import { replyLogged, type Shown } from '../access-log.ts';
import { firstEvent, type HandlerContext, type HandlerTable, me, type Outcome } from '../handler-types.ts';
import { acting, actingWorkplace } from '../acting-workplace.ts';

type Attachment = { id: string; name: string; contentType: string; bytes: number };

/**
 * The work order's record of each id the caller uploaded, or the refusal naming the first id that is not theirs. In a
 * cluster the upload may have gone to another node: its blob then comes from the shared bucket (engine/attachments.ts).
 */
export async function ownAttachments(
  ctx: HandlerContext,
  userId: string,
  ids: readonly string[],
): Promise<Attachment[] | Outcome> {
  const attachments: Attachment[] = [];
  for (const id of ids) {
    const blob = await ctx.engine.attachments.get(id);
    if (blob === undefined || blob.ownerId !== userId)
      return { ok: false, code: 'not_found', message: `Bilagan ${id} finns inte bland dina uppladdade filer.` };
    attachments.push({ id, name: blob.name, contentType: blob.contentType, bytes: blob.bytes.length });
  }
  return attachments;
}

/** The patient a work order view shows, if it carries one (the access log's entry). */
function shownPatient(view: { woNo: number; patient: { pnr: string } | null }): Shown[] {
  return view.patient === null ? [] : [{ pnr: view.patient.pnr, kind: 'workOrder', no: view.woNo }];
}

export const WORK_ORDER_HANDLERS: HandlerTable<'workorder.create' | 'workorder.list' | 'workorder.update'> = {
  'workorder.create': async (ctx, args) => {
    const userId = me(ctx).id;
    const attachments = await ownAttachments(ctx, userId, args.attachments);
    if (!Array.isArray(attachments)) return attachments;
    const workplaceId = actingWorkplace(ctx).id;
    const outcome = await ctx.engine.execute({ type: 'workOrder.create', userId, ...args, attachments, workplaceId });
    if (!outcome.ok) return outcome;
    const { workOrder } = firstEvent(outcome, 'workOrder.created');
    const result = { seq: outcome.seq, workOrder: workOrderView(ctx.engine.state, workOrder) };
    return replyLogged(ctx, 'workorder.create', { ok: true, result }, (r) => shownPatient(r.workOrder));
  },
  'workorder.list': (ctx, args) =>
    replyLogged(ctx, 'workorder.list', listWorkOrders(ctx.engine.state, me(ctx), args, acting(ctx), ctx.nowMs), (r) =>
      r.workOrders.flatMap(shownPatient),
    ),
  'workorder.update': async (ctx, args) => {
    const outcome = await ctx.engine.execute({ type: 'workOrder.update', userId: me(ctx).id, ...args });
    if (!outcome.ok) return outcome;
    const result = {
      seq: outcome.seq,
      workOrder: workOrderView(ctx.engine.state, ctx.engine.state.workOrders.get(args.woNo)!),
    };
    return replyLogged(ctx, 'workorder.update', { ok: true, result }, (r) => shownPatient(r.workOrder));
  },
};
