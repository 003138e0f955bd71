// Handlers of reference data (issue 14): replacement chains and links, ISO 9999 titles, suppliers. Reads for
// everyone signed in (chain) or HMC staff (check, suppliers); changes for admins, acknowledged once durable.
import { replacementChain, replacementCheck } from '../../core/articles/replacement-chain.ts';
import { listSuppliers } from '../../core/reference/queries.ts';
import { firstEvent, type HandlerTable, me } from '../handler-types.ts';

type ReferenceOp =
  | 'catalog.replacementChain'
  | 'catalog.replacementCheck'
  | 'admin.replacementSet'
  | 'admin.isoTitleSet'
  | 'supplier.list'
  | 'admin.supplierUpsert';

export const REFERENCE_HANDLERS: HandlerTable<ReferenceOp> = {
  'catalog.replacementChain': (ctx, args) => replacementChain(ctx.engine.state, me(ctx).profession, args),
  'catalog.replacementCheck': (ctx, args) => replacementCheck(ctx.engine.state, args),
  'admin.replacementSet': async (ctx, args) => {
    const outcome = await ctx.engine.execute({ type: 'replacement.set', userId: me(ctx).id, ...args });
    if (!outcome.ok) return outcome;
    return { ok: true, result: { seq: outcome.seq, article: firstEvent(outcome, 'article.upserted').article } };
  },
  'admin.isoTitleSet': async (ctx, args) => {
    const outcome = await ctx.engine.execute({ type: 'iso.setTitle', userId: me(ctx).id, ...args });
    if (!outcome.ok) return outcome;
    return { ok: true, result: { seq: outcome.seq, node: firstEvent(outcome, 'iso.titleSet').node } };
  },
  'supplier.list': (ctx) => listSuppliers(ctx.engine.state),
  'admin.supplierUpsert': async (ctx, args) => {
    const outcome = await ctx.engine.execute({ type: 'supplier.upsert', userId: me(ctx).id, ...args });
    if (!outcome.ok) return outcome;
    return { ok: true, result: { seq: outcome.seq, supplier: firstEvent(outcome, 'supplier.upserted').supplier } };
  },
};
