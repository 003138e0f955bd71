// Handlers of work orders. An attachment must be one the caller uploaded (http-attachments.ts) before create.
import { listWorkOrders, workOrderView } from '../../core/work-orders/queries.ts';
import { firstEvent, type HandlerContext, type HandlerTable, me, type Outcome } from '../handler-types.ts';
import { acting, actingWorkplace } from '../acting-workplace.ts';

type Attachment = { id: string; name: string; contentType: string; bytes: number };

/** The work order's record of each id the caller uploaded, or the refusal naming the first id that is not theirs. */
function ownAttachments(ctx: HandlerContext, userId: string, ids: readonly string[]): Attachment[] | Outcome {
  const attachments: Attachment[] = [];
  for (const id of ids) {
    const blob = ctx.engine.store.getBlob(id);
    if (blob === undefined || blob.ownerId !== userId)
      return { ok: false, code: 'not_found', message: `Bilagan ${id} finns inte bland dina uppladdade filer.` };
    attachments.push({ id, name: blob.name, contentType: blob.contentType, bytes: blob.bytes.length });
  }
  return attachments;
}

export const WORK_ORDER_HANDLERS: HandlerTable<'workorder.create' | 'workorder.list' | 'workorder.update'> = {
  'workorder.create': async (ctx, args) => {
    const userId = me(ctx).id;
    const attachments = ownAttachments(ctx, userId, args.attachments);
    if (!Array.isArray(attachments)) return attachments;
    const workplaceId = actingWorkplace(ctx).id;
    const outcome = await ctx.engine.execute({ type: 'workOrder.create', userId, ...args, attachments, workplaceId });
    if (!outcome.ok) return outcome;
    const { workOrder } = firstEvent(outcome, 'workOrder.created');
    return { ok: true, result: { seq: outcome.seq, workOrder: workOrderView(ctx.engine.state, workOrder) } };
  },
  'workorder.list': (ctx, args) => listWorkOrders(ctx.engine.state, me(ctx), args, acting(ctx)),
  'workorder.update': async (ctx, args) => {
    const outcome = await ctx.engine.execute({ type: 'workOrder.update', userId: me(ctx).id, ...args });
    if (!outcome.ok) return outcome;
    return {
      ok: true,
      result: {
        seq: outcome.seq,
        workOrder: workOrderView(ctx.engine.state, ctx.engine.state.workOrders.get(args.woNo)!),
      },
    };
  },
};
