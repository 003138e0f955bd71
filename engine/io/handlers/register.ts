// Handlers of the person register and the individual (K-) cards. Every person a reply shows is written to the access
// log, durably, before the reply goes out (access-log.ts).
import { individualCard } from '../../core/individual-card.ts';
import { patientView, searchRegister } from '../../core/register-queries.ts';
import { replyLogged } from '../access-log.ts';
import type { HandlerTable } from '../handler-types.ts';
import { acting } from '../acting-workplace.ts';

export const REGISTER_HANDLERS: HandlerTable<'register.search' | 'patient.get' | 'individual.get'> = {
  'register.search': (ctx, args) =>
    replyLogged(ctx, 'register.search', searchRegister(ctx.engine.state, args, ctx.nowMs), (r) =>
      r.hits.map((hit) => ({ pnr: hit.pnr, kind: 'person' as const, no: null })),
    ),
  'patient.get': (ctx, args) =>
    replyLogged(ctx, 'patient.get', patientView(ctx.engine.state, args, ctx.nowMs, acting(ctx)), (r) => [
      { pnr: r.person.pnr, kind: 'person', no: null },
    ]),
  'individual.get': (ctx, args) => {
    const outcome = individualCard(ctx.engine.state, args, acting(ctx));
    if (!outcome.ok) return outcome;
    const { revealedPnr, ...card } = outcome.result;
    return replyLogged(ctx, 'individual.get', { ok: true, result: card }, () =>
      revealedPnr === null ? [] : [{ pnr: revealedPnr, kind: 'individual', no: args.indNo }],
    );
  },
};
