// Handlers of the person register and the individual (K-) cards. A read that shows a personal identity number is
// written to the audit log before the reply goes out.
import { individualCard } from '../../core/individual-card.ts';
import { patientView, searchRegister } from '../../core/register-queries.ts';
import { type HandlerTable, me } from '../handler-types.ts';
import { acting } from '../acting-workplace.ts';

export const REGISTER_HANDLERS: HandlerTable<'register.search' | 'patient.get' | 'individual.get'> = {
  'register.search': (ctx, args) => searchRegister(ctx.engine.state, args, ctx.nowMs),
  'patient.get': (ctx, args) => {
    const outcome = patientView(ctx.engine.state, args, ctx.nowMs, acting(ctx));
    if (outcome.ok) {
      ctx.engine.store.audit({
        timeMs: ctx.nowMs,
        userId: me(ctx).id,
        action: 'patient.get',
        subject: outcome.result.person.pnr,
      });
    }
    return outcome;
  },
  'individual.get': (ctx, args) => {
    const outcome = individualCard(ctx.engine.state, args, acting(ctx));
    if (!outcome.ok) return outcome;
    const { revealedPnr, ...card } = outcome.result;
    if (revealedPnr !== null)
      ctx.engine.store.audit({ timeMs: ctx.nowMs, userId: me(ctx).id, action: 'individual.get', subject: revealedPnr });
    return { ok: true, result: card };
  },
};
