// Handlers of the prescribing rules: who may order which ISO classes; everyone reads, HMC sets.
import { previewPrescribingRule } from '../../core/prescribing-rules/preview.ts';
import { listPrescribingRules } from '../../core/prescribing-rules/queries.ts';
import { type HandlerTable, me } from '../handler-types.ts';

export const PRESCRIBING_RULE_HANDLERS: HandlerTable<
  'prescribingRule.list' | 'admin.prescribingRuleSet' | 'admin.prescribingRulePreview'
> = {
  'prescribingRule.list': (ctx) => listPrescribingRules(ctx.engine.state),
  'admin.prescribingRuleSet': async (ctx, args) => {
    const outcome = await ctx.engine.execute({ type: 'prescribingRule.set', userId: me(ctx).id, ...args });
    if (!outcome.ok) return outcome;
    const event = outcome.events[0];
    return { ok: true, result: { seq: outcome.seq, rule: event.type === 'prescribingRule.set' ? event.rule : null } };
  },
  // Issue 14, Förskrivningsregler: the effect of a change before it is saved.
  'admin.prescribingRulePreview': (ctx, args) =>
    previewPrescribingRule(ctx.engine.state, args.profession, args.isoPrefixes),
};
