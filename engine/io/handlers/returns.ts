// Handlers of Retur av hjälpmedel (issue 15): a prescriber de-registers sale articles into the acting workplace's
// buffer, HMC staff receive sent-back returns, and the patient's Återlämnade hjälpmedel (logged like patient.get).
import { bufferStock, listReturns, patientReturned } from '../../core/returns/queries.ts';
import { replyLogged } from '../access-log.ts';
import { acting, actingWorkplace } from '../acting-workplace.ts';
import { firstEvent, type HandlerTable, me } from '../handler-types.ts';

export const RETURN_HANDLERS: HandlerTable<
  'return.register' | 'return.receive' | 'return.list' | 'return.bufferStock' | 'patient.returned'
> = {
  'return.register': async (ctx, args) => {
    const workplaceId = actingWorkplace(ctx).id;
    const outcome = await ctx.engine.execute({ type: 'return.register', userId: me(ctx).id, workplaceId, ...args });
    if (!outcome.ok) return outcome;
    const { record } = firstEvent(outcome, 'return.registered');
    // No person in the reply: the caller already has the patient open, and the return number is what they keep.
    const result = {
      seq: outcome.seq,
      returnNo: record.returnNo,
      date: record.date,
      warehouse: record.warehouse,
      disposition: record.disposition,
      status: record.status,
      lines: record.lines,
    };
    return { ok: true, result };
  },
  'return.receive': async (ctx, args) => {
    const outcome = await ctx.engine.execute({ type: 'return.receive', userId: me(ctx).id, ...args });
    if (!outcome.ok) return outcome;
    const served = outcome.events.filter((e) => e.type === 'order.lineServed').length;
    return { ok: true, result: { seq: outcome.seq, returnNo: args.returnNo, outcome: args.outcome, served } };
  },
  'return.list': (ctx, args) => listReturns(ctx.engine.state, args),
  'return.bufferStock': (ctx) => bufferStock(ctx.engine.state, actingWorkplace(ctx).bufferWarehouse ?? null),
  'patient.returned': (ctx, args) =>
    replyLogged(ctx, 'patient.returned', patientReturned(ctx.engine.state, args, ctx.nowMs, acting(ctx)), (r) => [
      { pnr: r.person.pnr, kind: 'person', no: null },
    ]),
};
