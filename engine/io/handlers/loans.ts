// Handlers of loans (issue 15): the Uppföljning list (every patient it shows is access-logged before the reply goes
// out), and the prescriber's or HMC's two changes of a loan. The periodic sweep is no op: engine/io/loan-sweep.ts.
import { listLoans } from '../../core/loans/queries.ts';
import { replyLogged } from '../access-log.ts';
import { type HandlerTable, me } from '../handler-types.ts';
import { acting } from '../acting-workplace.ts';

export const LOAN_HANDLERS: HandlerTable<'loan.list' | 'loan.makePermanent' | 'loan.extend'> = {
  'loan.list': (ctx, args) =>
    replyLogged(ctx, 'loan.list', listLoans(ctx.engine.state, me(ctx), args, ctx.nowMs, acting(ctx)), (r) =>
      r.loans.map((loan) => ({ pnr: loan.patient.pnr, kind: 'individual' as const, no: loan.indNo })),
    ),
  'loan.makePermanent': async (ctx, args) => {
    const outcome = await ctx.engine.execute({ type: 'loan.makePermanent', userId: me(ctx).id, loanNo: args.loanNo });
    return outcome.ok ? { ok: true, result: { seq: outcome.seq, loanNo: args.loanNo } } : outcome;
  },
  'loan.extend': async (ctx, args) => {
    const outcome = await ctx.engine.execute({
      type: 'loan.extend',
      userId: me(ctx).id,
      loanNo: args.loanNo,
      dueDate: args.dueDate,
    });
    return outcome.ok
      ? { ok: true, result: { seq: outcome.seq, loanNo: args.loanNo, dueDate: args.dueDate } }
      : outcome;
  },
};
